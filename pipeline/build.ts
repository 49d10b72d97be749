/**
 * The whole pipeline: read → parse → extract → validate → write. Nothing is
 * written unless every document and record passed.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
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
  const usable = documents.filter((file) => parseSource(file) && validateFrontmatter(file))
  if (hasErrors(files)) return {files, documents, datasets: [], outputs: new Map(), ok: false}

  const publication = publicationOf(publicationFile)
  const datasets = extract(usable, register, publication)
  validateDatasets(datasets, usable)
  if (hasErrors(files)) return {files, documents, datasets, outputs: new Map(), ok: false}

  const outputs = render(datasets, publication)
  if (options.out !== null) await writeFolder(path.join(root, options.out ?? 'dist-data/draft'), outputs)
  return {files, documents, datasets, outputs, ok: true}
}

function extract(files: VFile[], register: VFile, publication: Publication): DatasetRecords[] {
  const terms = extractTerms(files)
  const records: Record<string, Provenance[]> = {
    documents: extractDocuments(files),
    terms: terms.terms,
    'term-definitions': terms.definitions,
    'term-relations': terms.relations,
    organisations: extractOrganisations(files, register),
    'board-members': extractBoardMembers(files, registerIndex(register)),
    statistics: extractStatistics(files),
    timeline: extractTimeline(files)
  }
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
