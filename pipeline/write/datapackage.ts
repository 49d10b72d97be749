/**
 * datapackage.json: a Frictionless Data Package v2 describing every CSV with
 * its Table Schema (types, descriptions, constraints, primary and foreign
 * keys), its size and SHA-256, the licence and the source documents.
 */
import {createHash} from 'node:crypto'
import type {DocumentRecord} from '../extract/documents/index.ts'
import type {Publication} from '../publication.ts'
import {columnSchema, columnsOf} from '../validate/schemas.ts'
import {listDelimiter} from './csv.ts'
import type {Chunk} from './rows.ts'

interface Field {
  name: string
  type: string
  description: string
  constraints?: Record<string, unknown>
}

/** What datapackage.json says of a file: its size and SHA-256. */
export interface FileSummary {
  bytes: number
  sha256: string
}

/** What is known of a file made piece by piece: its size, and its SHA-256 when it was hashed. */
export type MadeFile = Omit<FileSummary, 'sha256'> & Partial<Pick<FileSummary, 'sha256'>>

/** The chunks, passed on as they are read; once all are read, `done` gets their size, and their SHA-256 if `hashed`. */
export function* summarised(chunks: Iterable<Chunk>, hashed: boolean, done: (made: MadeFile) => void): Generator<Chunk> {
  const hash = hashed ? createHash('sha256') : undefined
  let bytes = 0
  for (const chunk of chunks) {
    hash?.update(chunk)
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength
    yield chunk
  }
  done({bytes, sha256: hash?.digest('hex')})
}

/** The size and SHA-256 of a file's whole content (text as UTF-8). */
export function summarise(content: Chunk): FileSummary {
  let summary: MadeFile = {bytes: 0}
  for (const _ of summarised([content], true, (made) => (summary = made)));
  return {bytes: summary.bytes, sha256: summary.sha256!}
}

/** datapackage.json, given each dataset's CSV (its content, or its summary). */
export function toDatapackage(publication: Publication, csvs: ReadonlyMap<string, string | FileSummary>, documents: readonly DocumentRecord[]): string {
  const datapackage = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: publication.name,
    title: publication.title,
    description: publication.description,
    version: publication.version,
    keywords: publication.keywords,
    licenses: [{name: publication.licence.id, title: publication.licence.title, path: publication.licence.url}],
    contributors: [{title: publication.publisher.name, roles: ['publisher']}],
    sources: documents.map((document) => ({title: document.title, ...(document.url ? {path: document.url} : {})})),
    resources: publication.datasets.map((dataset) => {
      const given = csvs.get(dataset.name) ?? ''
      const csv = typeof given === 'string' ? summarise(given) : given
      return {
        name: dataset.name,
        type: 'table',
        path: `${dataset.name}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        title: dataset.title,
        description: dataset.description,
        bytes: csv.bytes,
        hash: `sha256:${csv.sha256}`,
        dialect: {$schema: 'https://datapackage.org/profiles/2.0/tabledialect.json', delimiter: ',', lineTerminator: '\n', quoteChar: '"', header: true},
        schema: {
          $schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
          fields: columnsOf(dataset.name).map((column) => field(dataset.name, column)),
          missingValues: [''],
          primaryKey: [dataset.primary_key],
          foreignKeys: [{field: 'document', resource: 'documents'}, ...dataset.foreign_keys.filter((key) => !key.list)].map((key) => ({
            fields: [key.field],
            reference: {resource: key.resource, fields: ['id']}
          }))
        }
      }
    })
  }
  return JSON.stringify(datapackage, null, 2) + '\n'
}

/** A Table Schema field from a JSON Schema property. */
function field(dataset: string, column: string): Field {
  const schema = columnSchema(dataset, column)
  const types = [schema.type ?? 'string'].flat().filter((type) => type !== 'null')
  // Lists are joined into one cell; the v2 profile has no list type, so they are strings.
  const list = types[0] === 'array'
  const type = list ? 'string' : types[0] ?? 'string'
  const constraints: Record<string, unknown> = {}
  // An empty list is an empty cell, so list columns cannot be required.
  if (!list && !(Array.isArray(schema.type) && schema.type.includes('null'))) constraints['required'] = true
  if (schema.enum) constraints['enum'] = schema.enum.filter((value) => value !== null)
  if (schema.pattern) constraints['pattern'] = schema.pattern
  return {
    name: column,
    type,
    description: list ? `${schema.description ?? ''} Items are separated by \`${listDelimiter}\`.` : schema.description ?? '',
    ...(schema.format === 'uri' ? {format: 'uri'} : {}),
    ...(Object.keys(constraints).length > 0 ? {constraints} : {})
  }
}
