/**
 * Staging with the cache: each document's frontmatter and part of the datasets
 * (./merge.ts), reused from the cache when the document is unchanged, made
 * afresh otherwise (./job.ts), on this thread or, for many documents, on
 * worker threads (./pool.ts); the outcome is the same either way.
 *
 * Messages are exactly those of the build without the cache: parsing's are
 * kept; extraction's are not, and when a document gave any, every document is
 * parsed again and the caller extracts them all together (`parts` is then
 * undefined), as without the cache.
 */
import os from 'node:os'
import type {VFile} from 'vfile'
import {registerIndex} from '../extract/organisations/index.ts'
import {hasErrors} from '../messages.ts'
import {parseSource} from '../parse/index.ts'
import {readTextAgain} from '../read/index.ts'
import type {Cache, DocumentEntry} from './index.ts'
import {receive, stageDocument, type Outcome, type Writes} from './job.ts'
import type {DocumentPart, PartDigests} from './merge.ts'
import {processInWorkers, type PoolOptions} from './pool.ts'

export interface Staged {
  /** Documents that parsed and whose frontmatter passed its schema. */
  usable: VFile[]
  /** Their parts, in document order, when every one extracted cleanly. */
  parts?: DocumentPart[]
  /** The parts' digests, with `parts`. */
  digests?: PartDigests[]
}

export interface StageOptions {
  /**
   * Worker threads, 0 for this thread alone; by default one per core, at most 4, when 300 or more documents
   * are new, below which workers take longer to start than they save.
   */
  threads?: number | undefined
  /**
   * Keep each document's frontmatter (`file.data.matter`) and text once its part is made (default: true).
   * Without, a text needed again (to extract every document together) is read again from under `root`.
   */
  retain?: boolean | undefined
  root?: string | undefined
}

/** Stage `documents` (`files` is every file read, for errors elsewhere). */
export async function stageDocuments(documents: readonly VFile[], files: VFile[], register: VFile, cache: Cache, options: StageOptions = {}): Promise<Staged> {
  let threads = options.threads
  const entries = documents.map((file) => cache.document(file))
  const fresh = documents.filter((file, index) => !entries[index] && !file.messages.some((message) => message.fatal === true))
  threads ??= fresh.length >= 300 ? Math.min(4, os.availableParallelism()) : 0
  // Without `retain`, a document's text and frontmatter go as soon as it has been parsed or was found unchanged.
  const letGo = options.retain === false
    ? (file: VFile) => {
        file.value = ''
        delete file.data.matter
      }
    : () => undefined
  // A document read without keeping its text (see readDocuments) is read again just before it is parsed.
  const root = options.root ?? process.cwd()
  const needText = (file: VFile) => readTextAgain(file, root)
  // On this thread, the first 16 MB of entries (some 450 documents) are written in the background, later ones at once.
  const writes: Writes = {pending: [], bytes: 0, limit: 2 ** 24}
  const outcomeOf = threads > 0 && fresh.length > 0 ? await inWorkers(fresh, register, cache, {workers: threads, ready: needText, sent: letGo}) : inProcess(register, cache, needText, letGo, writes)
  const usable: VFile[] = []
  const parts: DocumentPart[] = []
  const digests: PartDigests[] = []
  let blocked = hasErrors(files)
  let extracted = 0
  let written: PromiseSettledResult<void>[] = []
  try {
    for (const [index, file] of documents.entries()) {
      const entry = entries[index] ?? made(file, outcomeOf)
      if (!entry) {
        blocked = true
        continue
      }
      if (options.retain !== false) file.data.matter = entry.matter
      letGo(file)
      usable.push(file)
      parts.push(entry.part)
      digests.push(entry.digests)
    }
  } finally {
    // Every entry is on disk before the cache is closed, which removes the files this build did not use,
    // even when staging stopped half way (a document that changed while the build ran).
    written = await Promise.allSettled(writes.pending)
  }
  // As a write on this thread would, a write that failed fails the build.
  const failed = written.find((outcome) => outcome.status === 'rejected')
  if (failed) throw failed.reason
  if (blocked) return {usable}
  if (extracted === 0) return {usable, parts, digests}
  for (const file of usable) {
    needText(file)
    parseSource(file)
  }
  return {usable}

  /** The entry a fresh document gave, counting its extraction messages; undefined when it cannot be used. */
  function made(file: VFile, outcome: (file: VFile) => Outcome | undefined): DocumentEntry | undefined {
    const result = outcome(file)
    if (!result?.ok) return undefined
    extracted += result.extracted
    if (result.stored) cache.stored(file)
    return result.entry
  }
}

/** Stage each document when asked, on this thread. */
function inProcess(register: VFile, cache: Cache, ready: (file: VFile) => void, done: (file: VFile) => void, writes: Writes): (file: VFile) => Outcome {
  const context = {index: registerIndex(register), cache: cache.forWorkers, writes}
  return (file) => {
    ready(file)
    const outcome = stageDocument(file, context)
    done(file)
    return outcome
  }
}

/** Stage every document now, on worker threads; their messages are put on the files here. */
async function inWorkers(fresh: readonly VFile[], register: VFile, cache: Cache, options: PoolOptions): Promise<(file: VFile) => Outcome | undefined> {
  const outcomes = new Map((await processInWorkers(fresh, register, cache.forWorkers, options)).map((outcome, index) => [fresh[index]!, outcome]))
  return (file) => {
    const outcome = outcomes.get(file)
    if (!outcome) return undefined
    outcomes.delete(file)
    for (const sent of outcome.messages) receive(file, sent)
    return outcome
  }
}
