/**
 * The incremental cache (issue 4): a build that reuses unchanged documents
 * gives byte-for-byte what a build from nothing gives; a changed document,
 * register or pipeline is built afresh; a corrupt entry is ignored and
 * rewritten; the cache stays out of dist-data/ and out of git.
 */
import {createHash} from 'node:crypto'
import {cp, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {realDocuments, syntheticDocument, writeCorpus, type RealDocument} from '../../bench/corpus.ts'
import {build, type BuildResult} from '../../pipeline/build.ts'
import {existsSync} from 'node:fs'
import {cacheFolder, entryKey, openCache, pipelineVersion} from '../../pipeline/cache/index.ts'
import {stageDocument, type Writes} from '../../pipeline/cache/job.ts'
import {registerIndex} from '../../pipeline/extract/organisations/index.ts'
import {readDocuments} from '../../pipeline/read/index.ts'
import {readYamlFile} from '../../pipeline/read/yaml-file.ts'
import {copyProject, edit, projectRoot, removeProject, snapshot} from '../helpers/project.ts'

/** What a build gives: ok, every message with its place, and every output. */
function summary(result: BuildResult) {
  return {
    ok: result.ok,
    messages: result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`)),
    outputs: [...result.outputs]
  }
}

const entriesOf = async (root: string) => (await readdir(path.join(root, cacheFolder)).catch(() => [])).sort()

describe('the cache over the real sources', () => {
  let root: string
  beforeAll(async () => {
    root = await copyProject({distData: true})
  })
  afterAll(async () => removeProject(root))

  it('should build what a build without it builds, then reuse every document', async () => {
    const plain = await build({root, out: null})
    const cold = await build({root, cache: true})
    expect(cold.cache).toEqual({hits: 0, misses: 5, rejected: 0})
    const warm = await build({root, cache: true})
    expect(warm.cache).toEqual({hits: 5, misses: 0, rejected: 0})
    expect(summary(cold)).toEqual(summary(plain))
    expect(summary(warm)).toEqual(summary(plain))
    // The committed release is what both give, and the cache is not in it.
    expect(await snapshot(path.join(root, 'dist-data'))).toEqual(await snapshot(path.join(projectRoot, 'dist-data')))
    expect(await entriesOf(root)).toHaveLength(5)
  })

  it('should report a problem in a changed document exactly as a build without it does', async () => {
    await edit(root, 'sources/documents/kent-medway-glossary.md', 'language: en-GB', 'language: English')
    await edit(root, 'sources/documents/kent-medway-our-ics.md', 'Forty two\u00a0primary care networks\u00a0across', 'Forty one\u00a0primary care networks\u00a0across')
    try {
      const cached = await build({root, out: null, cache: true})
      expect(cached.ok).toBe(false)
      expect(cached.cache).toMatchObject({hits: 3, misses: 2})
      expect(summary(cached)).toEqual(summary(await build({root, out: null})))
      // An extraction error in a fresh document, with the others reused. The glossary's old entry went
      // when a build did not use it, so putting its text back builds it afresh once more.
      await edit(root, 'sources/documents/kent-medway-glossary.md', 'language: English', 'language: en-GB')
      const extractionError = await build({root, out: null, cache: true})
      expect(extractionError.cache).toMatchObject({hits: 3, misses: 2})
      expect(summary(extractionError)).toEqual(summary(await build({root, out: null})))
    } finally {
      await edit(root, 'sources/documents/kent-medway-our-ics.md', 'Forty one\u00a0primary care networks\u00a0across', 'Forty two\u00a0primary care networks\u00a0across')
    }
  })

  it('should build every document afresh when the register changes', async () => {
    await edit(root, 'sources/reference/organisations.yml', 'organisations:\n', '# A comment changes the bytes, so every document is built again.\norganisations:\n')
    const result = await build({root, out: null, cache: true})
    expect(result.cache).toEqual({hits: 0, misses: 5, rejected: 0})
    expect(summary(result)).toEqual(summary(await build({root, out: null})))
  })

  it('should write entries in the background up to its limit, each as a write at once would', async () => {
    const register = await readYamlFile('sources/reference/organisations.yml', root)
    const cache = {folder: path.join(root, '.cache/background'), version: 'test', context: 'test'}
    const stage = async (writes: Writes | undefined) => {
      const [file] = await readDocuments({root})
      const stored = stageDocument(file!, {index: registerIndex(register), cache, ...(writes ? {writes} : {})}).stored
      const entry = path.join(cache.folder, entryKey(cache, file!.path, file!.data.sha256!))
      return {stored, entry, there: existsSync(entry)}
    }
    const atOnce = await stage(undefined)
    expect(atOnce).toMatchObject({stored: true, there: true})
    const written = await readFile(atOnce.entry, 'utf8')
    await rm(cache.folder, {recursive: true})
    // Over the limit: written before stageDocument returns, nothing left pending.
    const full: Writes = {pending: [], bytes: 0, limit: 10}
    expect(await stage(full)).toMatchObject({stored: true, there: true})
    expect(full.pending).toHaveLength(0)
    await rm(cache.folder, {recursive: true})
    // Under it: not yet in place when stageDocument returns, and the same bytes once awaited.
    const background: Writes = {pending: [], bytes: 0, limit: 2 ** 24}
    const staged = await stage(background)
    expect(staged).toMatchObject({stored: true, there: false})
    expect(background.pending).toHaveLength(1)
    expect(background.bytes).toBe(Buffer.byteLength(written))
    await Promise.all(background.pending)
    expect(await readFile(staged.entry, 'utf8')).toBe(written)
    expect((await readdir(cache.folder)).filter((name) => name.endsWith('.tmp'))).toEqual([])
    await rm(cache.folder, {recursive: true})
  })

  it('should stay out of dist-data/ and out of git', async () => {
    expect((await snapshot(path.join(root, 'dist-data'))).size).toBeGreaterThan(0)
    for (const file of (await snapshot(path.join(root, 'dist-data'))).keys()) expect(file).not.toContain('.cache')
    expect((await readFile(path.join(projectRoot, '.gitignore'), 'utf8')).split('\n')).toContain('.cache/')
  })
})

describe('the cache over a synthetic corpus', () => {
  let root: string
  let real: RealDocument[]
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'icb-cache-'))
    real = await realDocuments()
    await writeCorpus(root, 30, real)
    await build({root, out: null, cache: true})
  })
  afterAll(async () => rm(root, {recursive: true, force: true}))

  async function expectLikeFresh(expectedHits: number): Promise<BuildResult> {
    const cached = await build({root, out: null, cache: true})
    const fresh = await build({root, out: null})
    expect(fresh.ok).toBe(true)
    expect(cached.cache).toEqual({hits: expectedHits, misses: 30 - expectedHits, rejected: 0})
    expect(summary(cached)).toEqual(summary(fresh))
    return cached
  }

  it('should rebuild one edited document of 30 and give what a build from nothing gives', async () => {
    const before = await build({root, out: null, cache: true})
    const edited = syntheticDocument(real, 7, 1)
    await writeFile(path.join(root, 'sources/documents', `${edited.id}.md`), edited.text)
    const after = await expectLikeFresh(29)
    expect(summary(after).outputs).not.toEqual(summary(before).outputs)
  })

  it('should do the same when the edit moves every line below it', async () => {
    const file = path.join(root, 'sources/documents', `${syntheticDocument(real, 12).id}.md`)
    const text = await readFile(file, 'utf8')
    const end = text.indexOf('\n---\n', 4) + 5
    await writeFile(file, `${text.slice(0, end)}\nA new paragraph, and with it\nthree new lines.\n${text.slice(end)}`)
    await expectLikeFresh(29)
  })

  it('should ignore and rewrite entries that are corrupt, truncated or not this document’s', async () => {
    const folder = path.join(root, cacheFolder)
    const [first, second, third, fourth] = await entriesOf(root)
    await writeFile(path.join(folder, first!), 'not an entry at all')
    const text = await readFile(path.join(folder, second!), 'utf8')
    await writeFile(path.join(folder, second!), text.slice(0, text.length / 2))
    // A well-formed entry with a correct checksum, but another document's: its key does not match.
    await writeFile(path.join(folder, third!), await readFile(path.join(folder, fourth!)))
    const result = await build({root, out: null, cache: true})
    expect(result.cache).toEqual({hits: 27, misses: 3, rejected: 3})
    expect(summary(result)).toEqual(summary(await build({root, out: null})))
    const again = await build({root, out: null, cache: true})
    expect(again.cache).toEqual({hits: 30, misses: 0, rejected: 0})
  })

  it('should drop the entries of removed documents', async () => {
    await build({root, out: null, cache: true})
    expect(await entriesOf(root)).toHaveLength(30)
    const removed = syntheticDocument(real, 29)
    await rm(path.join(root, 'sources/documents', `${removed.id}.md`))
    await build({root, out: null, cache: true})
    expect(await entriesOf(root)).toHaveLength(29)
  })
})

describe('the cache with worker threads', () => {
  let root: string
  let real: RealDocument[]
  beforeAll(async () => {
    root = await copyProject({distData: true})
    real = await realDocuments()
    for (let index = 5; index < 25; index++) {
      const document = syntheticDocument(real, index)
      await writeFile(path.join(root, 'sources/documents', `${document.id}.md`), document.text)
    }
  })
  afterAll(async () => removeProject(root))

  it('should build on threads what the main thread builds, and store the same entries', async () => {
    const plain = await build({root, out: null})
    expect(plain.ok).toBe(true)
    const threaded = await build({root, out: null, cache: true, threads: 2})
    expect(threaded.cache).toEqual({hits: 0, misses: 25, rejected: 0})
    expect(summary(threaded)).toEqual(summary(plain))
    const entries = new Map<string, string>()
    for (const name of await entriesOf(root)) entries.set(name, await readFile(path.join(root, cacheFolder, name), 'utf8'))
    await rm(path.join(root, '.cache'), {recursive: true, force: true})
    const main = await build({root, out: null, cache: true, threads: 0})
    expect(summary(main)).toEqual(summary(plain))
    for (const name of await entriesOf(root)) expect(await readFile(path.join(root, cacheFolder, name), 'utf8'), name).toBe(entries.get(name))
    const warm = await build({root, out: null, cache: true, threads: 2})
    expect(warm.cache).toEqual({hits: 25, misses: 0, rejected: 0})
    expect(summary(warm)).toEqual(summary(plain))
  })

  it('should report parse and extraction errors from threads exactly as without the cache', async () => {
    await rm(path.join(root, '.cache'), {recursive: true, force: true})
    await edit(root, 'sources/documents/kent-medway-our-ics.md', 'Forty two\u00a0primary care networks\u00a0across', 'Forty one\u00a0primary care networks\u00a0across')
    const extraction = await build({root, out: null, cache: true, threads: 2})
    expect(extraction.ok).toBe(false)
    expect(summary(extraction)).toEqual(summary(await build({root, out: null})))
    await edit(root, 'sources/documents/kent-medway-glossary.md', 'language: en-GB', 'language: [en-GB')
    const parse = await build({root, out: null, cache: true, threads: 2})
    expect(parse.ok).toBe(false)
    expect(summary(parse)).toEqual(summary(await build({root, out: null})))
  })
})

describe('the pipeline version', () => {
  let copy: string
  beforeAll(async () => {
    copy = await mkdtemp(path.join(tmpdir(), 'icb-version-'))
    await cp(path.join(projectRoot, 'pipeline'), path.join(copy, 'pipeline'), {recursive: true})
    await cp(path.join(projectRoot, 'schema'), path.join(copy, 'schema'), {recursive: true})
    for (const file of ['package.json', 'package-lock.json']) await cp(path.join(projectRoot, file), path.join(copy, file))
  })
  afterAll(async () => rm(copy, {recursive: true, force: true}))

  it('should be stable, and change with any source file, schema or dependency of the pipeline', async () => {
    const original = await pipelineVersion(path.join(copy, 'pipeline'))
    expect(await pipelineVersion(path.join(copy, 'pipeline'))).toBe(original)
    expect(await pipelineVersion(path.join(projectRoot, 'pipeline'))).toBe(original)
    const changes: Array<[string, string]> = [
      ['pipeline/figures/index.ts', '\n// a changed figure parser\n'],
      ['schema/statistics.schema.json', ' '],
      ['package-lock.json', '\n']
    ]
    let previous = original
    for (const [file, addition] of changes) {
      await writeFile(path.join(copy, file), (await readFile(path.join(copy, file), 'utf8')) + addition)
      const changed = await pipelineVersion(path.join(copy, 'pipeline'))
      expect(changed, file).not.toBe(previous)
      previous = changed
    }
  })

  it('should make entries of another version invisible, and remove them', async () => {
    const root = await copyProject()
    try {
      await build({root, out: null, cache: true})
      expect(await entriesOf(root)).toHaveLength(5)
      const documents = await readDocuments({root})
      const context = createHash('sha256').update(await readFile(path.join(root, 'sources/reference/organisations.yml'))).digest('hex')
      const same = await openCache(root, context)
      expect(await same.document(documents[0]!)).toBeDefined()
      const other = await openCache(root, context, {version: 'another pipeline'})
      expect(await other.document(documents[0]!)).toBeUndefined()
      // Closing removes what this build did not use: every entry of the other version.
      await other.close()
      expect(await entriesOf(root)).toHaveLength(0)
    } finally {
      await removeProject(root)
    }
  })
})
