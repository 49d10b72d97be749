/**
 * One document, parsed and extracted on its own, as a worker thread or the main
 * thread does it for ./pool.ts: parseSource, validateFrontmatter, extractPart.
 * The outcome is plain data (messages, and the entry as JSON), so it reads the
 * same wherever it was made; a document that gave no message is stored in the
 * cache here, so its entry never waits in memory.
 */
import {mkdirSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'
import type {RegisterEntry} from '../extract/organisations/index.ts'
import {parseSource} from '../parse/index.ts'
import {validateFrontmatter} from '../validate/index.ts'
import {entryKey, entryText, temporaryName, type WorkerCache} from './index.ts'
import {extractPart} from './merge.ts'

export interface Job {
  index: number
  path: string
  value: string
  sha256: string
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

export interface Outcome {
  index: number
  /** Parsed, and the frontmatter passed its schema. */
  ok: boolean
  /** How many of `messages` parsing gave; the rest came from extraction. */
  parsed: number
  messages: SentMessage[]
  /** When `ok`: the document's entry, `{matter, part}`, as JSON. */
  entry?: string
  /** Whether the entry was stored in the cache. */
  stored: boolean
}

export interface Context {
  index: Map<string, RegisterEntry>
  cache: WorkerCache
}

export function runJob(job: Job, {index, cache}: Context): Outcome {
  const file = new VFile({path: job.path, value: job.value})
  file.data.sha256 = job.sha256
  const ok = parseSource(file) && validateFrontmatter(file)
  const parsed = file.messages.length
  const entry = ok ? JSON.stringify({matter: file.data.matter!, part: extractPart(file, index)}) : undefined
  const stored = entry !== undefined && file.messages.length === 0
  if (stored) {
    const key = entryKey(cache, file.path, job.sha256)
    const temporary = temporaryName(cache.folder, key)
    mkdirSync(cache.folder, {recursive: true})
    writeFileSync(temporary, entryText(key, entry))
    renameSync(temporary, path.join(cache.folder, key))
  }
  return {
    index: job.index,
    ok,
    parsed,
    messages: file.messages.map((message) => ({
      reason: message.reason,
      place: message.place,
      ruleId: message.ruleId,
      source: message.source,
      fatal: message.fatal,
      note: message.note,
      actual: message.actual,
      expected: message.expected
    })),
    stored,
    ...(entry === undefined ? {} : {entry})
  }
}

/** Put a message of an outcome on the main thread's file, as report() or warn() made it. */
export function receive(file: VFile, sent: SentMessage): void {
  const message = file.message(sent.reason, {place: sent.place, ruleId: sent.ruleId, source: sent.source})
  message.fatal = sent.fatal
  if (sent.note !== undefined) message.note = sent.note
  if (sent.actual !== undefined) message.actual = sent.actual
  if (sent.expected !== undefined) message.expected = sent.expected
}
