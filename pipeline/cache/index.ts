/**
 * The incremental cache: what each document contributes to the datasets (its
 * frontmatter and its extracted records, see ./merge.ts), kept under
 * `.cache/pipeline/documents/` in the project root.
 *
 * An entry is found by a SHA-256 key of the pipeline's version (its own
 * source, the schemas, the lockfile and the Node version), the organisation
 * register, the file's path and its bytes: change any of them and the entry
 * is simply not found. An entry is never trusted blindly: it carries a CRC-32
 * of its own text (against a torn or damaged file) and its key (against a file
 * put in another's place), and one that does not check out, does not parse or
 * has the wrong shape is ignored: the document is built afresh and the entry
 * rewritten. Only documents that gave no message are stored.
 * Entries are written atomically (temporary file, then rename), and after each
 * build those the build did not use are removed.
 */
import {createHash, randomBytes} from 'node:crypto'
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {readdir, rm} from 'node:fs/promises'
import path from 'node:path'
import {crc32} from 'node:zlib'
import type {VFile} from 'vfile'
import type {DocumentPart, PartDigests} from './merge.ts'

/** Bump when the layout of an entry changes. */
const format = 3

/** Where the cache lives under the project root. */
export const cacheFolder = '.cache/pipeline/documents'

export interface DocumentEntry {
  /** The document's frontmatter, as parsed (left unread when the cache was opened without `matter`). */
  matter?: Record<string, unknown>
  part: DocumentPart
  /** A digest of each list of the part (see ./merge.ts). */
  digests: PartDigests
}

export interface Cache {
  /** The stored entry of a document as read now, or undefined. */
  document(file: VFile): DocumentEntry | undefined
  /** Where and under which key entries are stored (see ./job.ts, which stores them, on any thread). */
  forWorkers: WorkerCache
  /** Count an entry stored for `file` as this build's. */
  stored(file: VFile): void
  /** Remove the entries this build did not use. */
  close(): Promise<void>
  /** Counts for reports and tests. */
  stats: {hits: number; misses: number; rejected: number}
}

export interface CacheOptions {
  /** The pipeline's version (default: this pipeline's, see pipelineVersion). */
  version?: string
  /** Read each entry's frontmatter too (default: true); a build that only merges the parts has no use for it. */
  matter?: boolean
}

/** Open the cache of the project at `root`; `context` is the SHA-256 of every input all documents depend on. */
export async function openCache(root: string, context: string, options: CacheOptions = {}): Promise<Cache> {
  const folder = path.join(root, cacheFolder)
  const version = options.version ?? (await pipelineVersion())
  const used = new Set<string>()
  const stats = {hits: 0, misses: 0, rejected: 0}

  const forWorkers: WorkerCache = {folder, version, context}
  const documentKey = (file: VFile) => entryKey(forWorkers, file.path, file.data.sha256 ?? '')

  return {
    stats,
    forWorkers,
    stored(file) {
      used.add(documentKey(file))
    },
    document(file) {
      if (!file.data.sha256) return undefined
      const key = documentKey(file)
      const entry = load(key)
      if (!isDocumentEntry(entry, file)) {
        if (entry !== undefined) stats.rejected++
        stats.misses++
        return undefined
      }
      stats.hits++
      used.add(key)
      return entry
    },
    async close() {
      const stale = (await readdir(folder).catch(() => [] as string[])).filter((name) => !used.has(name))
      await Promise.all(stale.map(async (name) => rm(path.join(folder, name), {force: true})))
    }
  }

  // Read synchronously, one entry after another: for many small files, faster than reading them concurrently.
  function load(key: string): unknown {
    let bytes: Buffer
    try {
      bytes = readFileSync(path.join(folder, key))
    } catch {
      return undefined
    }
    // The framed text: `{format, key, entry}` as JSON on one line, the frontmatter as JSON on the next.
    const body = unframe(bytes)
    const newline = body?.indexOf(0x0a) ?? -1
    if (!body || newline === -1) return null
    try {
      const parsed = JSON.parse(body.toString('utf8', 0, newline)) as {format?: unknown; key?: unknown; entry?: {matter?: unknown}}
      if (parsed.format !== format || parsed.key !== key || !parsed.entry || typeof parsed.entry !== 'object') return null
      if (options.matter !== false) parsed.entry.matter = JSON.parse(body.toString('utf8', newline + 1))
      return parsed.entry
    } catch {
      return null
    }
  }
}

/** Where and under which version and context entries are kept: all a worker needs to store one. */
export interface WorkerCache {
  folder: string
  version: string
  context: string
}

/** The key of a document's entry: the pipeline's version, the context, the file's path and bytes. */
export function entryKey(cache: WorkerCache, filePath: string, sha256: string): string {
  return hash(['document', String(format), cache.version, cache.context, filePath, sha256].join('\0'))
}

