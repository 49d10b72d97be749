/**
 * Reuse of the last release's files. A dataset whose records are exactly those
 * it had when the release in the target folder was written, by the same
 * pipeline version, gives the same CSV, Excel CSV and JSON, so those files are
 * linked into the new release instead of rendered again, and its records,
 * validated then, need no schema check now.
 *
 * A dataset whose records changed in part is rendered again row by row: a
 * record that is one of the last release's records (see ./records.ts) takes
 * the rows that release has for it, copied from each file, and passed its
 * schema then. Only the other records are schema-checked and rendered.
 *
 * The record of what the release was made from is `.cache/pipeline/release.json`:
 * per dataset a digest of its records and the identity of its records file,
 * and per file its size (and the canonical CSV's SHA-256, for datapackage.json)
 * and identity on disk (device, inode, size, modification and change times in
 * nanoseconds, as git judges a file unchanged; see ../read/index.ts).
 * It is never trusted blindly: it carries a CRC-32 of its own text and the
 * pipeline version, a file whose identity differs (edited, replaced or lost
 * since) is not used, rows are found in the files themselves and used only
 * when every file has one per record, and the record is replaced only after a
 * release has been written whole.
 */
import {createHash} from 'node:crypto'
import {closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {identityOf as identityOfStats} from '../read/index.ts'
import type {DatasetRecords} from '../validate/index.ts'
import {columnsOf} from '../validate/schemas.ts'
import {formats, type MadeFile, type Reuse} from '../write/release.ts'
import type {PreviousFile, Records} from '../write/rows.ts'
import {readFramed, temporaryName, writeFramed} from './index.ts'
import {matchRecords, readRecordLines, writeRecordLines, type Matched} from './records.ts'

/** Where the record lives under the project root. */
export const releaseRecordPath = '.cache/pipeline/release.json'

/** Where each dataset's records file lives under the project root (see ./records.ts). */
export const recordsFolder = '.cache/pipeline/records'

/** Bump when the layout of the record changes. */
const format = 3

interface ReleaseRecord {
  format: number
  version: string
  /** The release folder, relative to the project root. */
  target: string
  datasets: Record<string, DatasetEntry>
}

interface DatasetEntry {
  digest: string
  /** Identity of the records file, once written. */
  records?: string
  files: Record<string, WrittenFile>
}

interface WrittenFile extends MadeFile {
  /** The file's identity in the release folder once written (see ../read/index.ts identityOf). */
  identity?: string
}

export interface ReleaseCache extends Reuse {
  /**
   * Find, for each dataset whose records changed since the last release, which of its records that
   * release has; call before `checked` and before rendering.
   */
  compare(datasets: readonly DatasetRecords[]): void
  /** Whether `dataset`'s records passed their schema in the last release: all of them, or those `index` picks. */
  checked(dataset: DatasetRecords): boolean | ((index: number) => boolean)
  /** Keep what this build made, once its release is written. */
  save(): void
  /** Let go of what a build that wrote no release made. */
  discard(): void
  /** Files linked from the last release rather than rendered, files that did not check out, and rows of rendered files taken from the last release. */
  stats: {reused: number; rejected: number; rows: number}
}

/**
 * Open the record of the release in `target` (relative to `root`) for a build by pipeline `version`.
 * Its files are few and small, so they are read and written synchronously.
 */
export function openReleaseCache(root: string, target: string, version: string): ReleaseCache {
  const recordFile = path.join(root, releaseRecordPath)
  const last = load(recordFile)
  const previous = last && last.version === version && last.target === target ? last.datasets : {}
  const next: ReleaseRecord = {format, version, target, datasets: {}}
  const digests = new WeakMap<DatasetRecords, string>()
  /** What compare found of each changed dataset, and the records file it wrote for the next build. */
  const compared = new Map<string, Matched & {written: string}>()
  const rendered = new Map<string, DatasetRecords>()
  const stats = {reused: 0, rejected: 0, rows: 0}
  const fileOf = (name: string) => path.join(root, target, name)
  const recordsOf = (dataset: string) => path.join(root, recordsFolder, `${dataset}.jsonl`)

  const digestOf = (dataset: DatasetRecords): string => {
    let digest = digests.get(dataset)
    // The merge's digest of what the records were made from when there is one, else one of the records themselves.
    if (digest === undefined) digests.set(dataset, (digest = dataset.digest ? `merged:${dataset.digest}` : `records:${recordsDigest(dataset)}`))
    return digest
  }
  const unchanged = (dataset: DatasetRecords) => previous[dataset.name]?.digest === digestOf(dataset)

  /** Whether the last release's file `name` of `dataset` is as it was written. */
  const untouched = (dataset: DatasetRecords, name: string): boolean => {
    const identity = previous[dataset.name]?.files[name]?.identity
    return identity !== undefined && identity === identityOf(fileOf(name))
  }

  return {
    stats,
    compare(datasets) {
      for (const dataset of datasets) {
        const entry = previous[dataset.name]
        if (!entry?.records || unchanged(dataset) || entry.records !== identityOf(recordsOf(dataset.name))) continue
        const lines = readRecordLines(recordsOf(dataset.name))
        if (!lines) continue
        // This build's records file is written as they are compared.
        const written = temporaryName(path.join(root, recordsFolder), dataset.name)
        const descriptor = openSync(written, 'w')
        let matched: Matched
        try {
          matched = matchRecords(dataset.records as unknown as Records, columnsOf(dataset.name), lines, (piece) => writeFileSync(descriptor, piece))
        } catch (error) {
          closeSync(descriptor)
          rmSync(written, {force: true})
          throw error
        }
        closeSync(descriptor)
        compared.set(dataset.name, {...matched, written})
      }
    },
    checked(dataset) {
      if (unchanged(dataset)) return true
      const match = compared.get(dataset.name)?.match
      return match ? (index) => match[index]! >= 0 : false
    },
    files(dataset) {
      if (!unchanged(dataset)) return undefined
      const files = new Map<string, {path: string; made: MadeFile}>()
      for (const format of formats) {
        const name = dataset.name + format.suffix
        const made = previous[dataset.name]!.files[name]
        if (!made || (format.hashed && !made.sha256) || !untouched(dataset, name)) {
          stats.rejected++
          return undefined
        }
        files.set(name, {path: fileOf(name), made})
      }
      stats.reused += files.size
      return files
    },
    rows(dataset, name) {
      const matched = compared.get(dataset.name)
      const layout = formats.find((format) => dataset.name + format.suffix === name)?.layout
      if (!matched || !layout || !untouched(dataset, name)) return undefined
      const bytes = readFileSync(fileOf(name))
      const spans = layout.spans(bytes, columnsOf(dataset.name))
      // Row i of the file is line i of the records file, so there must be as many.
      if (!spans || spans.length / 2 !== matched.rows) return undefined
      const {match} = matched
      return {
        bytes,
        spans,
        rowOf(index) {
          if (match[index]! >= 0) stats.rows++
          return match[index]!
        }
      } satisfies PreviousFile
    },
    made(dataset, name, made) {
      rendered.set(dataset.name, dataset)
      const entry = (next.datasets[dataset.name] ??= {digest: digestOf(dataset), files: {}})
      entry.files[name] = {...made}
    },
    save() {
      mkdirSync(path.join(root, recordsFolder), {recursive: true})
      for (const [name, entry] of Object.entries(next.datasets)) {
        // Each file as it now stands in the release folder, so the next build can tell it untouched.
        for (const [file, written] of Object.entries(entry.files)) {
          const identity = identityOf(fileOf(file))
          if (identity) written.identity = identity
        }
        const dataset = rendered.get(name)!
        const before = previous[name]
        const records = recordsOf(name)
        const kept = unchanged(dataset) && before?.records !== undefined && before.records === identityOf(records)
        if (!kept) {
          const matched = compared.get(name)
          const temporary = matched?.written ?? temporaryName(path.join(root, recordsFolder), name)
          if (!matched) writeRecordLines(temporary, dataset.records as unknown as Records, columnsOf(name))
          renameSync(temporary, records)
          compared.delete(name)
        }
        const identity = identityOf(records)
        if (identity) entry.records = identity
      }
      writeFramed(recordFile, JSON.stringify(next))
    },
    discard() {
      for (const {written} of compared.values()) rmSync(written, {force: true})
      compared.clear()
    }
  }
}

/** A file's identity on disk (see ../read/index.ts), or undefined when it is not a file. */
function identityOf(file: string): string | undefined {
  const info = statSync(file, {bigint: true, throwIfNoEntry: false})
  return info?.isFile() ? identityOfStats(info) : undefined
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

function load(file: string): ReleaseRecord | undefined {
  const body = readFramed(file)
  if (body === undefined) return undefined
  try {
    const record = JSON.parse(body) as Partial<ReleaseRecord>
    return record.format === format && typeof record.version === 'string' && typeof record.target === 'string' && isDatasets(record.datasets) ? (record as ReleaseRecord) : undefined
  } catch {
    return undefined
  }
}

function isDatasets(value: unknown): value is ReleaseRecord['datasets'] {
  if (!value || typeof value !== 'object') return false
  const isFile = (file: unknown) => {
    const {bytes, sha256, identity} = (file ?? {}) as Partial<WrittenFile>
    return typeof bytes === 'number' && (sha256 === undefined || typeof sha256 === 'string') && (identity === undefined || typeof identity === 'string')
  }
  return Object.values(value).every((entry: unknown) => {
    const {digest, records, files} = (entry ?? {}) as Partial<Record<keyof DatasetEntry, unknown>>
    return typeof digest === 'string' && (records === undefined || typeof records === 'string') && !!files && typeof files === 'object' && Object.values(files).every(isFile)
  })
}
