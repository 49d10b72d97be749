/**
 * Reuse of the last release's files. A dataset whose records are exactly those
 * it had when the release in the target folder was written, by the same
 * pipeline version, gives the same CSV, Excel CSV and JSON, so those files are
 * linked into the new release instead of rendered again, and its records,
 * validated then, need no schema check now.
 *
 * A dataset whose records changed in part is rendered again row by row: a
 * record whose JSON row is a row of the last release's JSON file gives the
 * rows that release has at the same place in each file (equal JSON, equal
 * values, equal rows), and passed its schema then. Only the other records are
 * schema-checked and rendered. This holds only for records of plain JSON data
 * with exactly the dataset's columns, on both sides, which every extractor
 * makes; any other record is checked and rendered as usual.
 *
 * The record of what the release was made from is `.cache/pipeline/release.json`:
 * per dataset a digest of its records and the rows whose records were not plain,
 * and per file its size (and the canonical CSV's SHA-256, for datapackage.json)
 * and identity on disk (inode, size, modification time in nanoseconds, as make
 * and git judge a file unchanged). It is never trusted blindly: it carries a
 * CRC-32 of its own text and the pipeline version, a file whose identity differs
 * (edited, replaced or lost since) is rendered afresh, the rows are found in the
 * files themselves and used only when all three files have as many, and the
 * record is replaced only after a release has been written whole.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {mkdir, readFile, rename, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {DatasetRecords} from '../validate/index.ts'
import {columnsOf} from '../validate/schemas.ts'
import {jsonLayout} from '../write/json.ts'
import {formats, type MadeFile, type Reuse} from '../write/release.ts'
import {chunkRows, latin1, type PreviousFile} from '../write/rows.ts'
import {frame, temporaryName, unframe} from './index.ts'

/** Where the record lives under the project root. */
export const releaseRecordPath = '.cache/pipeline/release.json'

/** Bump when the layout of the record changes. */
const format = 2

interface ReleaseRecord {
  format: number
  version: string
  /** The release folder, relative to the project root. */
  target: string
  datasets: Record<string, DatasetEntry>
}

interface DatasetEntry {
  digest: string
  /** Rows whose records were not plain JSON data with exactly the dataset's columns: never reused. */
  unplain: number[]
  files: Record<string, WrittenFile>
}

interface WrittenFile extends MadeFile {
  /** `inode:size:mtimeNs` of the file in the release folder, once written. */
  identity?: string
}

export interface ReleaseCache extends Reuse {
  /**
   * Find, for each dataset whose records changed since the last release, which of its records are
   * rows of that release; call before `checked` and before rendering.
   */
  compare(datasets: readonly DatasetRecords[]): Promise<void>
  /** Whether `dataset`'s records passed their schema in the last release: all of them, or those `index` picks. */
  checked(dataset: DatasetRecords): boolean | ((index: number) => boolean)
  /** Keep what this build made, once its release is written. */
  save(): Promise<void>
  /** Files linked from the last release rather than rendered, files that did not check out, and rows of rendered files taken from the last release. */
  stats: {reused: number; rejected: number; rows: number}
}

