/**
 * Validators compiled once per version of the schemas. Compiling every schema
 * costs ajv some 45 ms in each process, more than parsing ten documents; the
 * JavaScript it generates for them (its "standalone" code) loads in about 4.
 * So the code is kept, under a name made of a SHA-256 of the schemas, ajv's
 * and ajv-formats' versions and the options, in a folder for tools' caches
 * (node_modules/.cache, as babel and eslint use it). It depends only on the
 * pipeline's own code, never on the documents, and is never trusted blindly:
 * it is written whole or not at all, a CRC-32 of its text is checked before
 * it runs, and anything amiss means compiling again.
 */
import {createHash} from 'node:crypto'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {AnySchemaObject, Options, ValidateFunction} from 'ajv'
import Ajv2020 from 'ajv/dist/2020.js'
import standaloneCode from 'ajv/dist/standalone/index.js'
import addFormats from 'ajv-formats'
import {readFramed, writeFramed} from '../cache/index.ts'

const require = createRequire(import.meta.url)

// The schemas are checked against the 2020-12 meta-schema by test/validate/schemas.test.ts, not at every
// start, where it took some 45 ms of each `npm run data`. Unoptimised code compiles some 20 ms faster and
// validates as fast (4,576 records and 100 frontmatters: 5.4 ms either way).
const options: Options = {allErrors: true, strict: true, validateSchema: false, code: {optimize: false, source: true}}

/** Validators of `schemas` by `$id`: loaded from `folder` when compiled there before, else compiled (and kept there). */
export function compiledValidators(schemas: readonly AnySchemaObject[], folder: string | undefined): Map<string, ValidateFunction> {
  const file = folder && path.join(folder, `validators-${keyOf(schemas)}.cjs`)
  const loaded = file ? load(file) : undefined
  if (loaded && schemas.every((schema) => typeof loaded[schema.$id!] === 'function')) {
    return new Map(schemas.map((schema) => [schema.$id!, loaded[schema.$id!]!]))
  }
  const ajv = new Ajv2020.default(options)
  addFormats.default(ajv)
  for (const schema of schemas) ajv.addSchema(schema)
  const validators = new Map(schemas.map((schema) => [schema.$id!, ajv.getSchema(schema.$id!)!]))
  if (file) save(file, standaloneCode.default(ajv, Object.fromEntries(schemas.map((schema) => [schema.$id!, schema.$id!]))))
  return validators
}

function keyOf(schemas: readonly AnySchemaObject[]): string {
  const versions = ['ajv', 'ajv-formats'].map((name) => `${name}@${(require(`${name}/package.json`) as {version: string}).version}`)
  return createHash('sha256')
    .update(JSON.stringify([versions, options, schemas]))
    .digest('hex')
    .slice(0, 32)
}

/** The exports of a kept file, or undefined when there is none or its checksum does not match. */
function load(file: string): Record<string, ValidateFunction> | undefined {
  const code = readFramed(file)
  if (code === undefined) return undefined
  const exports: Record<string, ValidateFunction> = {}
  // The code is CommonJS that requires ajv's runtime helpers and ajv-formats, resolved from here.
  new Function('require', 'exports', code)(require, exports)
  return exports
}

/** Keep the code; a folder that cannot be written only means compiling again next time. */
function save(file: string, code: string): void {
  try {
    writeFramed(file, code)
  } catch {
    // Not kept: the validators compiled now serve this process all the same.
  }
}
