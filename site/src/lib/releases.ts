/**
 * The frozen releases in a folder (dist-data/releases/ for the site): each
 * one's record (release.json), record-level changelog (changes.json) and
 * checksums (SHA256SUMS). The folder is a parameter so tests can read
 * fixture releases.
 */
import {statSync} from 'node:fs'
import path from 'node:path'
import {filesIn, readChecksums} from '../../../pipeline/release/frozen.ts'
import {readReleases, type ChangesFile, type FrozenRelease} from '../../../pipeline/release/read.ts'
import type {ReleaseRecord} from '../../../pipeline/release/record.ts'

export type {ChangesFile, ReleaseRecord}
export {countChanges} from '../../../pipeline/release/changes.ts'
export type {FieldChange, RecordChange} from '../../../pipeline/release/changes.ts'

export interface ReleasedFile {
  /** Relative to the release folder, with `/`. */
  file: string
  bytes: number
  /** As SHA256SUMS lists it; null for SHA256SUMS itself. */
  sha256: string | null
}

export interface Release extends FrozenRelease {
  /** Every file of the release, SHA256SUMS included, sorted by name. */
  files: ReleasedFile[]
}

/** The releases in `folder`, oldest first; none when the folder does not exist. */
export function releasesIn(folder: string): Release[] {
  return readReleases(folder).map((release) => {
    const sums = readChecksums(release.folder)
    const files = filesIn(release.folder).map((file) => ({file, bytes: statSync(path.join(release.folder, file)).size, sha256: sums.get(file) ?? null}))
    return {...release, files}
  })
}

/** "minor: 3 added, 0 removed, 2 changed". */
export function summaryOf(release: Pick<Release, 'record'>): string {
  const {bump, changes} = release.record
  return `${bump}: ${changes.added} added, ${changes.removed} removed, ${changes.changed} changed`
}
