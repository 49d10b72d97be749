/**
 * The release: each dataset's CSV, Excel CSV and JSON, then datapackage.json,
 * made one file at a time and each file piece by piece, so a large release is
 * written as it is made and never held in memory whole.
 */
import {createHash} from 'node:crypto'
import type {Publication} from '../publication.ts'
import type {DatasetRecords} from '../validate/index.ts'
import {columnsOf} from '../validate/schemas.ts'
import {csvChunks} from './csv.ts'
import {toDatapackage, type FileSummary} from './datapackage.ts'
import {jsonChunks} from './json.ts'

export type Chunk = string | Uint8Array

/** A file of an earlier release that is this release's file unchanged. */
export interface ExistingFile {
  existing: string
}

export interface ReleaseFile {
  /** File name inside the release folder. */
  name: string
  /** The content, piece by piece (read them all, in order, before asking for the next file), or a file as it is. */
  content: Iterable<Chunk> | ExistingFile
}

/** Files of a dataset made by an earlier build, to be used instead of rendering them again (see ../cache/release.ts). */
export interface Reuse {
  /** Where the files `dataset` gave last time are, by name, with their summaries, if its records and the files are unchanged. */
  files(dataset: DatasetRecords): Promise<ReadonlyMap<string, {path: string; summary: FileSummary}> | undefined>
  /** Note a file this build made of `dataset`. */
  made(dataset: DatasetRecords, name: string, summary: FileSummary): void
}

type Records = ReadonlyArray<Record<string, unknown>>

/** The three files of every dataset, by the suffix of their names. */
export const formats: ReadonlyArray<{suffix: string; render: (records: Records, columns: readonly string[]) => Iterable<string>}> = [
  {suffix: '.csv', render: (records, columns) => csvChunks(records, columns)},
  {suffix: '.excel.csv', render: (records, columns) => csvChunks(records, columns, 'excel')},
  {suffix: '.json', render: jsonChunks}
]

/** Every file of the release, datasets in order, datapackage.json last (it describes the CSVs before it). */
export async function* releaseFiles(datasets: readonly DatasetRecords[], publication: Publication, reuse?: Reuse): AsyncGenerator<ReleaseFile> {
  const csvs = new Map<string, FileSummary>()
  for (const dataset of datasets) {
    const previous = await reuse?.files(dataset)
    const columns = columnsOf(dataset.name)
    for (const format of formats) {
      const name = dataset.name + format.suffix
      const done = (summary: FileSummary) => {
        reuse?.made(dataset, name, summary)
        if (format.suffix === '.csv') csvs.set(dataset.name, summary)
      }
      const reused = previous?.get(name)
      if (reused) done(reused.summary)
      yield {name, content: reused ? {existing: reused.path} : summarised(format.render(dataset.records as unknown as Records, columns), done)}
    }
  }
  const documents = datasets.find((dataset) => dataset.name === 'documents')?.records ?? []
  yield {name: 'datapackage.json', content: [toDatapackage(publication, csvs, documents as never)]}
}

/** The chunks, passed on as they are read; once all are read, `done` gets their size and SHA-256. */
function* summarised(chunks: Iterable<Chunk>, done: (summary: FileSummary) => void): Generator<Chunk> {
  const hash = createHash('sha256')
  let bytes = 0
  for (const chunk of chunks) {
    hash.update(chunk)
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength
    yield chunk
  }
  done({bytes, sha256: hash.digest('hex')})
}
