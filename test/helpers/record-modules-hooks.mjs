// The module hooks of `record-modules.mjs`: they run on the loader's own thread.
import {appendFileSync} from 'node:fs'

export async function load(url, context, next) {
  appendFileSync(process.env.RECORD_MODULES, `${url}\n`)
  return next(url, context)
}
