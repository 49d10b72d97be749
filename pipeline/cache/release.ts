/**
 * Reuse of the last release's files. A dataset whose records are exactly those
 * it had when the release in the target folder was written, by the same
 * pipeline version, gives the same CSV, Excel CSV and JSON, so those files are
 * linked into the new release instead of rendered again, and its records,
 * validated then, need no schema check now.
 *
 * The record of what the release was made from is `.cache/pipeline/release.json`:
 * per dataset a digest of its records, and per file its size, SHA-256 and
 * identity on disk (inode, size, modification time in nanoseconds, as make and
 * git judge a file unchanged). It is never trusted blindly: it carries a CRC-32
 * of its own text and the pipeline version, a file whose identity differs
 * (edited, replaced or lost since) is rendered afresh, and the record is
 * replaced only after a release has been written whole.
 */
import {createHash} from 'node:crypto'
import {mkdir, readFile, rename, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {FileSummary} from '../write/datapackage.ts'
import {formats, type Reuse} from '../write/release.ts'
import type {DatasetRecords} from '../validate/index.ts'
import {frame, temporaryName, unframe} from './index.ts'

/** Where the record lives under the project root. */
export const releaseRecordPath = '.cache/pipeline/release.json'

/** Bump when the layout of the record changes. */
const format = 1

interface ReleaseRecord {
  format: number
  version: string
  /** The release folder, relative to the project root. */
  target: string
  datasets: Record<string, {digest: string; files: Record<string, WrittenFile>}>
}

interface WrittenFile extends FileSummary {
  /** `inode:size:mtimeNs` of the file in the release folder, once written. */
  identity?: string
}

export interface ReleaseCache extends Reuse {
  /** Whether `dataset` has exactly the records it had in the last release (so they passed validation then). */
  unchanged(dataset: DatasetRecords): boolean
  /** Keep what this build made, once its release is written. */
  save(): Promise<void>
  /** Files linked from the last release rather than rendered, and files that did not check out. */
  stats: {reused: number; rejected: number}
}

/** Open the record of the release in `target` (relative to `root`) for a build by pipeline `version`. */
export async function openReleaseCache(root: string, target: string, version: string): Promise<ReleaseCache> {
  const recordFile = path.join(root, releaseRecordPath)
  const last = await load(recordFile)
  const previous = last && last.version === version && last.target === target ? last.datasets : {}
  const next: ReleaseRecord = {format, version, target, datasets: {}}
  const digests = new WeakMap<DatasetRecords, string>()
  const stats = {reused: 0, rejected: 0}

  const digestOf = (dataset: DatasetRecords): string => {
    let digest = digests.get(dataset)
    // The merge's digest of what the records were made from when there is one, else one of the records themselves.
    if (digest === undefined) digests.set(dataset, (digest = dataset.digest ? `merged:${dataset.digest}` : `records:${recordsDigest(dataset)}`))
    return digest
  }

  return {
    stats,
    unchanged: (dataset) => previous[dataset.name]?.digest === digestOf(dataset),
    async files(dataset) {
      const entry = previous[dataset.name]
      if (!entry || entry.digest !== digestOf(dataset)) return undefined
      const files = new Map<string, {path: string; summary: FileSummary}>()
      for (const name of formats.map((format) => dataset.name + format.suffix)) {
        const file = path.join(root, target, name)
        const written = entry.files[name]
        if (!written?.identity || written.identity !== (await identityOf(file))) {
          stats.rejected++
          return undefined
        }
        files.set(name, {path: file, summary: {bytes: written.bytes, sha256: written.sha256}})
      }
      stats.reused += files.size
      return files
    },
    made(dataset, name, summary: FileSummary) {
      const entry = (next.datasets[dataset.name] ??= {digest: digestOf(dataset), files: {}})
      entry.files[name] = {bytes: summary.bytes, sha256: summary.sha256}
    },
    async save() {
      // Each file as it now stands in the release folder, so the next build can tell it untouched.
      for (const entry of Object.values(next.datasets)) {
        for (const [name, written] of Object.entries(entry.files)) {
          const identity = await identityOf(path.join(root, target, name))
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
  const isFile = (file: unknown) => {
    const {bytes, sha256, identity} = (file ?? {}) as Partial<WrittenFile>
    return typeof bytes === 'number' && typeof sha256 === 'string' && (identity === undefined || typeof identity === 'string')
  }
  return Object.values(value).every((entry: unknown) => {
    const {digest, files} = (entry ?? {}) as {digest?: unknown; files?: unknown}
    return typeof digest === 'string' && !!files && typeof files === 'object' && Object.values(files).every(isFile)
  })
}
