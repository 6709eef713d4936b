import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {packageRoot} from '../options.js'
import {fingerprint, fingerprintAll} from './hash.js'
import {compareCodeUnits} from '../text/code-unit-order.js'

/** The generator's own code: `lib/` when compiled, `src/` when run through tsx. */
const codeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

let memo: string | undefined

/**
 * A fingerprint of the generator itself: every file of its code, the
 * versions of the packages it depends on, and the Node.js version. Any change
 * to these may change what a seed or a page becomes, so cache entries made by
 * another generator are never trusted.
 * Note: the package version alone is not enough: it does not change while the
 * code is being worked on, and a cache must never outlive the code that made it.
 */
export function generatorFingerprint(): string {
  memo ??= fingerprint(codeFingerprint(codeDir), dependencyVersions(), process.version)
  return memo
}

function codeFingerprint(dir: string): string {
  const parts: string[] = []
  for (const file of codeFiles(dir)) parts.push(path.relative(dir, file), fingerprint(readFileSync(file)))
  return fingerprintAll(parts)
}

function codeFiles(dir: string): string[] {
  const files: string[] = []
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => compareCodeUnits(a.name, b.name))) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) for (const file of codeFiles(full)) files.push(file)
    else if (/\.(js|ts|json)$/.test(entry.name) && !/\.(test|property\.test|e2e)\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full)
  }
  return files
}

function dependencyVersions(): string {
  const manifestFile = path.join(packageRoot, 'package.json')
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {version?: string; dependencies?: Record<string, string>}
  const versions = [`news-archive@${manifest.version ?? ''}`]
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    const file = path.join(packageRoot, 'node_modules', name, 'package.json')
    const version = existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as {version?: string}).version ?? '?') : 'not-found'
    versions.push(`${name}@${version}`)
  }
  return versions.join('\n')
}
