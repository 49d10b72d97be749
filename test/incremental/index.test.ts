/**
 * The incremental layer (pipeline/incremental/): each document's part kept in
 * `.cache/pipeline/parts/` between runs of `npm run data`. Over a copy of the
 * real sources, whatever they hold: a cached build writes the bytes a
 * `--no-cache` build writes, before and after edits; an unchanged rebuild
 * reuses every part; an edited document, judgements file or register misses
 * (the register every part, the others their own); a damaged entry is
 * rejected and built afresh; a document that gave a message is never kept.
 * And in a project of fixtures: a message about a record of a kept part
 * points where it would without the cache.
 */
import {cp, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../../pipeline/build.ts'
import {main} from '../../pipeline/cli.ts'
import {cacheFolder, openPartCache} from '../../pipeline/incremental/index.ts'
import {documentsFolder, judgementsFolder, listDocuments} from '../../pipeline/read/index.ts'
import {copyProject, edit, freshSnapshot, frontmatter, projectRoot, removeProject, snapshot, write} from '../helpers/project.ts'

/** A build with the part cache, in memory; the cache is closed after it, as the command closes it. */
async function cachedBuild(root: string, version?: string): Promise<{result: BuildResult; stats: {hits: number; misses: number; rejected: number; unwritten: number}}> {
  const parts = version === undefined ? openPartCache(root) : openPartCache(root, version)
  const result = await build({root, out: null, parts})
  parts.close()
  return {result, stats: {...parts.stats}}
}

/** The cache's entries, by file name. */
async function entries(root: string): Promise<string[]> {
  return (await readdir(path.join(root, cacheFolder)).catch(() => [])).filter((name) => name.endsWith('.json')).sort()
}

/** `npm run data` in `root`, in process, with `args`; its exit status and what it printed, times taken out. */
async function run(root: string, args: string[] = []): Promise<{code: number; out: string}> {
  const lines: string[] = []
  const {code} = await main({root, args, io: {out: (line) => lines.push(line), err: (line) => lines.push(line)}})
  return {code, out: lines.join('\n').replace(/\d+\.\d+ s\b/g, 'T s')}
}

/** Append `text` to a file of `root`. */
async function append(root: string, file: string, text: string): Promise<void> {
  await writeFile(path.join(root, file), (await readFile(path.join(root, file), 'utf8')) + text)
}

describe('the part cache over the real sources', () => {
  let root: string
  let names: string[]
  let count: number
  beforeAll(async () => {
    root = await copyProject({distData: true})
    names = listDocuments(root).map((entry) => entry.name.slice(0, -'.md'.length))
    count = names.length
  })
  afterAll(async () => removeProject(root))

  const documentOf = (index: number) => `${documentsFolder}/${names[index % count]}.md`
  const judgementsOf = (index: number) => `${judgementsFolder}/${names[index % count]}.yml`

  it('should build every document once, then reuse every part of an unchanged rebuild, with the same outputs', async () => {
    expect(count).toBeGreaterThan(1)
    const cold = await cachedBuild(root)
    expect(cold.result.ok).toBe(true)
    expect(cold.stats).toEqual({hits: 0, misses: count, rejected: 0, unwritten: 0})
    expect(await entries(root)).toHaveLength(count)
    const warm = await cachedBuild(root)
    expect(warm.stats).toEqual({hits: count, misses: 0, rejected: 0, unwritten: 0})
    expect([...warm.result.outputs]).toEqual([...cold.result.outputs])
    expect([...warm.result.outputs]).toEqual([...(await build({root, out: null})).outputs])
    expect(warm.result.files.flatMap((file) => file.messages.map(String))).toEqual([])
  })

  it('should write with the cache the very bytes `--no-cache` writes, before and after edits', async () => {
    const cached = async () => {
      const {code, out} = await run(root)
      return {code, out, files: await snapshot(path.join(root, 'dist-data/draft'))}
    }
    const uncached = async () => {
      const before = await entries(root)
      const {code, out} = await run(root, ['--no-cache'])
      // --no-cache neither reads nor writes the cache.
      expect(await entries(root)).toEqual(before)
      return {code, out, files: await snapshot(path.join(root, 'dist-data/draft'))}
    }
    const warm = await cached()
    expect(warm.code).toBe(0)
    expect(await uncached()).toEqual(warm)
    expect(warm.files).toEqual(await freshSnapshot(root))

    // Edits that change records: a paragraph added to one document's text, a label changed in another's judgements.
    await append(root, documentOf(0), '\nA paragraph added for the test, which no judgement quotes.\n')
    const judgements = await readFile(path.join(root, judgementsOf(1)), 'utf8')
    const label = /^\s+label: (.+)$/m.exec(judgements)
    if (label) await edit(root, judgementsOf(1), label[0], `${label[0]} (edited)`)
    else await append(root, judgementsOf(1), '# edited\n')
    const edited = await cached()
    expect(edited.code).toBe(0)
    expect(edited.files).not.toEqual(warm.files)
    expect(await uncached()).toEqual(edited)
    expect(edited.files).toEqual(await freshSnapshot(root))
  })

  it('should miss only the part of an edited document', async () => {
    await cachedBuild(root)
    await append(root, documentOf(2), '\nAnother paragraph added for the test.\n')
    expect((await cachedBuild(root)).stats).toEqual({hits: count - 1, misses: 1, rejected: 0, unwritten: 0})
    // The entry the edit made stale is removed when the cache closes.
    expect(await entries(root)).toHaveLength(count)
    expect((await cachedBuild(root)).stats).toEqual({hits: count, misses: 0, rejected: 0, unwritten: 0})
  })

  it('should miss only the part of a document whose judgements file was edited, even by a comment', async () => {
    await append(root, judgementsOf(3), '# A note for the next editor.\n')
    expect((await cachedBuild(root)).stats).toEqual({hits: count - 1, misses: 1, rejected: 0, unwritten: 0})
    expect(await entries(root)).toHaveLength(count)
  })

  it('should miss every part when the register changes, or the pipeline', async () => {
    await append(root, 'sources/reference/organisations.yml', '# A note in the register.\n')
    const edited = await cachedBuild(root)
    expect(edited.result.ok).toBe(true)
    expect(edited.stats).toEqual({hits: 0, misses: count, rejected: 0, unwritten: 0})
    expect((await cachedBuild(root, 'another version of the pipeline')).stats).toEqual({hits: 0, misses: count, rejected: 0, unwritten: 0})
    expect((await cachedBuild(root)).stats).toEqual({hits: 0, misses: count, rejected: 0, unwritten: 0})
  })

  it('should reject a damaged entry and build its document afresh, then keep it again', async () => {
    await cachedBuild(root)
    const names = await entries(root)
    const file = (name: string) => path.join(root, cacheFolder, name)
    const damaged: Array<[string, string]> = [
      [names[0]!, 'not JSON at all'],
      [names[1]!, (await readFile(file(names[1]!), 'utf8')).slice(0, 40)],
      [names[2 % names.length]!, JSON.stringify({key: names[2 % names.length]!.replace(/\.json$/, ''), bodyLine: 1, part: {}})]
    ]
    // Another entry's content under this name: its key is not the name's.
    if (names.length > 3) damaged.push([names[3]!, await readFile(file(names[0]!), 'utf8')])
    for (const [name, text] of damaged) await writeFile(file(name), text)
    const rebuilt = await cachedBuild(root)
    expect(rebuilt.stats).toEqual({hits: count - damaged.length, misses: 0, rejected: damaged.length, unwritten: 0})
    expect([...rebuilt.result.outputs]).toEqual([...(await build({root, out: null})).outputs])
    expect((await cachedBuild(root)).stats).toEqual({hits: count, misses: 0, rejected: 0, unwritten: 0})
  })

  it('should build as without it when the cache cannot be written, and keep the cache of a build that failed', async () => {
    const blocked = await copyProject()
    try {
      // A file where the cache's folder should be: no entry can be written, whoever runs the build.
      await write(blocked, cacheFolder, 'not a folder\n')
      const {result, stats} = await cachedBuild(blocked)
      expect(result.ok).toBe(true)
      expect(stats.unwritten).toBe(count)
      expect([...result.outputs]).toEqual([...(await build({root: blocked, out: null})).outputs])
    } finally {
      await removeProject(blocked)
    }
    const kept = await entries(root)
    expect(kept.length).toBeGreaterThan(0)
    await edit(root, 'sources/reference/organisations.yml', 'organisations:', 'organisations: [')
    try {
      expect((await run(root)).code).toBe(1)
    } finally {
      await edit(root, 'sources/reference/organisations.yml', 'organisations: [', 'organisations:')
    }
    expect(await entries(root)).toEqual(kept)
  })

  it('should never keep the part of a document that gave a message', async () => {
    await cachedBuild(root)
    // A judgement quoting words the text does not hold: a message on the judgements file.
    const judgements = await readFile(path.join(root, judgementsOf(0)), 'utf8')
    const quote = /^(\s+(?:- )?quote: )(?!["'[{|>])(.+)$/m.exec(judgements)
    expect(quote, 'a plain quote in the judgements file').toBeTruthy()
    await edit(root, judgementsOf(0), quote![0], `${quote![1]}${quote![2]} and words that are not in the text`)
    // And a frontmatter problem: a message on the document.
    await edit(root, documentOf(1), 'language: en-GB', 'language: English')
    const failed = await cachedBuild(root)
    expect(failed.result.ok).toBe(false)
    expect(failed.result.files.find((file) => file.path === judgementsOf(0))?.messages.map((message) => message.ruleId)).toContain('quote-not-found')
    expect(failed.stats).toEqual({hits: count - 2, misses: 2, rejected: 0, unwritten: 0})
    expect(await entries(root)).toHaveLength(count - 2)
    // Nothing changed, so both are built again and give their messages again.
    const again = await cachedBuild(root)
    expect(again.stats).toEqual({hits: count - 2, misses: 2, rejected: 0, unwritten: 0})
    expect(again.result.files.flatMap((file) => file.messages.map(String))).toEqual(failed.result.files.flatMap((file) => file.messages.map(String)))
  })
})

describe('the part cache in a project of fixtures', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'icb-incremental-'))
    await cp(path.join(projectRoot, 'sources/reference'), path.join(root, 'sources/reference'), {recursive: true})
    await cp(path.join(projectRoot, 'sources/publication.yml'), path.join(root, 'sources/publication.yml'))
  })
  afterAll(async () => rm(root, {recursive: true, force: true}))

  /** A document whose board lists Medway Council, under a frontmatter of `notes` extra lines. */
  async function boardDocument(id: string, notes: number): Promise<void> {
    await write(root, `${documentsFolder}/${id}.md`, `${frontmatter(id, '# A note.\n'.repeat(notes))}\n# Test document\n\nThe shared board includes:\n\n- Medway Council\n`)
    await write(root, `${judgementsFolder}/${id}.yml`, 'boards:\n  - {id: shared-board, name: shared board, quote: "The shared board includes:", member_type: organisation, list: true}\n')
  }

  it('should place a message about a kept part’s record as a build without the cache does', async () => {
    await boardDocument('second', 7)
    const alone = await cachedBuild(root)
    expect(alone.result.ok).toBe(true)
    expect(alone.stats).toEqual({hits: 0, misses: 1, rejected: 0, unwritten: 0})
    // A document before it gives the same board member: the duplicate is reported on the kept one, at its text's line in the file.
    await boardDocument('first', 0)
    const both = await cachedBuild(root)
    expect(both.stats).toEqual({hits: 1, misses: 1, rejected: 0, unwritten: 0})
    const messages = (result: BuildResult) => result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`))
    expect(messages(both.result)).toEqual(messages(await build({root, out: null})))
    expect(messages(both.result).filter((message) => message.includes('duplicate-id'))).toEqual([expect.stringMatching(/^sources\/documents\/second\.md:26:3 duplicate-id Unexpected duplicate board-members id `shared-board-medway-council`/)])
  })
})
