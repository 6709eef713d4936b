import {watch} from 'chokidar'

/** A running watch; `close` stops it. */
export interface FileWatch {
  close(): Promise<void>
}

/**
 * Call `onChange` with the path of every file added, changed or removed
 * under `paths` (files or folders, which need not exist yet), through
 * chokidar. `ignore` leaves out paths (absolute) such as the output folder.
 * Resolves once the initial scan is done, so no change after it is missed.
 */
export async function watchFiles(paths: readonly string[], ignore: (file: string) => boolean, onChange: (file: string) => void): Promise<FileWatch> {
  const watcher = watch([...paths], {ignoreInitial: true, ignored: (file: string) => ignore(file), awaitWriteFinish: {stabilityThreshold: 50, pollInterval: 20}})
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, (file: string) => onChange(file))
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve)
    watcher.once('error', reject)
  })
  return {close: () => watcher.close()}
}
