// Preloaded with `node --import`: appends every module the process loads to the file named by
// $RECORD_MODULES, one URL (ES modules) or path (CommonJS) per line, so a test can see what a run loaded.
// Note: the main thread's modules only; worker threads do not run `--import` preloads.
import {appendFileSync} from 'node:fs'
import {createRequire, register} from 'node:module'

const record = process.env.RECORD_MODULES
if (!record) throw new Error('record-modules.mjs needs RECORD_MODULES: the file to append the loaded modules to')
register('./record-modules-hooks.mjs', import.meta.url, {data: {record}})
const commonJs = createRequire(import.meta.url).cache
process.on('exit', () => appendFileSync(record, `${Object.keys(commonJs).join('\n')}\n`))
