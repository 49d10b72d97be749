/**
 * Read: the markdown documents under `sources/documents/` become VFiles whose
 * path is relative to the project root, so every diagnostic names the file as
 * an editor sees it.
 */
import {createHash} from 'node:crypto'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {pointAt} from '../locate/index.ts'
import {report} from '../messages.ts'

export interface Options {
  /** Project root that paths are relative to (default: `process.cwd()`). */
  root?: string
  /** Folder of documents, relative to `root` (default: `'sources/documents'`). */
  folder?: string
}

const decoder = new TextDecoder('utf-8', {fatal: true})

/** Read every `.md` file in the documents folder, sorted by name for deterministic output. */
export async function readDocuments(options: Options = {}): Promise<VFile[]> {
  const root = options.root ?? process.cwd()
  const folder = options.folder ?? 'sources/documents'
  const names = (await readdir(path.join(root, folder))).filter((name) => name.endsWith('.md')).sort()
  return Promise.all(names.map(async (name) => toVFile(path.join(folder, name), await readFile(path.join(root, folder, name)))))
}

/**
 * Decode bytes into a VFile. A byte-order mark is dropped and CRLF becomes LF,
 * so the same text saved by different editors parses the same (and gives the
 * same records); the checksum stays that of the file's own bytes.
 */
export function toVFile(filePath: string, bytes: Uint8Array): VFile {
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
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (text.trim() === '') {
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
