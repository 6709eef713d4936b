import {watch, type FSWatcher} from 'chokidar'

/** A running watch; `close` stops it. */
export interface FileWatch {
  close(): Promise<void>
}

/**
 * Call `onChange` with the path of every file added, changed or removed
 * under `paths` (files or folders, which need not exist yet), through
 * chokidar. `ignore` leaves out paths (absolute) such as the output folder.
 * Resolves once the initial scan is done, so no change after it is missed.
 *
 * Note: one watcher per path. A single chokidar 4 watcher of several paths,
 * one of them missing (a project without `templates/`), said it was ready
 * before it had scanned the others: a seed added to a folder of 10,000 just
 * after that was never reported.
 */
export async function watchFiles(paths: readonly string[], ignore: (file: string) => boolean, onChange: (file: string) => void): Promise<FileWatch> {
  const watchers: FSWatcher[] = []
  const close = async (): Promise<void> => {
    await Promise.all(watchers.map((watcher) => watcher.close()))
  }
  try {
    await Promise.all(paths.map((at) => {
      const watcher = watch(at, {ignoreInitial: true, ignored: (file: string) => ignore(file), awaitWriteFinish: {stabilityThreshold: 50, pollInterval: 20}})
      watchers.push(watcher)
      for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, (file: string) => onChange(file))
      return new Promise<void>((resolve, reject) => {
        watcher.once('ready', resolve)
        watcher.once('error', reject)
      })
    }))
  } catch (error) {
    await close()
    throw error
  }
  return {close}
}
