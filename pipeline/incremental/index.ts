/**
 * The incremental layer: each document's part (its records of every
 * dataset and its text for the source page) kept in `.cache/pipeline/parts/`
 * between runs of `npm run data`, so a document that has not changed is not
 * parsed or extracted again. The core (../build.ts) does not import this: it
 * is handed a PartStore, and a part is what the core would have extracted, so
 * a build with the cache writes the same bytes as one without.
 *
 * An entry's name is a SHA-256 of all a part depends on: the pipeline's own
 * code and schemas, the lockfile, the Node version, the reference files (organisations, areas), and the
 * document's and its judgements' bytes. Change any of them and the entry is not found.
 * Only parts of documents that gave no message are kept. An entry that does
 * not parse or has the wrong shape is ignored (the document is built afresh),
 * entries are written atomically, and those a build did not use are removed
 * when it closes the cache.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import type {Part, PartStore} from '../build.ts'
import {datasets} from '../datasets.ts'

export const cacheFolder = '.cache/pipeline/parts'

export interface PartCache extends PartStore {
  /** Remove the entries this build did not use. */
  close(): void
  /** Counts for reports and tests. */
  stats: {hits: number; misses: number; rejected: number; unwritten: number}
}

interface Entry {
  key: string
  /** The file line the document's text starts on, which the records' messages need. */
  bodyLine: number
  part: Part
}

export function openPartCache(root: string, version = pipelineVersion()): PartCache {
  const folder = path.join(root, cacheFolder)
  const used = new Set<string>()
  const stats = {hits: 0, misses: 0, rejected: 0, unwritten: 0}
  const keyOf = (document: VFile, references: readonly VFile[]) =>
    createHash('sha256')
      .update([version, ...references.map((reference) => reference.data.sha256 ?? ''), document.path, document.data.sha256 ?? '', document.data.judgements?.data.sha256 ?? 'none'].join('\0'))
      .digest('hex')
  return {
    stats,
    get(document, references) {
      if (!document.data.sha256 || document.messages.length > 0) return undefined
      const key = keyOf(document, references)
      const entry = load(path.join(folder, `${key}.json`), key)
      if (entry === 'missing') stats.misses++
      else if (entry === 'rejected') stats.rejected++
      if (typeof entry === 'string') return undefined
      stats.hits++
      used.add(key)
      document.data.bodyLine = entry.bodyLine
      return entry.part
    },
    set(document, references, part) {
      const key = keyOf(document, references)
      const entry: Entry = {key, bodyLine: document.data.bodyLine ?? 1, part}
      // The cache only saves time: one that cannot be written (a read-only or full disk) leaves the build as it is.
      try {
        mkdirSync(folder, {recursive: true})
        const temporary = path.join(folder, `.${key}.${process.pid}.tmp`)
        writeFileSync(temporary, JSON.stringify(entry))
        renameSync(temporary, path.join(folder, `${key}.json`))
        used.add(key)
      } catch {
        stats.unwritten++
      }
    },
    close() {
      let names: string[]
      try {
        names = readdirSync(folder)
      } catch {
        return
      }
      try {
        for (const name of names) if (!used.has(name.replace(/\.json$/, ''))) rmSync(path.join(folder, name), {force: true, recursive: true})
      } catch {
        // Entries left behind are only ever read under their own key.
      }
    }
  }
}

/** An entry, or why there is none: missing, or rejected for not being what this build would store. */
function load(file: string, key: string): Entry | 'missing' | 'rejected' {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return 'missing'
  }
  try {
    const entry = JSON.parse(text) as Entry
    const shaped = entry.key === key && Number.isInteger(entry.bodyLine) && datasets.every((dataset) => Array.isArray(entry.part?.records?.[dataset.name])) && typeof entry.part.text?.name === 'string' && typeof entry.part.text.json === 'string'
    return shaped ? entry : 'rejected'
  } catch {
    return 'rejected'
  }
}

/** A SHA-256 of everything that makes a part besides its inputs: the pipeline's code, the schemas, the locked dependencies (remark, micromark, yaml…) and Node's version. */
function pipelineVersion(): string {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const hash = createHash('sha256').update(process.version)
  try {
    hash.update(readFileSync(path.join(here, '../../package-lock.json')))
  } catch {
    // A project without a lockfile: its code and schemas still key the cache.
  }
  for (const folder of [path.join(here, '..'), path.join(here, '../../schema')]) {
    const names = readdirSync(folder, {recursive: true, encoding: 'utf8'}).filter((name) => /\.(ts|json)$/.test(name)).sort()
    for (const name of names) hash.update(name).update('\0').update(readFileSync(path.join(folder, name))).update('\0')
  }
  return hash.digest('hex')
}
