/**
 * The JSON Schemas in schema/, compiled once with ajv (draft 2020-12). In the
 * repository their `$id`s are relative (`statistics.schema.json`), so they
 * resolve each other wherever they are; the published copies carry absolute
 * `$id`s under the publication's base URL (see ../write/schemas.ts).
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
  properties: Record<string, ColumnSchema>
}

export interface ColumnSchema {
  type?: string | string[]
  description?: string
  enum?: unknown[]
  pattern?: string
  format?: string
  items?: ColumnSchema
  maxLength?: number
  minLength?: number
  minimum?: number
  maximum?: number
}

/** Every schema in schema/, by file name without `.schema.json`. */
export const schemas: ReadonlyMap<string, JsonSchema> = new Map(
  readdirSync(schemaFolder)
    .filter((name) => name.endsWith('.schema.json'))
    .sort()
    .map((name) => [name.replace('.schema.json', ''), JSON.parse(readFileSync(path.join(schemaFolder, name), 'utf8')) as JsonSchema])
)

let ajv: Ajv2020.default | undefined

/** The compiled validator of `name`. */
export function validator(name: string): ValidateFunction {
  const schema = schemas.get(name)
  if (!schema) throw new Error(`Missing schema \`schema/${name}.schema.json\``)
  if (!ajv) {
    // The schemas are checked against the meta-schema by a test, not on every build.
    ajv = new Ajv2020.default({allErrors: true, strict: true, validateSchema: false, code: {optimize: false}, schemas: [...schemas.values()]})
    addFormats.default(ajv)
  }
  return ajv.getSchema(schema.$id)!
}

/** Columns of a dataset in order: its own fields, then the provenance fields. */
export function columnsOf(name: string): string[] {
  return [...Object.keys(schemas.get(name)!.properties), ...Object.keys(schemas.get('provenance')!.properties)]
}

/** A column's schema, own or provenance. */
export function columnSchema(name: string, column: string): ColumnSchema {
  return schemas.get(name)!.properties[column] ?? schemas.get('provenance')!.properties[column]!
}
