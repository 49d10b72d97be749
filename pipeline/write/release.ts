/**
 * The release: each dataset's CSV, Excel CSV, JSON and Parquet (and the
 * CSV's CSVW metadata), then the
 * files of every dataset at once (the workbook, the SQLite database and its
 * Datasette metadata), the schemas, and datapackage.json last. Text files are
 * made piece by piece, so a large release is written as it is made and never
 * held in memory whole; the binary formats are made whole.
 */
import {createHash} from 'node:crypto'
import type {Publication} from '../publication.ts'
import type {DatasetRecords} from '../validate/index.ts'
import {columnsOf, schemas} from '../validate/schemas.ts'
import {csvChunks} from './csv.ts'
import {csvwMetadata} from '../publish/csvw.ts'
import {tableOf, tableSchemaOf, toDatapackage, type FileSummary} from './datapackage.ts'
import {datasetteMetadata} from './datasette.ts'
import {bundles, formats, typedFormats, type BundleSuffix, type Suffix} from './formats.ts'
import {jsonChunks} from './json.ts'
import {toParquet} from './parquet.ts'
import type {Records} from './rows.ts'
import {publishedSchemas, schemaFolder} from './schemas.ts'
import {sqliteChunks, type ForeignKey} from './sqlite.ts'
import type {Table} from './table.ts'
import {aboutWorkbook} from './workbook.ts'
import {toXlsx} from './xlsx.ts'

export interface ReleaseFile {
  /** File name inside the release folder. */
  name: string
  /** Text or bytes piece by piece (read them all, in order, before asking for the next file), or bytes. */
  content: Iterable<string | Uint8Array> | Uint8Array
}

/** How each of a dataset's files (./formats.ts) is made. */
const render: Record<Suffix, (dataset: DatasetRecords, columns: readonly string[]) => Iterable<string> | Uint8Array> = {
  '.csv': (dataset, columns) => csvChunks(dataset.records as unknown as Records, columns),
  '.excel.csv': (dataset, columns) => csvChunks(dataset.records as unknown as Records, columns, 'excel'),
  '.json': (dataset, columns) => jsonChunks(dataset.records as unknown as Records, columns),
  '.parquet': (dataset) => toParquet(tableOf(dataset))
}

/** How each file of every dataset together is made. */
const renderBundle: Record<BundleSuffix, (tables: readonly Table[], foreignKeys: readonly ForeignKey[], publication: Publication) => string | Uint8Array | Iterable<Uint8Array>> = {
  '.xlsx': (tables, _keys, publication) => toXlsx({about: aboutWorkbook(publication, tables), tables, date: workbookDate}),
  '.sqlite': (tables, foreignKeys) => sqliteChunks(tables, foreignKeys),
  '.metadata.json': (tables, foreignKeys, publication) => datasetteMetadata(publication, `${publication.name}`, tables, foreignKeys)
}

/** Dates inside the workbook's package: fixed (the zip format's first day), so its bytes depend only on the data. */
const workbookDate = '1980-01-01'

/** Every file of the release, datasets in order, datapackage.json last (it describes the files before it). */
export function* releaseFiles(datasets: readonly DatasetRecords[], publication: Publication): Generator<ReleaseFile> {
  const summaries = new Map<string, FileSummary>()
  for (const dataset of datasets) {
    const columns = columnsOf(dataset.name)
    for (const format of [...formats, ...typedFormats]) yield summarisedFile(dataset.name + format.suffix, render[format.suffix](dataset, columns), summaries)
    // CSVW tools find a CSV's metadata by this name beside it.
    const {title, description} = schemas.get(dataset.name)!
    yield {name: `${dataset.name}.csv-metadata.json`, content: [JSON.stringify(csvwMetadata({url: `${dataset.name}.csv`, title, description, ...tableSchemaOf(dataset)}, publication), null, 2) + '\n']}
  }
  const tables = datasets.map(tableOf)
  // Every record's document, and each dataset's other single-valued references, as the database's foreign keys.
  const foreignKeys = datasets.flatMap((dataset) => [{field: 'document', resource: 'documents'}, ...dataset.foreignKeys.filter((key) => !key.list)].map((key) => ({table: dataset.name, column: key.field, references: key.resource})))
  for (const bundle of bundles) yield summarisedFile(publication.name + bundle.suffix, renderBundle[bundle.suffix](tables, foreignKeys, publication), summaries)
  for (const [name, text] of publishedSchemas(datasets.map((dataset) => dataset.name), publication)) yield {name: `${schemaFolder}/${name}`, content: [text]}
  const documents = datasets.find((dataset) => dataset.name === 'documents')?.records ?? []
  yield {name: 'datapackage.json', content: [toDatapackage(publication, datasets, summaries, documents as never)]}
}

/** A file whose size and SHA-256 go into `summaries` once it is made. */
function summarisedFile(name: string, content: string | Iterable<string | Uint8Array> | Uint8Array, summaries: Map<string, FileSummary>): ReleaseFile {
  const done = (summary: FileSummary) => void summaries.set(name, summary)
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) return {name, content: summarised(content, done)}
  done({bytes: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex')})
  return {name, content: typeof content === 'string' ? [content] : content}
}

/** The chunks, passed on as they are read; once all are read, `done` gets their size and SHA-256. */
function* summarised<T extends string | Uint8Array>(chunks: Iterable<T>, done: (summary: FileSummary) => void): Generator<T> {
  const hash = createHash('sha256')
  let bytes = 0
  for (const chunk of chunks) {
    hash.update(chunk)
    bytes += Buffer.byteLength(chunk)
    yield chunk
  }
  done({bytes, sha256: hash.digest('hex')})
}
