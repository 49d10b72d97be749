/**
 * The JSON Schemas in schema/, compiled once (ajv, draft 2020-12; see ./compiled.ts).
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {ValidateFunction} from 'ajv'
import {compiledValidators} from './compiled.ts'

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

/** Where compiled validators are kept: the project's folder for tools' caches. */
export const validatorCache = path.join(schemaFolder, '../node_modules/.cache/icb-open-data')

let validators: Map<string, ValidateFunction> | undefined

/** The compiled validator of `name`. */
export function validator(name: string): ValidateFunction {
  const schema = schemas.get(name)
  if (!schema) throw new Error(`Missing schema \`schema/${name}.schema.json\``)
  validators ??= compiledValidators([...schemas.values()], validatorCache)
  return validators.get(schema.$id)!
}

/** Columns of a dataset in order: its own fields, then the provenance fields. */
export function columnsOf(name: string): string[] {
  return [...Object.keys(schemas.get(name)!.properties), ...Object.keys(schemas.get('provenance')!.properties)]
}

/** A column's schema, own or provenance. */
export function columnSchema(name: string, column: string): JsonSchema['properties'][string] {
  return schemas.get(name)!.properties[column] ?? schemas.get('provenance')!.properties[column]!
}