/**
 * An entry's file, as UTF-8 bytes: its checksum, then `{format, key, entry}`
 * as JSON, the entry without its frontmatter, then the frontmatter as JSON,
 * each on a line of its own (JSON has no raw line breaks), so a build can
 * leave it unread. `partJson` is the part as JSON when the caller has it
 * already. The text `frame` would give, encoded once: the checksum is of these
 * bytes, where checksumming the text encodes it a second time.
 */
export function entryBytes(key: string, {matter, part, digests}: DocumentEntry, partJson = JSON.stringify(part)): Buffer {
  const entry = `{"part":${partJson},"digests":${JSON.stringify(digests)}}`
  const body = Buffer.from(`{"format":${format},"key":${JSON.stringify(key)},"entry":${entry}}\n${JSON.stringify(matter ?? null)}`)
  return Buffer.concat([Buffer.from(`${checksum(body)}\n`, 'latin1'), body])
}

/** Text as the cache stores it: line 1 the CRC-32 of the rest, in hex, against a torn or damaged file. */
export function frame(body: string): string {
  return `${checksum(body)}\n${body}`
}

/** The bytes of the text `frame` was given, from the file's bytes, or undefined when they do not check out. */
export function unframe(bytes: Buffer): Buffer | undefined {
  const newline = bytes.indexOf(0x0a)
  if (newline === -1) return undefined
  const body = bytes.subarray(newline + 1)
  return bytes.toString('latin1', 0, newline) === checksum(body) ? body : undefined
}

/** Write `body` framed to `file`, whole or not at all: into a temporary file beside it, then renamed. */
export function writeFramed(file: string, body: string): void {
  mkdirSync(path.dirname(file), {recursive: true})
  const temporary = temporaryName(path.dirname(file), path.basename(file))
  writeFileSync(temporary, frame(body))
  renameSync(temporary, file)
}

/** The text `writeFramed` wrote to `file`, or undefined when there is none or it does not check out. */
export function readFramed(file: string): string | undefined {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  return unframe(bytes)?.toString('utf8')
}

// Random once per thread (each worker loads this module anew), then counted: randomBytes on every call cost
// 100 documents some 3 ms.
const thisThread = randomBytes(4).toString('hex')
let temporaries = 0

/** A temporary name beside an entry, unique to this process, thread and call, for writing and then renaming. */
export function temporaryName(folder: string, key: string): string {
  return path.join(folder, `${key}.${process.pid}-${thisThread}-${++temporaries}.tmp`)
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function checksum(data: string | Uint8Array): string {
  return crc32(data).toString(16).padStart(8, '0')
}

const lists = ['documents', 'organisations', 'boardMembers', 'statistics', 'timeline'] as const
const termLists = ['terms', 'labelled', 'definitions', 'relations'] as const

/** The shape of a document entry, and that it is this document's. */
function isDocumentEntry(value: unknown, file: VFile): value is DocumentEntry {
  if (!value || typeof value !== 'object') return false
  const {matter, part, digests} = value as Partial<DocumentEntry>
  if (!digests || typeof digests !== 'object' || !Object.keys(part ?? {}).every((list) => typeof digests[list as keyof PartDigests] === 'string')) return false
  if (matter !== undefined && (!matter || typeof matter !== 'object' || matter['id'] !== file.stem)) return false
  if (!part || typeof part !== 'object' || !lists.every((list) => Array.isArray(part[list]))) return false
  if (!part.terms || typeof part.terms !== 'object' || !termLists.every((list) => Array.isArray(part.terms[list]))) return false
  return part.documents.length === 1 && part.documents[0]!.id === file.stem && part.documents[0]!.sha256 === file.data.sha256
}

let ownVersion: Promise<string> | undefined

/**
 * The pipeline's version: a SHA-256 of every source file of the pipeline, every
 * schema, the lockfile (so any change of a dependency counts) and the Node
 * version. Computed once per process for this pipeline; `pipeline` names another
 * copy's folder (for tests).
 */
export function pipelineVersion(pipeline?: string): Promise<string> {
  if (pipeline) return versionOf(pipeline)
  ownVersion ??= versionOf(path.resolve(import.meta.dirname, '..'))
  return ownVersion
}

async function versionOf(pipeline: string): Promise<string> {
  const project = path.resolve(pipeline, '..')
  const sources = (await readdir(pipeline, {recursive: true})).filter((name) => name.endsWith('.ts')).map((name) => path.join(pipeline, name))
  const schemas = (await readdir(path.join(project, 'schema'))).filter((name) => name.endsWith('.json')).map((name) => path.join(project, 'schema', name))
  const digest = createHash('sha256').update(`node ${process.version}\0`)
  // Read synchronously: awaiting some 70 small files one after another left this thread idle some 10 ms.
  for (const file of [...sources, ...schemas, path.join(project, 'package-lock.json'), path.join(project, 'package.json')].sort()) {
    const bytes = readOrEmpty(file)
    digest.update(`${path.relative(project, file)}\0${bytes.length}\0`).update(bytes)
  }
  return digest.digest('hex')
}

function readOrEmpty(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch {
    return Buffer.alloc(0)
  }
}