/** Open the record of the release in `target` (relative to `root`) for a build by pipeline `version`. */
export async function openReleaseCache(root: string, target: string, version: string): Promise<ReleaseCache> {
  const recordFile = path.join(root, releaseRecordPath)
  const last = await load(recordFile)
  const previous = last && last.version === version && last.target === target ? last.datasets : {}
  const next: ReleaseRecord = {format, version, target, datasets: {}}
  const digests = new WeakMap<DatasetRecords, string>()
  /** For each record of a changed dataset, its row in the last release, or -1; how many rows that release has; which records are not plain. */
  const matches = new WeakMap<DatasetRecords, Matched>()
  const stats = {reused: 0, rejected: 0, rows: 0}
  const fileOf = (name: string) => path.join(root, target, name)

  const digestOf = (dataset: DatasetRecords): string => {
    let digest = digests.get(dataset)
    // The merge's digest of what the records were made from when there is one, else one of the records themselves.
    if (digest === undefined) digests.set(dataset, (digest = dataset.digest ? `merged:${dataset.digest}` : `records:${recordsDigest(dataset)}`))
    return digest
  }
  const unchanged = (dataset: DatasetRecords) => previous[dataset.name]?.digest === digestOf(dataset)

  /** Whether the last release's file `name` of `dataset` is as it was written. */
  const untouched = async (dataset: DatasetRecords, name: string): Promise<boolean> => {
    const identity = previous[dataset.name]?.files[name]?.identity
    return identity !== undefined && identity === (await identityOf(fileOf(name)))
  }
  /** The last release's file `name` and where its rows are, if it is as it was written and laid out as it should be. */
  const previousFile = async (dataset: DatasetRecords, name: string): Promise<Omit<PreviousFile, 'rowOf'> | undefined> => {
    const layout = formats.find((format) => dataset.name + format.suffix === name)?.layout
    if (!layout || !(await untouched(dataset, name))) return undefined
    const bytes = readFileSync(fileOf(name))
    const spans = layout.spans(bytes, columnsOf(dataset.name))
    return spans ? {bytes, spans} : undefined
  }

  return {
    stats,
    async compare(datasets) {
      for (const dataset of datasets) {
        const entry = previous[dataset.name]
        if (!entry || unchanged(dataset)) continue
        const json = await previousFile(dataset, dataset.name + '.json')
        if (json) matches.set(dataset, matchRows(dataset, json, new Set(entry.unplain)))
      }
    },
    checked(dataset) {
      if (unchanged(dataset)) return true
      const match = matches.get(dataset)?.match
      return match ? (index) => match[index]! >= 0 : false
    },
    async files(dataset) {
      if (!unchanged(dataset)) return undefined
      const files = new Map<string, {path: string; made: MadeFile}>()
      for (const format of formats) {
        const name = dataset.name + format.suffix
        const made = previous[dataset.name]!.files[name]
        if (!made || (format.hashed && !made.sha256) || !(await untouched(dataset, name))) {
          stats.rejected++
          return undefined
        }
        files.set(name, {path: fileOf(name), made})
      }
      stats.reused += files.size
      return files
    },
    async rows(dataset, name) {
      const matched = matches.get(dataset)
      const file = matched && (await previousFile(dataset, name))
      // Row i of each file is the same record's, so the files must agree on how many there are.
      if (!matched || !file || file.spans.length / 2 !== matched.rows) return undefined
      const {match} = matched
      return {
        ...file,
        rowOf(index) {
          if (match[index]! >= 0) stats.rows++
          return match[index]!
        }
      }
    },
    made(dataset, name, made) {
      // Records unchanged since the last release are as plain as they were then.
      const unplain = unchanged(dataset) ? previous[dataset.name]!.unplain : matches.get(dataset)?.unplain ?? unplainRows(dataset)
      const entry = (next.datasets[dataset.name] ??= {digest: digestOf(dataset), unplain, files: {}})
      entry.files[name] = {...made}
    },
    async save() {
      // Each file as it now stands in the release folder, so the next build can tell it untouched.
      for (const entry of Object.values(next.datasets)) {
        for (const [name, written] of Object.entries(entry.files)) {
          const identity = await identityOf(fileOf(name))
          if (identity) written.identity = identity
        }
      }
      const body = JSON.stringify(next)
      await mkdir(path.dirname(recordFile), {recursive: true})
      const temporary = temporaryName(path.dirname(recordFile), path.basename(recordFile))
      await writeFile(temporary, frame(body))
      await rename(temporary, recordFile)
    }
  }
}

interface Matched {
  /** For each record, its row in the last release, or -1. */
  match: Int32Array
  /** How many rows the last release has. */
  rows: number
  /** Records that are not plain. */
  unplain: number[]
}

/**
 * For each record, the row of the last release's JSON file that is its own
 * JSON row, byte for byte, or -1; both the record and that row's record must
 * be plain (see `isPlain`). Both lists are in the dataset's order, so each
 * record is first compared with the row after the last one found; failing
 * that, with the row that begins as it does (its first field, usually its id).
 */
