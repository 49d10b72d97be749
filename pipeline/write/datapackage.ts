/**
 * datapackage.json: a Frictionless Data Package v2 describing every CSV with
 * its Table Schema (types, descriptions, constraints, primary and foreign
 * keys), its size and SHA-256, the licence and the source documents.
 */
import type {DocumentRecord} from '../extract/documents/index.ts'
import type {Publication} from '../publication.ts'
import type {DatasetRecords} from '../validate/index.ts'
import {columnSchema, columnsOf, schemas} from '../validate/schemas.ts'
import {listDelimiter} from './csv.ts'
import {fileSchemaName, schemaFolder} from './schemas.ts'
import type {Table} from './table.ts'
import {bundles, type BundleSuffix} from './formats.ts'

interface Field {
  name: string
  type: string
  description: string
  itemType?: string
  delimiter?: string
  format?: string
  constraints?: Record<string, unknown>
}

/** What datapackage.json says of a file: its size and SHA-256. */
export interface FileSummary {
  bytes: number
  sha256: string
}

/**
 * datapackage.json, given the size and SHA-256 of each file by name: a tabular
 * resource per dataset's CSV, with its Table Schema, and a resource per
 * dataset's JSON, with the JSON Schema of the whole file.
 */
export function toDatapackage(publication: Publication, datasets: readonly DatasetRecords[], files: ReadonlyMap<string, FileSummary>, documents: readonly DocumentRecord[]): string {
  const summary = (name: string) => {
    const made = files.get(name)
    // Every file datapackage.json describes is made before it; one missing is a bug, never an empty hash.
    if (!made) throw new Error(`Missing summary of ${name}: datapackage.json describes only files already made`)
    return made
  }
  const datapackage = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: publication.name,
    title: publication.title,
    description: publication.description,
    version: publication.version,
    keywords: publication.keywords,
    licenses: [{name: publication.licences.data.id, title: publication.licences.data.title, path: publication.licences.data.url}],
    contributors: [{title: publication.publisher.name, roles: ['publisher']}],
    sources: documents.map((document) => ({title: document.title, ...(document.url ? {path: document.url} : {})})),
    resources: [...datasets.flatMap((dataset) => {
      const csv = summary(`${dataset.name}.csv`)
      const json = summary(`${dataset.name}.json`)
      const {title, description} = schemas.get(dataset.name)!
      const table = {
        name: dataset.name,
        type: 'table',
        path: `${dataset.name}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        title,
        description,
        bytes: csv.bytes,
        hash: `sha256:${csv.sha256}`,
        dialect: {$schema: 'https://datapackage.org/profiles/2.0/tabledialect.json', delimiter: ',', lineTerminator: '\n', quoteChar: '"', header: true},
        schema: {$schema: 'https://datapackage.org/profiles/2.0/tableschema.json', ...tableSchemaOf(dataset)}
      }
      const records = {
        name: `${dataset.name}-json`,
        path: `${dataset.name}.json`,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        title: `${title} (JSON)`,
        description: `${description} The same records as ${dataset.name}.csv, typed: an array of objects, as ${schemaFolder}/${fileSchemaName(dataset.name)} describes it.`,
        bytes: json.bytes,
        hash: `sha256:${json.sha256}`,
        jsonSchema: `${schemaFolder}/${fileSchemaName(dataset.name)}`
      }
      const parquet = summary(`${dataset.name}.parquet`)
      const columnar = {
        name: `${dataset.name}-parquet`,
        path: `${dataset.name}.parquet`,
        format: 'parquet',
        mediatype: 'application/vnd.apache.parquet',
        title: `${title} (Parquet)`,
        description: `${description} The same records as ${dataset.name}.csv, with typed columns (integers, numbers, booleans, text, lists as lists).`,
        bytes: parquet.bytes,
        hash: `sha256:${parquet.sha256}`
      }
      return [table, records, columnar]
    }),
    // The Datasette metadata describes the database; it is not data itself.
    ...bundles.filter((bundle) => bundle.suffix !== '.metadata.json').map((bundle) => {
      const path = publication.name + bundle.suffix
      const made = summary(path)
      return {name: path.replaceAll('.', '-'), path, format: bundle.suffix.slice(bundle.suffix.lastIndexOf('.') + 1), mediatype: bundle.mediaType, title: bundle.format, description: bundleDescriptions[bundle.suffix], bytes: made.bytes, hash: `sha256:${made.sha256}`}
    })]
  }
  return JSON.stringify(datapackage, null, 2) + '\n'
}

const bundleDescriptions: Record<BundleSuffix, string> = {
  '.xlsx': 'Every dataset in one workbook: a first sheet on the columns, licence and citation, then a sheet per dataset with typed cells and a frozen header row. Recommended for spreadsheets.',
  '.sqlite': 'Every dataset in one SQLite database: a table per dataset with typed columns, primary and foreign keys, lists as JSON arrays, a full-text index <table>_fts, and the meaning of every column in _columns.',
  '.metadata.json': 'Metadata for Datasette (`datasette <database> --metadata <this file>`): titles, descriptions, licence and source of the SQLite database and its tables.'
}

/** A Table Schema field from a JSON Schema property. */
function field(dataset: string, column: string): Field {
  const schema = columnSchema(dataset, column)
  const types = [schema.type ?? 'string'].flat().filter((type) => type !== 'null')
  // Lists are joined into one cell by the delimiter: Table Schema v2's list type.
  const list = types[0] === 'array'
  const type = list ? 'list' : types[0] ?? 'string'
  const constraints: Record<string, unknown> = {}
  // An empty list is an empty cell, so list columns cannot be required.
  if (!list && !(Array.isArray(schema.type) && schema.type.includes('null'))) constraints['required'] = true
  if (schema.enum) constraints['enum'] = schema.enum.filter((value) => value !== null)
  if (schema.pattern) constraints['pattern'] = schema.pattern
  // The JSON Schema's limits carried over, under Table Schema's names for them.
  if (schema.maxLength !== undefined) constraints['maxLength'] = schema.maxLength
  if (schema.minLength !== undefined) constraints['minLength'] = schema.minLength
  if (schema.minimum !== undefined) constraints['minimum'] = schema.minimum
  if (schema.maximum !== undefined) constraints['maximum'] = schema.maximum
  return {
    name: column,
    type,
    description: schema.description ?? '',
    ...(list ? {itemType: [schema.items?.type ?? 'string'].flat()[0]!, delimiter: listDelimiter} : {}),
    ...(schema.format === 'uri' ? {format: 'uri'} : {}),
    ...(Object.keys(constraints).length > 0 ? {constraints} : {})
  }
}

/** A dataset's Table Schema: its fields, missing values, primary key and foreign keys (datapackage.json and the CSVW metadata describe the CSV by it). */
export function tableSchemaOf(dataset: Pick<DatasetRecords, 'name' | 'foreignKeys'>) {
  return {
    fields: columnsOf(dataset.name).map((column) => field(dataset.name, column)),
    missingValues: [''],
    primaryKey: ['id'],
    // A list of ids cannot be a Table Schema foreign key; the build checks that each of them resolves.
    foreignKeys: [{field: 'document', resource: 'documents'}, ...dataset.foreignKeys.filter((key) => !key.list)].map((key) => ({
      fields: [key.field],
      reference: {resource: key.resource, fields: ['id']}
    }))
  }
}

/** A dataset as the typed formats write it (./table.ts): its columns typed as its Table Schema types them. */
export function tableOf(dataset: DatasetRecords): Table {
  const {title, description} = schemas.get(dataset.name)!
  const columns = columnsOf(dataset.name).map((column) => {
    const described = field(dataset.name, column)
    return {
      name: column,
      type: described.type as Table['columns'][number]['type'],
      ...(described.itemType ? {itemType: described.itemType as 'string'} : {}),
      description: described.description,
      required: described.constraints?.['required'] === true
    }
  })
  return {name: dataset.name, title, description, columns, records: dataset.records as unknown as Table['records']}
}
