/**
 * Read: the markdown documents under `sources/documents/` become VFiles whose
 * path is relative to the project root, so every diagnostic names the file as
 * an editor sees it.
 */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, statSync, type BigIntStats, type Dirent} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {pointAt} from '../locate/index.ts'
import {report} from '../messages.ts'

export interface Options {
  /** Project root that paths are relative to (default: `process.cwd()`). */
  root?: string
  /** Folder of documents, relative to `root` (default: `'sources/documents'`). */
  folder?: string
  /**
   * Keep each document's text (default: true). Without, a document is read and checked, then its text is let
   * go, so a large build never holds every text at once; a stage that needs it reads it again (readTextAgain).
   */
  keepText?: boolean
  /**
   * The SHA-256 of a document known unchanged since an earlier build read it, given its path and identity
   * (see identityOf); such a document is not read at all, as if read without keeping its text.
   */
  known?: ((relative: string, identity: string) => string | undefined) | undefined
}

const decoder = new TextDecoder('utf-8', {fatal: true})

/**
 * Largest document accepted, in bytes. remark-parse holds about 150 bytes of
 * memory per byte of markdown, so a 20 MB paste would need some 3 GB.
 */
export const maxDocumentBytes = 2 * 1024 * 1024

/**
 * Read every `.md` file in the documents folder, sorted by name for deterministic output.
 * A folder, a symbolic link (which could point outside the folder) or a file that cannot
 * be read becomes a file with a `file-type` message, never an exception.
 */
export async function readDocuments(options: Options = {}): Promise<VFile[]> {
  const root = options.root ?? process.cwd()
  const folder = options.folder ?? 'sources/documents'
  // Read one after another: for a thousand small files that is two to three times faster than reading them concurrently.
  const entries = readdirSync(path.join(root, folder), {withFileTypes: true}).filter((entry) => entry.name.endsWith('.md'))
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return entries.map((entry) => {
    const file = readDocument(root, folder, entry, options.keepText === false ? options.known : undefined)
    if (options.keepText === false) file.value = ''
    return file
  })
}

function readDocument(root: string, folder: string, entry: Dirent, known: Options['known']): VFile {
  const relative = path.join(folder, entry.name)
  if (entry.isSymbolicLink()) return unreadable(relative, `Unexpected symbolic link \`${entry.name}\`, expected a regular file`)
  if (!entry.isFile()) return unreadable(relative, `Unexpected ${entry.isDirectory() ? 'folder' : 'special file'} \`${entry.name}\`, expected a regular file`)
  const full = path.join(root, relative)
  try {
    // Taken before reading, so a change made while it is read shows as another identity next time.
    const info = statSync(full, {bigint: true})
    if (info.size > maxDocumentBytes) return tooLarge(relative, Number(info.size))
    const identity = identityOf(info)
    const sha256 = known?.(relative, identity)
    const file = sha256 ? new VFile({path: relative, value: ''}) : toVFile(relative, readFileSync(full))
    if (sha256) file.data.sha256 = sha256
    file.data.identity = identity
    return file
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    return unreadable(relative, `Unexpected file \`${entry.name}\` that cannot be read (${code}), expected a readable file`)
  }
}

/**
 * A file's identity on disk: device, inode, size, and the times it and its
 * metadata last changed, in nanoseconds. Writing a file changes its ctime,
 * which no tool can set back (cp -p, tar and touch can set the mtime back).
 */
export function identityOf(info: BigIntStats): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`
}

function unreadable(filePath: string, reason: string): VFile {
  const file = new VFile({path: filePath, value: ''})
  report(file, 'file-type', reason, {place: {line: 1, column: 1}})
  return file
}

function tooLarge(filePath: string, size: number): VFile {
  const file = new VFile({path: filePath, value: ''})
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  report(file, 'file-too-large', `Unexpected file of ${megabytes(size)}, expected at most ${megabytes(maxDocumentBytes)}`, {place: {line: 1, column: 1}})
  return file
}

/**
 * Decode bytes into a VFile. A byte-order mark is dropped and CRLF becomes LF,
 * so the same text saved by different editors parses the same (and gives the
 * same records); the checksum stays that of the file's own bytes.
 */
export function toVFile(filePath: string, bytes: Uint8Array): VFile {
  if (bytes.byteLength > maxDocumentBytes) return tooLarge(filePath, bytes.byteLength)
  const file = new VFile({path: filePath, value: ''})
  // The checksum is of the bytes as committed, so anyone can verify it with `sha256sum`.
  file.data.sha256 = createHash('sha256').update(bytes).digest('hex')
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    report(file, 'file-encoding', 'Unexpected bytes that are not UTF-8, expected UTF-8 text', {place: {line: 1, column: 1}})
    return file
  }
  if (text.includes('\0')) {
    report(file, 'file-encoding', 'Unexpected NUL byte, expected text', {place: pointAt(text, text.indexOf('\0'))})
    return file
  }
  // Each only when needed: the checks are cheap, the copies of the text are not.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  if (!/\S/.test(text)) {
    report(file, 'empty-file', 'Unexpected empty file, expected frontmatter and text', {place: {line: 1, column: 1}})
    return file
  }
  const stem = path.basename(filePath, '.md')
  if (filePath.endsWith('.md') && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(stem)) {
    report(file, 'file-name', `Unexpected file name \`${path.basename(filePath)}\`, expected a lower-case slug such as \`kent-medway-faqs.md\``, {place: {line: 1, column: 1}})
  }
  file.value = text
  return file
}

/**
 * Give back a document's text to a build that let it go, read and decoded as
 * toVFile did (relative to `root`). The file must still have the bytes it had:
 * records are made from the text as first read.
 */
export function readTextAgain(file: VFile, root: string): void {
  // A file the read refused has no text to give back.
  if (file.value !== '' || file.messages.some((message) => message.fatal === true)) return
  const again = toVFile(file.path, readFileSync(path.join(root, file.path)))
  if (again.data.sha256 !== file.data.sha256) throw new Error(`${file.path} changed while the build ran; run it again`)
  file.value = again.value
}
