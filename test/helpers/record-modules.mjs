// Preloaded with `node --import`: appends every module the process loads to the file named by
// $RECORD_MODULES, one URL (ES modules) or path (CommonJS) per line, so a test can see what a run loaded.
import {appendFileSync} from 'node:fs'
import {createRequire, register} from 'node:module'

register('./record-modules-hooks.mjs', import.meta.url)
const commonJs = createRequire(import.meta.url).cache
process.on('exit', () => appendFileSync(process.env.RECORD_MODULES, `${Object.keys(commonJs).join('\n')}\n`))
