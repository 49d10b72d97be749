/**
 * The published data, loaded once at build time from dist-data/draft/: the
 * site shows exactly what the downloads contain.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {createHash} from 'node:crypto'
import path from 'node:path'
import type {BoardMemberRecord} from '../../../pipeline/extract/board-members/index.ts'
import type {DocumentRecord} from '../../../pipeline/extract/documents/index.ts'
import type {OrganisationRecord} from '../../../pipeline/extract/organisations/index.ts'
import type {StatisticRecord} from '../../../pipeline/extract/statistics/index.ts'
import type {DefinitionRecord, RelationRecord, TermRecord} from '../../../pipeline/extract/terms/index.ts'
import type {EventRecord} from '../../../pipeline/extract/timeline/index.ts'

export type {BoardMemberRecord, DefinitionRecord, DocumentRecord, EventRecord, OrganisationRecord, RelationRecord, StatisticRecord, TermRecord}

export const draftFolder = path.resolve('dist-data/draft')

const loaded = new Map<string, unknown>()

/** A file of the draft, parsed once per build. */
function load<T>(name: string): T {
  if (!loaded.has(name)) loaded.set(name, JSON.parse(readFileSync(path.join(draftFolder, name), 'utf8')))
  return loaded.get(name) as T
}

export interface Field {
  name: string
  type: string
  description: string
  constraints?: {required?: boolean; enum?: string[]; pattern?: string}
}

export interface Resource {
  name: string
  path: string
  title: string
  description: string
  bytes: number
  hash: string
  schema: {fields: Field[]; primaryKey: string[]; foreignKeys: Array<{fields: string[]; reference: {resource: string; fields: string[]}}>}
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
  /** File name in dist-data/draft/, also its URL under /data/draft/. */
  file: string
  format: string
  mediaType: string
  bytes: number
  sha256: string
}

const formats: Array<{suffix: string; format: string; mediaType: string}> = [
  {suffix: '.csv', format: 'CSV', mediaType: 'text/csv'},
  {suffix: '.excel.csv', format: 'CSV for Excel', mediaType: 'text/csv'},
  {suffix: '.json', format: 'JSON', mediaType: 'application/json'}
]

/** The three downloads of a dataset, with their size and SHA-256. */
export function downloadsOf(name: string): Download[] {
  return formats.map(({suffix, format, mediaType}) => fileInfo(`${name}${suffix}`, format, mediaType))
}

export function fileInfo(file: string, format: string, mediaType: string): Download {
  const bytes = readFileSync(path.join(draftFolder, file))
  return {file, format, mediaType, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex')}
}

/** Every file of the draft release (for the download endpoints). */
export function draftFiles(): string[] {
  return readdirSync(draftFolder).filter((name) => statSync(path.join(draftFolder, name)).isFile()).sort()
}

/** A dataset's entry in datapackage.json. */
export function resourceOf(name: string): Resource {
  const resource = datapackage.resources.find((candidate) => candidate.name === name)
  if (!resource) throw new Error(`Missing resource \`${name}\` in datapackage.json`)
  return resource
}

/** Date (YYYY-MM-DD) of the last commit that changed a dataset's CSV, or null outside a git checkout. */
export function lastChanged(name: string): string | null {
  try {
    const date = execFileSync('git', ['log', '-1', '--format=%cs', '--', path.join(draftFolder, `${name}.csv`)], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()
    return date === '' ? null : date
  } catch {
    return null
  }
}
