/**
 * The release: each dataset's CSV, Excel CSV and JSON, the schemas, then
 * datapackage.json, made one file at a time and each file piece by piece, so
 * a large release is written as it is made and never held in memory whole.
 */
import {createHash} from 'node:crypto'
import type {Publication} from '../publication.ts'
import type {DatasetRecords} from '../validate/index.ts'
import {columnsOf} from '../validate/schemas.ts'
import {csvChunks} from './csv.ts'
import {toDatapackage, type FileSummary} from './datapackage.ts'
import {formats, type Suffix} from './formats.ts'
import {jsonChunks} from './json.ts'
import type {Records} from './rows.ts'
import {publishedSchemas, schemaFolder} from './schemas.ts'

export interface ReleaseFile {
  /** File name inside the release folder. */
  name: string
  /** The content, piece by piece: read them all, in order, before asking for the next file. */
  content: Iterable<string>
}

/** How each of a dataset's files (./formats.ts) is made. */
const render: Record<Suffix, (records: Records, columns: readonly string[]) => Iterable<string>> = {
  '.csv': (records, columns) => csvChunks(records, columns),
  '.excel.csv': (records, columns) => csvChunks(records, columns, 'excel'),
  '.json': jsonChunks
}

/** Every file of the release, datasets in order, datapackage.json last (it describes the files before it). */
export function* releaseFiles(datasets: readonly DatasetRecords[], publication: Publication): Generator<ReleaseFile> {
  const summaries = new Map<string, FileSummary>()
  for (const dataset of datasets) {
    const columns = columnsOf(dataset.name)
    for (const format of formats) {
      const name = dataset.name + format.suffix
      yield {name, content: summarised(render[format.suffix](dataset.records as unknown as Records, columns), (summary) => summaries.set(name, summary))}
    }
  }
  for (const [name, text] of publishedSchemas(datasets.map((dataset) => dataset.name), publication)) yield {name: `${schemaFolder}/${name}`, content: [text]}
  const documents = datasets.find((dataset) => dataset.name === 'documents')?.records ?? []
  yield {name: 'datapackage.json', content: [toDatapackage(publication, datasets, summaries, documents as never)]}
}

/** The chunks, passed on as they are read; once all are read, `done` gets their size and SHA-256. */
function* summarised(chunks: Iterable<string>, done: (summary: FileSummary) => void): Generator<string> {
  const hash = createHash('sha256')
  let bytes = 0
  for (const chunk of chunks) {
    hash.update(chunk)
    bytes += Buffer.byteLength(chunk)
    yield chunk
  }
  done({bytes, sha256: hash.digest('hex')})
}
