/**
 * The published data, loaded once at build time from the version the site
 * shows (./shown.ts: the latest release, or the draft while there is none):
 * the site shows exactly what its downloads contain. The datasets and their order
 * are the pipeline's registry (pipeline/datasets.ts); their titles and
 * descriptions are those of their published JSON Schemas.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {createHash} from 'node:crypto'
import path from 'node:path'
import {datasets as registry} from '../../../pipeline/datasets.ts'
import {bundles, formats, typedFormats} from '../../../pipeline/write/formats.ts'
import type {BoardMemberRecord} from '../../../pipeline/extract/board-members/index.ts'
import type {DocumentRecord} from '../../../pipeline/extract/documents/index.ts'
import type {OrganisationRecord} from '../../../pipeline/extract/organisations/index.ts'
import type {StatisticRecord} from '../../../pipeline/extract/statistics/index.ts'
import type {DefinitionRecord} from '../../../pipeline/extract/term-definitions/index.ts'
import type {RelationRecord} from '../../../pipeline/extract/term-relations/index.ts'
import type {TermRecord} from '../../../pipeline/extract/terms/index.ts'
import type {TextFile} from '../../../pipeline/extract/texts.ts'
import type {EventRecord} from '../../../pipeline/extract/timeline/index.ts'
import {datasetHistory} from './history.ts'
import {releases, shown} from './shown.ts'

export type {BoardMemberRecord, DefinitionRecord, DocumentRecord, EventRecord, OrganisationRecord, RelationRecord, StatisticRecord, TermRecord}

export {shown}

const loaded = new Map<string, unknown>()

/** A file of the version shown, parsed once per build. */
function load<T>(name: string): T {
  if (!loaded.has(name)) loaded.set(name, JSON.parse(readFileSync(path.join(shown.folder, name), 'utf8')))
  return loaded.get(name) as T
}

export interface Field {
  name: string
  type: string
  description: string
  constraints?: {required?: boolean; enum?: string[]; pattern?: string}
}

/** A resource of datapackage.json: a dataset's CSV (with its Table Schema) or its JSON (with the JSON Schema of the file). */
export interface Resource {
  name: string
  path: string
  title: string
  description: string
  bytes: number
  hash: string
  schema?: {fields: Field[]; primaryKey: string[]; foreignKeys: Array<{fields: string[]; reference: {resource: string; fields: string[]}}>}
  jsonSchema?: string
}

export interface Datapackage {
  name: string
  title: string
  description: string
  version: string
  keywords: string[]
  licenses: Array<{name: string; title: string; path: string}>
  contributors: Array<{title: string}>
  resources: Resource[]
}

export const datapackage = load<Datapackage>('datapackage.json')

export interface Dataset {
  /** Its name in the registry, file names and URLs. */
  name: string
  /** Title and description of its published JSON Schema. */
  title: string
  description: string
  /** Release paths of the published JSON Schemas: of one record, and of the JSON file (an array of records). */
  recordSchema: string
  fileSchema: string
  /** Fields that hold ids of other datasets' records, besides `document`. */
  foreignKeys: ReadonlyArray<{field: string; resource: string; list?: boolean}>
}

/** Every dataset of the shown release, in the registry's order (one the pipeline has gained since is not in it yet). */
export const datasets: Dataset[] = registry.filter(({name}) => datapackage.resources.some((resource) => resource.path === `${name}.json`)).map(({name, foreignKeys}) => {
  const fileSchema = resourceAt(`${name}.json`).jsonSchema
  if (!fileSchema) throw new Error(`Missing jsonSchema of \`${name}.json\` in datapackage.json`)
  // The file schema's items refer to the record schema, beside it.
  const recordSchema = path.posix.join(path.posix.dirname(fileSchema), load<{items: {$ref: string}}>(fileSchema).items.$ref)
  const {title, description} = load<{title: string; description: string}>(recordSchema)
  return {name, title, description, recordSchema, fileSchema, foreignKeys}
})

/** A dataset of the registry. */
export function datasetOf(name: string): Dataset {
  const dataset = datasets.find((candidate) => candidate.name === name)
  if (!dataset) throw new Error(`Missing dataset \`${name}\` in pipeline/datasets.ts`)
  return dataset
}

