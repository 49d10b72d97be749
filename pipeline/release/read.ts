/**
 * A frozen release as its readers need it (the next release, the catalogues,
 * the site): its record (release.json), its record-level changelog
 * (changes.json) and its folder. Read once, in one place.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Changes} from './changes.ts'
import {versionsIn} from './frozen.ts'
import type {ReleaseRecord} from './record.ts'

/** changes.json: the versions compared and every change between them. */
export interface ChangesFile extends Changes {
  from: string | null
  to: string
}

export interface FrozenRelease {
  version: string
  /** YYYY-MM-DD. */
  date: string
  folder: string
  record: ReleaseRecord
  changes: ChangesFile
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T

export function readRelease(folder: string): FrozenRelease {
  const record = readJson<ReleaseRecord>(path.join(folder, 'release.json'))
  return {version: record.version, date: record.date, folder, record, changes: readJson<ChangesFile>(path.join(folder, 'changes.json'))}
}

/** Every release in `folder` (dist-data/releases/, or a test's), oldest first. */
export function readReleases(folder: string): FrozenRelease[] {
  return versionsIn(folder).map((version) => readRelease(path.join(folder, version)))
}
