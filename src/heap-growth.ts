import v8 from 'node:v8'

/** How far V8 lets the heap grow past what a full collection found live, in percent. */
export const heapGrowingPercent = 30

/**
 * Make V8 collect garbage once the heap has grown by `heapGrowingPercent`
 * over what was live, in this process and its worker threads, rather than by
 * the factor of up to four it picks itself. Note: a build holds its archive
 * from start to end while making garbage fast. In a build of 100,000
 * articles V8 let the main thread's heap reach 1.2 GB with 0.5 GB live (1.5 GB
 * of peak RSS); with 30 % the build peaked at 0.9 GB. Node.js warns that V8
 * flags set after start-up may behave unpredictably; this one is read at
 * each collection. For the process's entry point only (`bin/`, the bench's
 * build driver): the flag is the whole process's.
 */
export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`)
}