export const documents = load<DocumentRecord[]>('documents.json')
export const terms = load<TermRecord[]>('terms.json')
export const definitions = load<DefinitionRecord[]>('term-definitions.json')
export const relations = load<RelationRecord[]>('term-relations.json')
export const organisations = load<OrganisationRecord[]>('organisations.json')
export const boardMembers = load<BoardMemberRecord[]>('board-members.json')
export const statistics = load<StatisticRecord[]>('statistics.json')
export const timeline = load<EventRecord[]>('timeline.json')

/** Every record of a dataset, as plain rows (for tables). */
export function rowsOf(name: string): Array<Record<string, unknown>> {
  return load<Array<Record<string, unknown>>>(`${name}.json`)
}

export interface Download {
  /** File name in the folder of the version shown, also its URL under /data/<version>/. */
  file: string
  format: string
  mediaType: string
  bytes: number
  sha256: string
}

/** The downloads of a dataset that the version shown holds, with their size and SHA-256: CSV, CSV for Excel, JSON, Parquet. */
export function downloadsOf(name: string): Download[] {
  return [...formats, ...typedFormats].filter(({suffix}) => existsSync(path.join(shown.folder, `${name}${suffix}`))).map(({suffix, format, mediaType}) => fileInfo(`${name}${suffix}`, format, mediaType))
}

/** The CSVW metadata of a dataset's CSV (`<name>.csv-metadata.json`, found beside it by CSVW tools), when the version shown holds it. */
export function csvwOf(name: string): Download | undefined {
  const file = `${name}.csv-metadata.json`
  return existsSync(path.join(shown.folder, file)) ? fileInfo(file, 'CSVW metadata', 'application/json') : undefined
}

/** The files of every dataset at once that the version shown holds, in the pipeline's order (the workbook first). */
export function bundleDownloads(): Array<Download & {suffix: string}> {
  return bundles
    .filter(({suffix}) => existsSync(path.join(shown.folder, `${datapackage.name}${suffix}`)))
    .map(({suffix, format, mediaType}) => ({...fileInfo(`${datapackage.name}${suffix}`, format, mediaType), suffix}))
}

const measured = new Map<string, {bytes: number; sha256: string}>()

/** A file of the version shown with its size and SHA-256, each file read once per build (every record page lists its dataset's downloads). */
export function fileInfo(file: string, format: string, mediaType: string): Download {
  if (!measured.has(file)) {
    const bytes = readFileSync(path.join(shown.folder, file))
    measured.set(file, {bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex')})
  }
  return {file, format, mediaType, ...measured.get(file)!}
}

/** The resource of datapackage.json whose file is `file`. */
function resourceAt(file: string): Resource {
  const resource = datapackage.resources.find((candidate) => candidate.path === file)
  if (!resource) throw new Error(`Missing resource for \`${file}\` in datapackage.json`)
  return resource
}

/** A dataset's table in datapackage.json: its CSV, with its Table Schema. */
export function resourceOf(name: string): Resource & {schema: NonNullable<Resource['schema']>} {
  const resource = resourceAt(`${name}.csv`)
  if (!resource.schema) throw new Error(`Missing Table Schema of \`${name}.csv\` in datapackage.json`)
  return resource as Resource & {schema: NonNullable<Resource['schema']>}
}

/** A document's text as its source page shows it: texts/<id>.json, written by the pipeline. */
export function textOf(id: string): TextFile {
  // Read once, by its page alone: not kept.
  return JSON.parse(readFileSync(path.join(shown.folder, 'texts', `${id}.json`), 'utf8')) as TextFile
}

/**
 * When a dataset's records last changed (YYYY-MM-DD): the date of the last
 * release that changed them; for the draft, of the last commit that changed
 * its CSV, or null outside a git checkout.
 */
export function lastChanged(name: string): string | null {
  if (!shown.draft) return datasetHistory(releases, name).at(-1)?.date ?? null
  try {
    const date = execFileSync('git', ['log', '-1', '--format=%cs', '--', path.join(shown.folder, `${name}.csv`)], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()
    return date === '' ? null : date
  } catch {
    return null
  }
}
