/**
 * The release: each dataset's CSV, Excel CSV and JSON, then datapackage.json,
 * made one file at a time and each file piece by piece, so a large release is
 * written as it is made and never held in memory whole. A file that copies
 * rows from the last release's file holds that one file in memory while it is made.
 */
import type {Publication} from '../publication.ts'
import type {DatasetRecords} from '../validate/index.ts'
import {columnsOf} from '../validate/schemas.ts'
import {csvLayouts} from './csv.ts'
import {summarised, toDatapackage, type FileSummary, type MadeFile} from './datapackage.ts'
import {jsonLayout} from './json.ts'
import {fileChunks, type Chunk, type Layout, type PreviousFile, type Records} from './rows.ts'

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

export type {MadeFile}

/** Files of a dataset made by an earlier build, to be used instead of rendering them again (see ../cache/release.ts). */
export interface Reuse {
  /** Where the files `dataset` gave last time are, by name, with what is known of them, if its records and the files are unchanged. */
  files(dataset: DatasetRecords): ReadonlyMap<string, {path: string; made: MadeFile}> | undefined
  /** For a dataset whose records changed in part: the last release's file `name`, and which of its rows are this build's records. */
  rows(dataset: DatasetRecords, name: string): PreviousFile | undefined
  /** Note a file this build made of `dataset`. */
  made(dataset: DatasetRecords, name: string, made: MadeFile): void
}

/** The three files of every dataset, by the suffix of their names; datapackage.json gives the SHA-256 of the canonical CSV. */
export const formats: ReadonlyArray<{suffix: string; layout: Layout; hashed: boolean}> = [
  {suffix: '.csv', layout: csvLayouts.canonical, hashed: true},
  {suffix: '.excel.csv', layout: csvLayouts.excel, hashed: false},
  {suffix: '.json', layout: jsonLayout, hashed: false}
]

/** Every file of the release, datasets in order, datapackage.json last (it describes the CSVs before it). */
export function* releaseFiles(datasets: readonly DatasetRecords[], publication: Publication, reuse?: Reuse): Generator<ReleaseFile> {
  const csvs = new Map<string, FileSummary>()
  for (const dataset of datasets) {
    const previous = reuse?.files(dataset)
    const columns = columnsOf(dataset.name)
    for (const format of formats) {
      const name = dataset.name + format.suffix
      const done = (made: MadeFile) => {
        reuse?.made(dataset, name, made)
        if (format.hashed) csvs.set(dataset.name, {bytes: made.bytes, sha256: made.sha256!})
      }
      const reused = previous?.get(name)
      if (reused) {
        done(reused.made)
        yield {name, content: {existing: reused.path}}
        continue
      }
      const chunks = fileChunks(format.layout, dataset.records as unknown as Records, columns, reuse?.rows(dataset, name))
      yield {name, content: summarised(chunks, format.hashed, done)}
    }
  }
  const documents = datasets.find((dataset) => dataset.name === 'documents')?.records ?? []
  yield {name: 'datapackage.json', content: [toDatapackage(publication, csvs, documents as never)]}
}