function matchRows(dataset: DatasetRecords, json: Omit<PreviousFile, 'rowOf'>, unplainBefore: ReadonlySet<number>): Matched {
  const columns = columnsOf(dataset.name)
  const {bytes, spans} = json
  const rows = spans.length / 2
  const firstLine = (text: string, start: number) => text.slice(start, text.indexOf('\n', start + 4))
  // Built only if a record is not found where expected.
  let byFirstLine: Map<string, number> | undefined
  const records = dataset.records as unknown as Array<Record<string, unknown>>
  const match = new Int32Array(records.length).fill(-1)
  const unplain: number[] = []
  const same = (row: number, encoded: Buffer, start: number, end: number) =>
    spans[2 * row + 1]! - spans[2 * row]! === end - start && encoded.compare(bytes, spans[2 * row], spans[2 * row + 1], start, end) === 0
  let next = 0
  for (let start = 0; start < records.length; start += chunkRows) {
    const texts = jsonLayout.rows(records.slice(start, start + chunkRows), columns)
    // The rows as UTF-8 in one piece, to compare with the file's bytes.
    const encoded = Buffer.from(texts.join(''))
    let encodedText: string | undefined
    let from = 0
    texts.forEach((text, at) => {
      const index = start + at
      const to = from + Buffer.byteLength(text)
      if (!isPlain(records[index]!, columns)) unplain.push(index)
      else {
        let row = next < rows && same(next, encoded, from, to) ? next : -1
        if (row < 0) {
          if (!byFirstLine) {
            const all = latin1(bytes)
            byFirstLine = new Map(Array.from({length: rows}, (_, old) => [firstLine(all, spans[2 * old]!), old] as const).reverse())
          }
          const candidate = byFirstLine.get(firstLine((encodedText ??= latin1(encoded)), from))
          if (candidate !== undefined && same(candidate, encoded, from, to)) row = candidate
        }
        if (row >= 0 && !unplainBefore.has(row)) {
          match[index] = row
          next = row + 1
        }
      }
      from = to
    })
  }
  return {match, rows, unplain}
}

/** Rows of `dataset` whose records are not plain. */
function unplainRows(dataset: DatasetRecords): number[] {
  const columns = columnsOf(dataset.name)
  const rows: number[] = []
  ;(dataset.records as unknown as Array<Record<string, unknown>>).forEach((record, row) => {
    if (!isPlain(record, columns)) rows.push(row)
  })
  return rows
}

/**
 * A record whose JSON says all there is to it: exactly `columns` as its own
 * keys, each null, a boolean, a string, a finite number or a list of those.
 * Two plain records with equal JSON are equal, so they give equal rows and
 * the same verdict from their schema.
 */
export function isPlain(record: Record<string, unknown>, columns: readonly string[]): boolean {
  if (Object.keys(record).length !== columns.length) return false
  return columns.every((column) => {
    const value = record[column]
    return Object.hasOwn(record, column) && (Array.isArray(value) ? value.every(isPlainValue) : isPlainValue(value))
  })
}

function isPlainValue(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
}

/** A file's inode, size and modification time, or undefined when it cannot be read. */
async function identityOf(file: string): Promise<string | undefined> {
  const info = await stat(file, {bigint: true}).catch(() => undefined)
  return info?.isFile() ? `${info.ino}:${info.size}:${info.mtimeNs}` : undefined
}

/**
 * A SHA-256 of a dataset's records, as JSON a thousand at a time. Records are
 * plain JSON data (the document cache stores them as JSON), so equal JSON
 * means equal records and so equal files.
 */
function recordsDigest(dataset: DatasetRecords): string {
  const digest = createHash('sha256').update(`${dataset.name}\0`)
  // Fewer calls than one per record, and no string the size of the dataset.
  for (let start = 0; start < dataset.records.length; start += 1000) digest.update(JSON.stringify(dataset.records.slice(start, start + 1000)))
  return digest.digest('hex')
}

async function load(file: string): Promise<ReleaseRecord | undefined> {
  const bytes = await readFile(file).catch(() => undefined)
  if (bytes === undefined) return undefined
  const body = unframe(bytes)
  if (body === undefined) return undefined
  try {
    const record = JSON.parse(body.toString('utf8')) as Partial<ReleaseRecord>
    return record.format === format && typeof record.version === 'string' && typeof record.target === 'string' && isDatasets(record.datasets) ? (record as ReleaseRecord) : undefined
  } catch {
    return undefined
  }
}

function isDatasets(value: unknown): value is ReleaseRecord['datasets'] {
  if (!value || typeof value !== 'object') return false
  const isNumbers = (list: unknown) => Array.isArray(list) && list.every((item) => Number.isInteger(item) && item >= 0)
  const isFile = (file: unknown) => {
    const {bytes, sha256, identity} = (file ?? {}) as Partial<WrittenFile>
    return typeof bytes === 'number' && (sha256 === undefined || typeof sha256 === 'string') && (identity === undefined || typeof identity === 'string')
  }
  return Object.values(value).every((entry: unknown) => {
    const {digest, unplain, files} = (entry ?? {}) as Partial<Record<keyof DatasetEntry, unknown>>
    return typeof digest === 'string' && isNumbers(unplain) && !!files && typeof files === 'object' && Object.values(files).every(isFile)
  })
}
