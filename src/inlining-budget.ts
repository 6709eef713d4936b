import v8 from 'node:v8'

/**
 * The most bytecode V8's optimizing compiler inlines into one function, in
 * bytes (V8's default is 920).
 */
export const inliningBudget = 200

/**
 * Whether a command runs one build and exits (`build`, `check`, `new`, or
 * none, which is `build`), rather than the long-running dev server.
 */
export function runsOnce(args: readonly string[]): boolean {
  return args[0] !== 'dev'
}

/**
 * Make V8's optimizing compiler inline less, in this process and its worker
 * threads. Note: in a cold build of 10,000 corpus seeds V8 spent nearly a
 * third of the process's CPU time compiling optimized code on its own
 * threads, on the same two cores as the build (`perf record`); the largest
 * functions, such as the topic finder's, were compiled six to eight times as
 * new kinds of objects reached them. With less inlined, each compilation is
 * smaller: on this project's 2-core bench machine such builds took a median
 * of 5.94 s against 6.44 s (0.92×) and 9.80 s of CPU against 10.88 s (six
 * alternated pairs, every one faster), and cold builds of 100,000, which
 * compile the same code and then run it far longer, were no slower (56.91 and
 * 70.27 s against 57.59 and 77.40 s, two pairs). For a process that runs one
 * build (`runsOnce`); the dev server keeps V8's defaults, as its code runs
 * build after build, where more inlining has longer to pay back. Node.js warns
 * that V8 flags set after start-up may behave unpredictably; this one is read
 * at each compilation.
 */
export function limitInlining(): void {
  v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${inliningBudget}`)
}
