/**
 * The published files served under /data/<version>/: every file of every
 * release, of the newest again under /data/latest/, and of the draft under
 * /data/draft/, byte for byte, each with its content type.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {filesIn} from '../../../pipeline/release/frozen.ts'
import {bundles, typedFormats} from '../../../pipeline/write/formats.ts'
import {draftFolder, latest, releases} from './shown.ts'

/** Content types by extension (the typed formats' and bundles' as the pipeline names them), and of the plain-text files without one. */
export const contentTypes: Record<string, string> = {
  ...Object.fromEntries([...typedFormats, ...bundles].map(({suffix, mediaType}) => [suffix.slice(suffix.lastIndexOf('.')), mediaType])),
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.zip': 'application/zip',
  '.md': 'text/markdown; charset=utf-8'
}
export const plainTextFiles: ReadonlySet<string> = new Set(['SHA256SUMS', 'LICENSE', 'LICENSE-DATA'])

export function contentTypeOf(file: string): string {
  if (plainTextFiles.has(path.posix.basename(file))) return 'text/plain; charset=utf-8'
  return contentTypes[path.posix.extname(file)] ?? 'application/octet-stream'
}

/** The folder whose files /data/<version>/ serves: a release, the newest one for 'latest', or the draft. */
export function folderOf(version: string): string | undefined {
  if (version === 'draft') return existsSync(draftFolder) ? draftFolder : undefined
  if (version === 'latest') return latest?.folder
  return releases.find((release) => release.version === version)?.folder
}

/** Every version name served under /data/, each with its files. */
export function servedFiles(): Array<{version: string; file: string}> {
  const versions = [...releases.map((release) => release.version), 'latest', 'draft']
  return versions.flatMap((version) => {
    const folder = folderOf(version)
    return folder ? filesIn(folder).map((file) => ({version, file})) : []
  })
}
