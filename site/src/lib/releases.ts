/**
 * The frozen releases in a folder (dist-data/releases/ for the site): each
 * one's record (release.json), record-level changelog (changes.json) and
 * checksums (SHA256SUMS). The folder is a parameter so tests can read
 * fixture releases.
 */
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Changes} from '../../../pipeline/release/changes.ts'
import {checksumsFile, filesIn} from '../../../pipeline/release/frozen.ts'
import type {ReleaseRecord} from '../../../pipeline/release/record.ts'
import {compareVersions, versionPattern} from '../../../pipeline/release/version.ts'

export type {ReleaseRecord}
export type {FieldChange, RecordChange} from '../../../pipeline/release/changes.ts'

/** changes.json: the versions compared and every change between them. */
export interface ChangesFile extends Changes {
  from: string | null
  to: string
}

export interface ReleasedFile {
  /** Relative to the release folder, with `/`. */
  file: string
  bytes: number
  /** As SHA256SUMS lists it; null for SHA256SUMS itself. */
  sha256: string | null
}

export interface Release {
  version: string
  /** YYYY-MM-DD. */
  date: string
  folder: string
  record: ReleaseRecord
  changes: ChangesFile
  /** Every file of the release, SHA256SUMS included, sorted by name. */
  files: ReleasedFile[]
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T

/** The releases in `folder`, oldest first; none when the folder does not exist. */
export function releasesIn(folder: string): Release[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((name) => versionPattern.test(name) && statSync(path.join(folder, name)).isDirectory())
    .sort(compareVersions)
    .map((version) => readRelease(path.join(folder, version)))
}

function readRelease(folder: string): Release {
  const record = readJson<ReleaseRecord>(path.join(folder, 'release.json'))
  const changes = readJson<ChangesFile>(path.join(folder, 'changes.json'))
  const sums = new Map(
    readFileSync(path.join(folder, checksumsFile), 'utf8')
      .split('\n')
      .flatMap((line) => {
        const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line)
        return match ? [[match[2]!, match[1]!] as const] : []
      })
  )
  const files = filesIn(folder).map((file) => ({file, bytes: statSync(path.join(folder, file)).size, sha256: sums.get(file) ?? null}))
  return {version: record.version, date: record.date, folder, record, changes, files}
}

/** Records added, removed and changed per dataset, in the order the changelog lists them. */
export function changeCounts(release: Pick<Release, 'changes'>): Map<string, {added: number; removed: number; changed: number}> {
  const counts = new Map<string, {added: number; removed: number; changed: number}>()
  for (const change of release.changes.records) {
    const count = counts.get(change.dataset) ?? {added: 0, removed: 0, changed: 0}
    count[change.change]++
    counts.set(change.dataset, count)
  }
  return counts
}

/** "minor: 3 added, 0 removed, 2 changed". */
export function summaryOf(release: Pick<Release, 'record'>): string {
  const {bump, changes} = release.record
  return `${bump}: ${changes.added} added, ${changes.removed} removed, ${changes.changed} changed`
}
