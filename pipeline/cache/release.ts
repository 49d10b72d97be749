/**
 * Reuse of the last release's files. A dataset whose records are exactly those
 * it had when the release in the target folder was written, by the same
 * pipeline version, gives the same CSV, Excel CSV and JSON, so those are read
 * back instead of rendered again, and its records, validated then, need no
 * schema check now.
 *
 * The record of what the release was made from is `.cache/pipeline/release.json`:
 * per dataset a SHA-256 digest of its records and the SHA-256 of each file. It
 * is never trusted blindly: it carries a CRC-32 of its own text and the
 * pipeline version, every file read back must still have its recorded SHA-256
 * (a file edited or lost since is rendered afresh), and it is replaced only
 * after a release has been written whole.
 */
import {createHash} from 'node:crypto'
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {summarise, type FileSummary} from '../write/datapackage.ts'
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
  datasets: Record<string, {digest: string; files: Record<string, string>}>
}

export interface ReleaseCache extends Reuse {
  /** Whether `dataset` has exactly the records it had in the last release (so they passed validation then). */
  unchanged(dataset: DatasetRecords): boolean
  /** Keep what this build made, once its release is written. */
  save(): Promise<void>
  /** Files read back rather than rendered, and files that did not check out. */
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
      const files = new Map<string, Uint8Array>()
      for (const name of formats.map((format) => dataset.name + format.suffix)) {
        const content = entry.files[name] === undefined ? undefined : await readFile(path.join(root, target, name)).catch(() => undefined)
        if (!content || summarise(content).sha256 !== entry.files[name]) {
          stats.rejected++
          return undefined
        }
        files.set(name, content)
      }
      stats.reused += files.size
      return files
    },
    made(dataset, name, summary: FileSummary) {
      const entry = (next.datasets[dataset.name] ??= {digest: digestOf(dataset), files: {}})
      entry.files[name] = summary.sha256
    },
    async save() {
      const body = JSON.stringify(next)
      await mkdir(path.dirname(recordFile), {recursive: true})
      const temporary = temporaryName(path.dirname(recordFile), path.basename(recordFile))
      await writeFile(temporary, frame(body))
      await rename(temporary, recordFile)
    }
  }
}

/**
 * A SHA-256 of a dataset's records, one record's JSON at a time. Records are
 * plain JSON data (the document cache stores them as JSON), so equal JSON
 * means equal records and so equal files.
 */
function recordsDigest(dataset: DatasetRecords): string {
  const digest = createHash('sha256').update(`${dataset.name}\0`)
  // A thousand records at a time: fewer calls than one per record, no string the size of the dataset.
  for (let start = 0; start < dataset.records.length; start += 1000) digest.update(JSON.stringify(dataset.records.slice(start, start + 1000)))
  return digest.digest('hex')
}

async function load(file: string): Promise<ReleaseRecord | undefined> {
  const bytes = await readFile(file).catch(() => undefined)
  if (bytes === undefined) return undefined
  const body = unframe(bytes)
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
  return Object.values(value).every(
    (entry: unknown) =>
      !!entry &&
      typeof (entry as {digest?: unknown}).digest === 'string' &&
      !!(entry as {files?: unknown}).files &&
      typeof (entry as {files?: unknown}).files === 'object' &&
      Object.values((entry as {files: object}).files).every((sha256) => typeof sha256 === 'string')
  )
}
