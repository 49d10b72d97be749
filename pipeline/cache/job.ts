/**
 * One document, parsed and extracted on its own: parseSource,
 * validateFrontmatter, extractPart. The main thread (./stage.ts) and worker
 * threads (./worker.ts) run the same function, so the outcome does not depend
 * on where it ran. A document that gave no message is stored in the cache at
 * once, so its entry never waits in memory.
 */
import {mkdirSync, renameSync, writeFileSync} from 'node:fs'
import {rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {RegisterEntry} from '../extract/organisations/index.ts'
import {parseSource} from '../parse/index.ts'
import {validateFrontmatter} from '../validate/index.ts'
import {entryBytes, entryKey, temporaryName, type DocumentEntry, type WorkerCache} from './index.ts'
import {extractPart, serialisePart} from './merge.ts'

export interface Context {
  index: Map<string, RegisterEntry>
  cache: WorkerCache
  /** When given, entries are written in the background (see Writes); otherwise before stageDocument returns. */
  writes?: Writes
}

/**
 * Entry writes still under way, for the caller to await. Written in the
 * background, a thread of libuv's pool does the file system's work while this
 * thread parses the next document (100 documents: some 30 ms less). An entry
 * may wait in memory until then, so once `limit` bytes have gone that way in a
 * build, the rest are written at once.
 */
export interface Writes {
  pending: Promise<void>[]
  /** Bytes of the entries written in the background so far in this build, and how many may be. */
  bytes: number
  limit: number
}

export interface Outcome {
  /** Parsed, and the frontmatter passed its schema. */
  ok: boolean
  /** How many messages extraction gave. They are taken off the file: only an extraction of every document together gives them (see ./stage.ts). */
  extracted: number
  /** When `ok`: the document's frontmatter and part. */
  entry?: DocumentEntry
  /** Whether the entry was stored in the cache. */
  stored: boolean
}

/** Parse and extract `file`; the messages of parsing stay on it. */
export function stageDocument(file: VFile, {index, cache, writes}: Context): Outcome {
  const before = file.messages.length
  const ok = parseSource(file) && validateFrontmatter(file)
  const parsed = file.messages.length
  const part = ok ? extractPart(file, index) : undefined
  const serialised = part && serialisePart(part)
  const entry: DocumentEntry | undefined = part && serialised ? {matter: file.data.matter!, part, digests: serialised.digests} : undefined
  const extracted = file.messages.length - parsed
  file.messages.length = parsed
  // Only the entry is kept: the tree and the text index go with the document.
  for (const key of ['tree', 'blocks', 'frontmatter', 'used'] as const) delete file.data[key]
  const stored = entry !== undefined && parsed === before && extracted === 0
  if (stored) {
    const key = entryKey(cache, file.path, file.data.sha256 ?? '')
    const bytes = entryBytes(key, entry, serialised?.json)
    mkdirSync(cache.folder, {recursive: true})
    if (writes && writes.bytes + bytes.length <= writes.limit) {
      writes.bytes += bytes.length
      const written = storeInBackground(cache.folder, key, bytes)
      // Awaited by the caller; until then a failure must not count as unhandled.
      written.catch(() => undefined)
      writes.pending.push(written)
    } else {
      const temporary = temporaryName(cache.folder, key)
      writeFileSync(temporary, bytes)
      renameSync(temporary, path.join(cache.folder, key))
    }
  }
  return {ok, extracted, stored, ...(entry === undefined ? {} : {entry})}
}

/** Write an entry as stageDocument does, atomically, on libuv's thread pool. */
async function storeInBackground(folder: string, key: string, bytes: Buffer): Promise<void> {
  const temporary = temporaryName(folder, key)
  await writeFile(temporary, bytes)
  await rename(temporary, path.join(folder, key))
}

/** A job for a worker thread: one document's path, text and SHA-256. */
export interface Job {
  index: number
  path: string
  value: string
  sha256: string
}

/** A worker's outcome: the Outcome, with the job's index and the file's messages as plain data. */
export interface SentOutcome extends Outcome {
  index: number
  messages: SentMessage[]
}

export interface SentMessage {
  reason: string
  place: Point | Position | undefined
  ruleId: string | undefined
  source: string | undefined
  fatal: boolean | null | undefined
  note: string | undefined
  actual: string | undefined
  expected: string[] | undefined
}

/** A message as plain data, to be sent between threads. */
export function send(message: VFile['messages'][number]): SentMessage {
  const {reason, place, ruleId, source, fatal, note, actual, expected} = message
  return {reason, place, ruleId, source, fatal, note, actual, expected}
}

/** Put a message sent from a worker on the main thread's file, as report() or warn() made it. */
export function receive(file: VFile, sent: SentMessage): void {
  const message = file.message(sent.reason, {place: sent.place, ruleId: sent.ruleId, source: sent.source})
  message.fatal = sent.fatal
  if (sent.note !== undefined) message.note = sent.note
  if (sent.actual !== undefined) message.actual = sent.actual
  if (sent.expected !== undefined) message.expected = sent.expected
}
