/**
 * The whole pipeline: read → parse → extract → validate → write. Nothing is
 * written unless every document and record passed.
 */
import os from 'node:os'
import path from 'node:path'
import type {VFile} from 'vfile'
import {openCache, type Cache, type DocumentEntry} from './cache/index.ts'
import {extractPart, mergeParts, type DocumentPart} from './cache/merge.ts'
import {receive} from './cache/job.ts'
import {processInWorkers} from './cache/pool.ts'
import {extractBoardMembers} from './extract/board-members/index.ts'
import {extractDocuments} from './extract/documents/index.ts'
import {extractOrganisations, registerIndex} from './extract/organisations/index.ts'
import {extractStatistics} from './extract/statistics/index.ts'
import {extractTerms} from './extract/terms/index.ts'
import {extractTimeline} from './extract/timeline/index.ts'
import {hasErrors} from './messages.ts'
import {parseSource} from './parse/index.ts'
import {publicationOf, type Publication} from './publication.ts'
import {readDocuments} from './read/index.ts'
import {readYamlFile} from './read/yaml-file.ts'
import type {Provenance} from './types.ts'
import {validateDatasets, validateFrontmatter, type DatasetRecords} from './validate/index.ts'
import {columnsOf} from './validate/schemas.ts'
import {toCsv, toExcelCsv} from './write/csv.ts'
import {toDatapackage} from './write/datapackage.ts'
import {writeFolder} from './write/index.ts'
import {toJson} from './write/json.ts'

export interface Options {
  /** Project root (default: `process.cwd()`). */
  root?: string
  /** Folder the draft release is written to, relative to root (default: `'dist-data/draft'`); null to write nothing. */
  out?: string | null
  /** Reuse what unchanged documents gave last time, kept in `.cache/pipeline/` under root (default: false). */
  cache?: boolean
  /**
   * With `cache`, worker threads that parse and extract new or changed documents (default: one per core, at
   * most 4, when 300 or more documents are to be built, where they start up faster than they pay back; 0 for none).
   */
  threads?: number
}

export interface BuildResult {
  /** Every file read, with its messages. */
  files: VFile[]
  /** The source documents alone. */
  documents: VFile[]
  datasets: DatasetRecords[]
  /** Output file name → content (empty when the build failed). */
  outputs: Map<string, string>
  ok: boolean
  /** With `cache`: documents reused, documents built afresh, and entries ignored because they did not check out. */
  cache?: Cache['stats']
}

export async function build(options: Options = {}): Promise<BuildResult> {
  const root = options.root ?? process.cwd()
  const [documents, register, publicationFile] = await Promise.all([
    readDocuments({root}),
    readYamlFile('sources/reference/organisations.yml', root),
    readYamlFile('sources/publication.yml', root)
  ])
  const files = [...documents, register, publicationFile]
  // The reference files are checked like frontmatter, so a mistake there is a message with a line, not a crash.
  for (const [file, schema] of [[register, 'organisation-register'], [publicationFile, 'publication']] as const) {
    if (file.data.matter) validateFrontmatter(file, schema)
  }
  // With the cache, a document unchanged since the last build comes back with its frontmatter and records, unparsed.
  const cache = options.cache ? await openCache(root, register.data.sha256 ?? '') : undefined
  try {
    const entries = new Map<VFile, DocumentEntry>()
    for (const [index, entry] of (cache ? await Promise.all(documents.map((file) => cache.document(file))) : []).entries()) {
      if (entry) entries.set(documents[index]!, entry)
    }
    const stats = cache?.stats
    const failed = (datasets: DatasetRecords[] = []): BuildResult => ({files, documents, datasets, outputs: new Map(), ok: false, ...(stats ? {cache: stats} : {})})
    let usable: VFile[]
    let datasets: DatasetRecords[]
    if (cache) {
      const fresh = documents.filter((file) => !entries.has(file)).length
      const threads = options.threads ?? (fresh >= 300 ? Math.min(4, os.availableParallelism()) : 0)
      const staged = threads > 0 ? await stageInWorkers(documents, files, entries, register, cache, threads) : stageDocuments(documents, files, entries, register, cache)
      usable = staged.usable
      if (hasErrors(files)) return failed()
      datasets = staged.parts ? datasetsOf(mergeParts(staged.parts, register), publicationOf(publicationFile)) : extract(usable, register, publicationOf(publicationFile))
    } else {
      usable = documents.filter((file) => parseSource(file) && validateFrontmatter(file))
      if (hasErrors(files)) return failed()
      datasets = extract(usable, register, publicationOf(publicationFile))
    }
    validateDatasets(datasets, usable)
    if (hasErrors(files)) return failed(datasets)

    const outputs = render(datasets, publicationOf(publicationFile))
    if (options.out !== null) await writeFolder(path.join(root, options.out ?? 'dist-data/draft'), outputs)
    return {files, documents, datasets, outputs, ok: true, ...(stats ? {cache: stats} : {})}
  } finally {
    await cache?.close()
  }
}

