/**
 * Which data the site shows: the newest release in dist-data/releases/, or
 * the draft (dist-data/draft/) while no release exists. Every page, record
 * and download is read from `shown.folder`.
 */
import path from 'node:path'
import {releasesFolder} from '../../../pipeline/release/frozen.ts'
import {releasesIn, type Release} from './releases.ts'

export interface Shown {
  /** '1.0.0', or 'draft'. */
  version: string
  /** Release date, YYYY-MM-DD; null for the draft. */
  date: string | null
  folder: string
  draft: boolean
}

export const draftFolder = path.resolve('dist-data/draft')

/** Every release, oldest first. */
export const releases: Release[] = releasesIn(path.resolve(releasesFolder))

export const latest: Release | undefined = releases.at(-1)

export const draft: Shown = {version: 'draft', date: null, folder: draftFolder, draft: true}

export const shown: Shown = latest ? {version: latest.version, date: latest.date, folder: latest.folder, draft: false} : draft

/** The release of `version`. */
export function releaseOf(version: string): Release {
  const release = releases.find((candidate) => candidate.version === version)
  if (!release) throw new Error(`Missing release ${version} in ${releasesFolder}`)
  return release
}
