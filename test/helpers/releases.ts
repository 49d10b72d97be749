/**
 * The project's published data as the site should show it, read from
 * dist-data/ (never from the site): the releases, the newest one, the draft,
 * and the folder each /data/<version>/ URL serves.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import {filesIn, listReleases, releasesFolder} from '../../pipeline/release/frozen.ts'
import {bundles, typedFormats} from '../../pipeline/write/formats.ts'
import type {Publication} from '../../pipeline/publication.ts'
import type {ChangesFile, ReleaseRecord} from '../../site/src/lib/releases.ts'
import {projectRoot} from './project.ts'

export const draftFolder = path.join(projectRoot, 'dist-data/draft')

/** Released versions, oldest first. */
export const versions = listReleases(projectRoot)
export const newest: string | undefined = versions.at(-1)

export const releaseFolder = (version: string) => path.join(projectRoot, releasesFolder, version)
export const releaseRecord = (version: string): ReleaseRecord => JSON.parse(readFileSync(path.join(releaseFolder(version), 'release.json'), 'utf8'))
export const changesOf = (version: string): ChangesFile => JSON.parse(readFileSync(path.join(releaseFolder(version), 'changes.json'), 'utf8'))

/** The version the site shows and its folder: the newest release, or the draft. */
export const shownVersion = newest ?? 'draft'
export const shownFolder = newest ? releaseFolder(newest) : draftFolder

/** The folder served under /data/<version>/ ('latest' and 'draft' included). */
export function servedFolder(version: string): string {
  if (version === 'draft') return draftFolder
  if (version === 'latest') return releaseFolder(newest!)
  return releaseFolder(version)
}

/** Every URL under /data/ the site must serve, with the file it must equal. */
export function servedFiles(): Array<{url: string; file: string}> {
  return [...versions, ...(newest ? ['latest'] : []), 'draft'].flatMap((version) => filesIn(servedFolder(version)).map((file) => ({url: `/data/${version}/${file}`, file: path.join(servedFolder(version), file)})))
}

/** SHA256SUMS of a release: file → hash. */
export function sumsOf(version: string): Map<string, string> {
  const text = readFileSync(path.join(releaseFolder(version), 'SHA256SUMS'), 'utf8')
  return new Map(text.split('\n').filter(Boolean).map((line) => [line.slice(66), line.slice(0, 64)]))
}

/** How many rows a release's changelog has: one per added or removed record, one per changed field (as changes.csv). */
export const changelogRows = (version: string) => changesOf(version).records.reduce((sum, record) => sum + (record.fields?.length ?? 1), 0)

/** sources/publication.yml, as the site reads it. */
export const publication: Publication = {...parse(readFileSync(path.join(projectRoot, 'sources/publication.yml'), 'utf8')), version: shownVersion}

/** The content type each kind of published file must be served with; the typed formats' and bundles' as pipeline/write/formats.ts names them. */
const types: Record<string, string> = {
  ...Object.fromEntries([...typedFormats, ...bundles].map(({suffix, mediaType}) => [suffix.slice(suffix.lastIndexOf('.')), mediaType])),
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.zip': 'application/zip',
  '.md': 'text/markdown; charset=utf-8'
}

/** The content type a published file must be served with ('an unexpected file' for a kind not published). */
export function expectedType(file: string): string {
  return ['SHA256SUMS', 'LICENSE', 'LICENSE-DATA'].includes(path.posix.basename(file)) ? 'text/plain; charset=utf-8' : types[path.posix.extname(file)] ?? 'an unexpected file'
}
