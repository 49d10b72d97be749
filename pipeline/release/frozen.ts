/**
 * Frozen releases: every file of dist-data/releases/<version>/ is listed with
 * its SHA-256 in the release's SHA256SUMS (the format `sha256sum -c` reads).
 * A released file is never rewritten, so the build checks them all and fails,
 * naming the file, on any change, loss or addition.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {report} from '../messages.ts'
import {compareVersions, versionPattern} from './version.ts'

export const releasesFolder = 'dist-data/releases'
export const checksumsFile = 'SHA256SUMS'

/** The released versions of the project at `root`, oldest first. */
export function listReleases(root: string): string[] {
  return versionsIn(path.join(root, releasesFolder))
}

/** The release folders in `folder` (dist-data/releases/, or a test's), by version, oldest first. */
export function versionsIn(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder).filter((name) => versionPattern.test(name) && statSync(path.join(folder, name)).isDirectory()).sort(compareVersions)
}

/** SHA256SUMS for `files` (name → bytes): a line per file, sorted by name. */
export function sha256sums(files: ReadonlyMap<string, string | Uint8Array>): string {
  return [...files.keys()].sort().map((name) => `${sha256(files.get(name)!)}  ${name}\n`).join('')
}

/** A line of SHA256SUMS (`<sha256>  <file>`, or ` *` before a file read as binary); undefined for anything else. */
export function checksumLine(text: string): {file: string; hash: string} | undefined {
  const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(text)
  return match ? {file: match[2]!, hash: match[1]!} : undefined
}

/** The SHA-256 of every file a release's SHA256SUMS lists, by file. */
export function readChecksums(folder: string): Map<string, string> {
  const lines = readFileSync(path.join(folder, checksumsFile), 'utf8').split('\n')
  return new Map(lines.flatMap((line) => {
    const entry = checksumLine(line)
    return entry ? [[entry.file, entry.hash] as const] : []
  }))
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}

/** Every file of a release folder, relative, with `/`, sorted. */
export function filesIn(folder: string): string[] {
  return readdirSync(folder, {recursive: true, encoding: 'utf8'})
    .filter((name) => statSync(path.join(folder, name)).isFile())
    .map((name) => name.split(path.sep).join('/'))
    .sort()
}

/** Check every release against its SHA256SUMS: one file per release, with a message for each file that differs. */
export function checkReleases(root: string): VFile[] {
  const checked: VFile[] = []
  const folder = path.join(root, releasesFolder)
  if (!existsSync(folder)) return checked
  for (const name of readdirSync(folder).sort()) {
    // Staging folders of a release being written start with a dot.
    if (name.startsWith('.')) continue
    const sums = new VFile({path: `${releasesFolder}/${name}/${checksumsFile}`})
    checked.push(sums)
    if (!versionPattern.test(name) || !statSync(path.join(folder, name)).isDirectory()) {
      report(sums, 'release-modified', `Unexpected \`${releasesFolder}/${name}\`, expected only release folders named by their version (MAJOR.MINOR.PATCH)`)
      continue
    }
    checkRelease(path.join(folder, name), sums)
  }
  return checked
}

function checkRelease(folder: string, sums: VFile): void {
  const listed = new Map<string, {hash: string; line: number}>()
  try {
    sums.value = readFileSync(path.join(folder, checksumsFile), 'utf8')
  } catch {
    report(sums, 'release-modified', `Missing \`${checksumsFile}\` in this release, expected one listing the SHA-256 of every file`)
    return
  }
  String(sums.value).split('\n').forEach((text, index) => {
    if (text === '') return
    const entry = checksumLine(text)
    if (entry) listed.set(entry.file, {hash: entry.hash, line: index + 1})
    else report(sums, 'release-modified', `Unexpected line \`${text}\`, expected \`<sha256>  <file>\``, {place: {line: index + 1, column: 1}})
  })
  const present = new Set(filesIn(folder).filter((name) => name !== checksumsFile))
  for (const [name, {hash, line}] of listed) {
    const place = {line, column: 67}
    if (!present.has(name)) report(sums, 'release-modified', `Missing released file \`${name}\`, expected it as frozen`, {place})
    else if (sha256(readFileSync(path.join(folder, name))) !== hash) report(sums, 'release-modified', `Unexpected change to released file \`${name}\`, expected the bytes whose SHA-256 is ${hash.slice(0, 12)}…`, {place})
  }
  for (const name of present) if (!listed.has(name)) report(sums, 'release-modified', `Unexpected file \`${name}\` added to a release, expected only the files listed here`)
}
