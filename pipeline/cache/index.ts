/**
 * The incremental cache: what a document contributes to the datasets (its
 * frontmatter and its extracted records, see ./merge.ts), and the CSV text
 * of each dataset, kept under `.cache/pipeline/` in the project root.
 *
 * An entry is found by a SHA-256 key of the pipeline's version (its own
 * source, the schemas, the lockfile and the Node version), the organisation
 * register, the file's path and its bytes: change any of them and the entry
 * is simply not found. An entry is never trusted blindly: it carries the
 * SHA-256 of its own text and its key, and one that does not check out, does
 * not parse or has the wrong shape is ignored (the document is built afresh and
 * the entry rewritten). Only documents that gave no message are stored.
 * Entries are written atomically (temporary file, then rename), and after each
 * build those the build did not use are removed.
 */
import {createHash, randomBytes} from 'node:crypto'
import {mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {DocumentPart} from './merge.ts'

/** Bump when the layout of an entry changes. */
const format = 1

/** Where the cache lives under the project root. */
export const cacheFolder = '.cache/pipeline'

export interface DocumentEntry {
  /** The document's frontmatter, as parsed. */
  matter: Record<string, unknown>
  part: DocumentPart
}

export interface RenderEntry {
  csv: string
  excel: string
}

export interface Cache {
  /** The stored entry of a document as read now, or undefined. */
  document(file: VFile): Promise<DocumentEntry | undefined>
  /** Store a document's entry (written by `close`). */
  storeDocument(file: VFile, entry: DocumentEntry): void
  /** The CSV texts of a dataset whose JSON text is `json`, or undefined. */
  render(name: string, json: string): Promise<RenderEntry | undefined>
  storeRender(name: string, json: string, entry: RenderEntry): void
  /** Write what was stored, and remove the entries this build did not use. */
  close(): Promise<void>
  /** Counts for reports and tests. */
  stats: {hits: number; misses: number; rejected: number}
}

/** Open the cache of the project at `root`; `context` is the SHA-256 of every input all documents depend on. */
export async function openCache(root: string, context: string, options: {version?: string} = {}): Promise<Cache> {
  const folder = path.join(root, cacheFolder)
  const version = options.version ?? (await pipelineVersion())
  const used = new Set<string>()
  const pending = new Map<string, string>()
  const stats = {hits: 0, misses: 0, rejected: 0}

  const documentKey = (file: VFile) => hash(['document', String(format), version, context, file.path, file.data.sha256 ?? ''].join('\0'))
  const renderKey = (name: string, json: string) => hash(['render', String(format), version, name, json].join('\0'))

  return {
    stats,
    async document(file) {
      if (!file.data.sha256) return undefined
      const key = documentKey(file)
      const entry = await load(key, 'documents')
      if (!isDocumentEntry(entry, file)) {
        if (entry !== undefined) stats.rejected++
        stats.misses++
        return undefined
      }
      stats.hits++
      used.add(path.join('documents', key))
      return entry
    },
    storeDocument(file, entry) {
      const key = documentKey(file)
      store(key, 'documents', entry)
    },
    async render(name, json) {
      const key = renderKey(name, json)
      const entry = await load(key, 'render')
      if (!isRenderEntry(entry)) return undefined
      used.add(path.join('render', key))
      return entry
    },
    storeRender(name, json, entry) {
      store(renderKey(name, json), 'render', entry)
    },
    async close() {
      for (const [relative, text] of pending) {
        const target = path.join(folder, relative)
        const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
        await mkdir(path.dirname(target), {recursive: true})
        await writeFile(temporary, text)
        await rename(temporary, target)
      }
      pending.clear()
      for (const kind of ['documents', 'render']) {
        const entries = await readdir(path.join(folder, kind)).catch(() => [] as string[])
        for (const name of entries) {
          if (!used.has(path.join(kind, name))) await rm(path.join(folder, kind, name), {force: true})
        }
      }
    }
  }

  async function load(key: string, kind: string): Promise<unknown> {
    let text: string
    try {
      text = await readFile(path.join(folder, kind, key), 'utf8')
    } catch {
      return undefined
    }
    // Line 1: the SHA-256 of the rest; the rest: {format, key, entry} as JSON.
    const newline = text.indexOf('\n')
    const body = text.slice(newline + 1)
    if (newline !== 64 || text.slice(0, 64) !== hash(body)) return null
    try {
      const parsed = JSON.parse(body) as {format?: unknown; key?: unknown; entry?: unknown}
      return parsed.format === format && parsed.key === key ? parsed.entry : null
    } catch {
      return null
    }
  }

  function store(key: string, kind: string, entry: unknown): void {
    const body = JSON.stringify({format, key, entry})
    pending.set(path.join(kind, key), `${hash(body)}\n${body}`)
    used.add(path.join(kind, key))
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

const lists = ['documents', 'terms', 'labelled', 'definitions', 'relations', 'organisations', 'boardMembers', 'statistics', 'timeline'] as const

/** The shape of a document entry, and that it is this document's. */
function isDocumentEntry(value: unknown, file: VFile): value is DocumentEntry {
  if (!value || typeof value !== 'object') return false
  const {matter, part} = value as Partial<DocumentEntry>
  if (!matter || typeof matter !== 'object' || matter['id'] !== file.stem) return false
  if (!part || typeof part !== 'object' || !lists.every((list) => Array.isArray(part[list]))) return false
  return part.documents.length === 1 && part.documents[0]!.id === file.stem && part.documents[0]!.sha256 === file.data.sha256
}

function isRenderEntry(value: unknown): value is RenderEntry {
  return Boolean(value) && typeof (value as RenderEntry).csv === 'string' && typeof (value as RenderEntry).excel === 'string'
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
  for (const file of [...sources, ...schemas, path.join(project, 'package-lock.json'), path.join(project, 'package.json')].sort()) {
    const bytes = await readFile(file).catch(() => Buffer.alloc(0))
    digest.update(`${path.relative(project, file)}\0${bytes.length}\0`).update(bytes)
  }
  return digest.digest('hex')
}
