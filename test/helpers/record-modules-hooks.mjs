// The module hooks of `record-modules.mjs`, on the module loader's own thread.
import {appendFileSync} from 'node:fs'

let record

export function initialize(data) {
  record = data.record
}

export async function load(url, context, next) {
  appendFileSync(record, `${url}\n`)
  return next(url, context)
}
