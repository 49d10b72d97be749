/**
 * The JSON Schemas in schema/, compiled once (ajv, draft 2020-12).
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {ValidateFunction} from 'ajv'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

export const schemaFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../schema')

export interface JsonSchema {
  $id: string
  title: string
  description: string
  required?: string[]
  properties: Record<string, {type?: string | string[]; description?: string; enum?: unknown[]; pattern?: string; format?: string; items?: unknown}>
}

/** Every schema in schema/, by file name without `.schema.json`. */
export const schemas: ReadonlyMap<string, JsonSchema> = new Map(
  readdirSync(schemaFolder)
    .filter((name) => name.endsWith('.schema.json'))
    .sort()
    .map((name) => [name.replace('.schema.json', ''), JSON.parse(readFileSync(path.join(schemaFolder, name), 'utf8')) as JsonSchema])
)

// The schemas are checked against the 2020-12 meta-schema by test/validate/schemas.test.ts, not at every
// start, where it took some 45 ms of each `npm run data`. Unoptimised code compiles some 20 ms faster and
// validates as fast (4,576 records and 100 frontmatters: 5.4 ms either way).
const ajv = new Ajv2020.default({allErrors: true, strict: true, validateSchema: false, code: {optimize: false}})
addFormats.default(ajv)
for (const schema of schemas.values()) ajv.addSchema(schema)

/** The compiled validator of `name`. */
export function validator(name: string): ValidateFunction {
  const schema = schemas.get(name)
  if (!schema) throw new Error(`Missing schema \`schema/${name}.schema.json\``)
  return ajv.getSchema(schema.$id)!
}

/** Columns of a dataset in order: its own fields, then the provenance fields. */
export function columnsOf(name: string): string[] {
  return [...Object.keys(schemas.get(name)!.properties), ...Object.keys(schemas.get('provenance')!.properties)]
}

/** A column's schema, own or provenance. */
export function columnSchema(name: string, column: string): JsonSchema['properties'][string] {
  return schemas.get(name)!.properties[column] ?? schemas.get('provenance')!.properties[column]!
}
