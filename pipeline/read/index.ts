/**
 * Read: each markdown document under `sources/documents/` and its judgements
 * file under `sources/judgements/` become VFiles whose path is relative to the
 * project root, so every diagnostic names the file as an editor sees it.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync, statSync, type Dirent} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {pointAt} from '../locate/index.ts'
import {report} from '../messages.ts'
import '../types.ts'
import {readYamlFile} from './yaml-file.ts'
import {parseJudgements} from '../parse/index.ts'

export const documentsFolder = 'sources/documents'
export const judgementsFolder = 'sources/judgements'

const decoder = new TextDecoder('utf-8', {fatal: true})

/**
 * Largest document accepted, in bytes. remark-parse holds about 150 bytes of
 * memory per byte of markdown, so a 20 MB paste would need some 3 GB.
 */
const maxDocumentBytes = 2 * 1024 * 1024

/** The `.md` entries of the documents folder, sorted by name for deterministic output; none when there is no folder. */
export function listDocuments(root: string): Dirent[] {
  if (!existsSync(path.join(root, documentsFolder))) return []
  const entries = readdirSync(path.join(root, documentsFolder), {withFileTypes: true}).filter((entry) => entry.name.endsWith('.md'))
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** Every document, read, each with its judgements file attached and parsed (see readDocument). */
export function readDocuments(root = process.cwd()): VFile[] {
  return listDocuments(root).map((entry) => {
    const file = readDocument(root, entry)
    parseJudgements(file)
    return file
  })
}

/**
 * Read one document and attach its judgements (`file.data.judgements`), read
 * but not parsed: parseSource parses them with the document, so a build that
 * finds the document's part in a cache never spends time on them. A folder,
 * a symbolic link (which could point outside the folder) or a file that
 * cannot be read becomes a file with a `file-type` message, never an exception.
 */
export function readDocument(root: string, entry: Dirent): VFile {
  const relative = path.join(documentsFolder, entry.name)
  if (entry.isSymbolicLink()) return unreadable(relative, `Unexpected symbolic link \`${entry.name}\`, expected a regular file`)
  if (!entry.isFile()) return unreadable(relative, `Unexpected ${entry.isDirectory() ? 'folder' : 'special file'} \`${entry.name}\`, expected a regular file`)
  let file: VFile
  try {
    const size = statSync(path.join(root, relative)).size
    file = size > maxDocumentBytes ? tooLarge(relative, size) : toVFile(relative, readFileSync(path.join(root, relative)))
  } catch (error) {
    return unreadable(relative, `Unexpected file \`${entry.name}\` that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}), expected a readable file`)
  }
  file.data.judgements = readJudgements(root, entry.name.slice(0, -'.md'.length))
  return file
}

/** A document's judgements, or an empty file when it has none yet. */
function readJudgements(root: string, stem: string): VFile {
  const relative = path.join(judgementsFolder, `${stem}.yml`)
  if (!existsSync(path.join(root, relative))) {
    const none = new VFile({path: relative, value: ''})
    none.data.matter = {}
    return none
  }
  return readYamlFile(relative, root, {empty: true, parse: false})
}

/**
 * Judgements files that no document reads: one whose document does not exist,
 * or one named `.yaml` (only `<id>.yml` is read). Each is an error, since its
 * judgements would be lost silently.
 */
export function orphanJudgements(root: string, documents: readonly VFile[]): VFile[] {
  const folder = path.join(root, judgementsFolder)
  if (!existsSync(folder)) return []
  const stems = new Set(documents.map((document) => document.stem))
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') || (name.endsWith('.yml') && !stems.has(name.slice(0, -'.yml'.length))))
    .sort()
    .map((name) => {
      const file = new VFile({path: path.join(judgementsFolder, name), value: ''})
      const stem = name.replace(/\.ya?ml$/, '')
      const reason = name.endsWith('.yaml')
        ? `Unexpected judgements file \`${name}\`, expected \`${stem}.yml\` (only that name is read)`
        : `Unexpected judgements for \`${stem}\`, expected a document \`${documentsFolder}/${stem}.md\``
      report(file, 'judgements-without-document', reason, {place: {line: 1, column: 1}})
      return file
    })
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
 * same records); `sha256` stays that of the file's own bytes.
 */
export function toVFile(filePath: string, bytes: Uint8Array): VFile {
  if (bytes.byteLength > maxDocumentBytes) return tooLarge(filePath, bytes.byteLength)
  const file = new VFile({path: filePath, value: ''})
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
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  // A document without text is a mistake; a YAML file without content is judged by its schema (or is an empty mapping).
  if (filePath.endsWith('.md') && !/\S/.test(text)) {
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