function extract(files: VFile[], register: VFile, publication: Publication): DatasetRecords[] {
  const terms = extractTerms(files)
  return datasetsOf({
    documents: extractDocuments(files),
    terms: terms.terms,
    'term-definitions': terms.definitions,
    'term-relations': terms.relations,
    organisations: extractOrganisations(files, register),
    'board-members': extractBoardMembers(files, registerIndex(register)),
    statistics: extractStatistics(files),
    timeline: extractTimeline(files)
  }, publication)
}

/**
 * With the cache, one document at a time: reuse its entry, or parse and extract
 * it alone (storing the part when it gave no message) and let its tree go, so
 * memory holds the parts, not every tree. Messages stay exactly those of the
 * whole-corpus path: a parse error anywhere means no extraction messages at all,
 * and an extraction message means every document is parsed again and extracted
 * together (`parts` is then undefined).
 */
function stageDocuments(documents: VFile[], files: VFile[], entries: ReadonlyMap<VFile, DocumentEntry>, register: VFile, cache: Cache): {usable: VFile[]; parts?: DocumentPart[]} {
  const index = registerIndex(register)
  const usable: VFile[] = []
  const parts: DocumentPart[] = []
  const extracted = new Map<VFile, number>()
  let blocked = hasErrors(files)
  for (const file of documents) {
    if (reuse(file, entries, usable, parts)) continue
    if (!(parseSource(file) && validateFrontmatter(file))) {
      if (!blocked) unextract(extracted)
      blocked = true
      continue
    }
    usable.push(file)
    if (blocked) continue
    extracted.set(file, file.messages.length)
    const part = extractPart(file, index)
    parts.push(part)
    if (file.messages.length === 0) cache.storeDocument(file, {matter: file.data.matter!, part})
    for (const key of ['tree', 'blocks', 'frontmatter', 'used'] as const) delete file.data[key]
  }
  if (blocked || [...extracted].every(([file, count]) => file.messages.length === count)) return {usable, parts}
  unextract(extracted)
  for (const file of usable) parseSource(file)
  return {usable}
}

/** stageDocuments, with the documents parsed and extracted on worker threads; the outcome is the same. */
async function stageInWorkers(documents: VFile[], files: VFile[], entries: ReadonlyMap<VFile, DocumentEntry>, register: VFile, cache: Cache, threads: number): Promise<{usable: VFile[]; parts?: DocumentPart[]}> {
  const fresh = documents.filter((file) => !entries.has(file) && !file.messages.some((message) => message.fatal === true))
  const outcomes = new Map((await processInWorkers(fresh, register, cache.forWorkers, threads)).map((outcome, index) => [fresh[index]!, outcome]))
  const usable: VFile[] = []
  const parts: DocumentPart[] = []
  let blocked = hasErrors(files)
  for (const file of documents) {
    if (reuse(file, entries, usable, parts)) continue
    const outcome = outcomes.get(file)
    if (!outcome) {
      blocked = true
      continue
    }
    for (const sent of outcome.messages.slice(0, outcome.parsed)) receive(file, sent)
    if (!outcome.ok) {
      blocked = true
      continue
    }
    const made = JSON.parse(outcome.entry!) as DocumentEntry
    delete outcome.entry
    file.data.matter = made.matter
    usable.push(file)
    parts.push(made.part)
    if (outcome.stored) cache.stored(file)
  }
  if (blocked) return {usable}
  const extracted = [...outcomes.values()].filter((outcome) => outcome.messages.length > outcome.parsed)
  if (extracted.length === 0) return {usable, parts}
  // A document gave an extraction message: every document is parsed here and extracted together.
  for (const file of usable) parseSource(file)
  return {usable}
}

/** Use a document's cached entry, if it has one: its frontmatter and its part of the datasets. */
function reuse(file: VFile, entries: ReadonlyMap<VFile, DocumentEntry>, usable: VFile[], parts: DocumentPart[]): boolean {
  const entry = entries.get(file)
  if (!entry) return false
  file.data.matter = entry.matter
  usable.push(file)
  parts.push(entry.part)
  return true
}

/** Take back the messages extraction gave. */
function unextract(extracted: ReadonlyMap<VFile, number>): void {
  for (const [file, count] of extracted) {
    file.messages.length = count
    delete file.data.used
  }
}

function datasetsOf(records: Record<string, Provenance[]>, publication: Publication): DatasetRecords[] {
  return publication.datasets.map((meta) => ({
    name: meta.name,
    primaryKey: meta.primary_key,
    foreignKeys: meta.foreign_keys,
    records: records[meta.name] ?? []
  }))
}

function render(datasets: readonly DatasetRecords[], publication: Publication): Map<string, string> {
  const outputs = new Map<string, string>()
  const csvs = new Map<string, string>()
  for (const dataset of datasets) {
    const columns = columnsOf(dataset.name)
    const rows = dataset.records as unknown as Array<Record<string, unknown>>
    const csv = toCsv(rows, columns)
    csvs.set(dataset.name, csv)
    outputs.set(`${dataset.name}.csv`, csv)
    outputs.set(`${dataset.name}.excel.csv`, toExcelCsv(rows, columns))
    outputs.set(`${dataset.name}.json`, toJson(rows, columns))
  }
  const documents = datasets.find((dataset) => dataset.name === 'documents')?.records ?? []
  outputs.set('datapackage.json', toDatapackage(publication, csvs, documents as never))
  return new Map([...outputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
