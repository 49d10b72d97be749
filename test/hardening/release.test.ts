/**
 * Reuse of the last release (issue 4): a dataset whose records are unchanged
 * is copied from the release it was written to instead of rendered again, and
 * its records skip the schema check they passed then; in a dataset that
 * changed, each unchanged record's rows are taken from that release. The
 * release is always byte-for-byte what a build without the cache writes,
 * whatever happened to the release folder or the cache's record of it. And
 * `npm run data`'s lean build, which lets each document's text go once parsed, gives the same.
 */
import {createHash} from 'node:crypto'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {realDocuments, syntheticDocument, writeCorpus, type RealDocument} from '../../bench/corpus.ts'
import {build, type BuildResult} from '../../pipeline/build.ts'
import {digestPart, mergedDigests, serialisePart, type DocumentPart, type PartDigests} from '../../pipeline/cache/merge.ts'
import {releaseRecordPath} from '../../pipeline/cache/release.ts'
import {readTextAgain, toVFile} from '../../pipeline/read/index.ts'
import {freshSnapshot, snapshot} from '../helpers/project.ts'

const release = 'dist-data/draft'
const countOf = (result: BuildResult, name: string) => result.datasets.find((dataset) => dataset.name === name)!.records.length
/** Write the cache's record of the last release, changed by `change`, with a correct checksum. */
async function rewriteRecord(root: string, change: (body: {version: string}) => unknown): Promise<void> {
  const file = path.join(root, releaseRecordPath)
  const text = await readFile(file, 'utf8')
  const body = JSON.stringify(change(JSON.parse(text.slice(text.indexOf('\n') + 1))))
  const {crc32} = await import('node:zlib')
  await writeFile(file, `${crc32(body).toString(16).padStart(8, '0')}\n${body}`)
}
const messagesOf = (result: BuildResult) => result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`))

describe('reuse of the last release', () => {
  let root: string
  let real: RealDocument[]
  /** What a build without any cache writes now, file by file. */
  const expected = async () => freshSnapshot(root)
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'icb-release-'))
    real = await realDocuments()
    await writeCorpus(root, 20, real)
  })
  afterAll(async () => rm(root, {recursive: true, force: true}))

  it('should render every file on a cold build, then reuse all 24 dataset files when nothing changed', async () => {
    const cold = await build({root, cache: true, retain: false})
    expect(cold.release).toEqual({reused: 0, rejected: 0, rows: 0})
    const warm = await build({root, cache: true, retain: false})
    expect(warm.release).toEqual({reused: 24, rejected: 0, rows: 0})
    expect(warm.outputNames).toHaveLength(25)
    expect(await snapshot(path.join(root, release))).toEqual(await expected())
  })

  it('should render again only the datasets an edit changes, and still write what a fresh build writes', async () => {
    // A statistic's label: only statistics and documents (the file's checksum) change.
    const file = path.join(root, 'sources/documents', `${syntheticDocument(real, 4).id}.md`)
    const text = await readFile(file, 'utf8')
    expect(text).toContain('label: Primary care networks\n')
    await writeFile(file, text.replace('label: Primary care networks\n', 'label: Primary care networks in Kent and Medway\n'))
    const edited = await build({root, cache: true, retain: false})
    expect(edited.ok, messagesOf(edited).join('\n')).toBe(true)
    // Six of the eight datasets reused: 18 files; statistics and documents rendered again, each from the
    // last release's rows but for the edited statistic and document, in each of the three files.
    expect(edited.release).toEqual({reused: 18, rejected: 0, rows: 3 * (countOf(edited, 'statistics') - 1 + countOf(edited, 'documents') - 1)})
    expect(await snapshot(path.join(root, release))).toEqual(await expected())
  })

  it('should take from the last release the rows of records an edit leaves alone, in every dataset it changes', async () => {
    // Every figure of one document renumbered: a record of every dataset changes.
    const edited = syntheticDocument(real, 7, 1)
    await writeFile(path.join(root, 'sources/documents', `${edited.id}.md`), edited.text)
    const result = await build({root, cache: true, retain: false})
    expect(result.ok, messagesOf(result).join('\n')).toBe(true)
    const rows = result.datasets.reduce((sum, dataset) => sum + dataset.records.length, 0)
    expect(result.release!.reused).toBeLessThan(6)
    // One document of 20 changed: most rows, but not all, come from the last release.
    expect(result.release!.rows).toBeGreaterThan(3 * rows * 0.8)
    expect(result.release!.rows).toBeLessThan(3 * rows)
    expect(await snapshot(path.join(root, release))).toEqual(await expected())
  })

  it('should render again a file changed in the release folder since it was written', async () => {
    await build({root, cache: true})
    const target = path.join(root, release, 'terms.csv')
    await writeFile(target, (await readFile(target, 'utf8')).replace('\n', '\nhand,edited\n'))
    const result = await build({root, cache: true})
    expect(result.release).toEqual({reused: 21, rejected: 1, rows: 0})
    expect(await snapshot(path.join(root, release))).toEqual(await expected())
  })

  it('should ignore a damaged record of the last release, and one written by another pipeline', async () => {
    const record = path.join(root, releaseRecordPath)
    const text = await readFile(record, 'utf8')
    await writeFile(record, text.replace('"statistics"', '"statistikk"'))
    expect((await build({root, cache: true})).release).toEqual({reused: 0, rejected: 0, rows: 0})
    // A record with a correct checksum but another version is not this pipeline's: nothing is reused.
    await rewriteRecord(root, (body) => ({...body, version: 'another'}))
    expect((await build({root, cache: true})).release).toEqual({reused: 0, rejected: 0, rows: 0})
    expect(await snapshot(path.join(root, release))).toEqual(await expected())
  })

  it('should let documents’ text go in a lean build, and read it again when every document must be extracted together', async () => {
    const lean = await build({root, cache: true, retain: false})
    expect(lean.documents.every((file) => file.value === '' && file.data.matter === undefined)).toBe(true)
    // A quote that no longer matches is an extraction error: the lean build must give the plain build's messages.
    const file = path.join(root, 'sources/documents', `${syntheticDocument(real, 9).id}.md`)
    const text = await readFile(file, 'utf8')
    const body = text.indexOf('\n---\n', 4) + 5
    expect(text.slice(body)).toContain('networks\u00a0across')
    await writeFile(file, text.slice(0, body) + text.slice(body).replace('networks\u00a0across', 'networks\u00a0within'))
    try {
      const failed = await build({root, cache: true, retain: false})
      const plain = await build({root, out: null})
      expect(messagesOf(plain).length).toBeGreaterThan(0)
      expect(messagesOf(failed)).toEqual(messagesOf(plain))
      expect(failed.ok).toBe(plain.ok)
    } finally {
      await writeFile(file, text)
    }
    expect(await snapshot(path.join(root, release))).toEqual(await expected())
  })

  it('should refuse to read again a text that changed while the build ran', async () => {
    const relative = path.join('sources/documents', `${syntheticDocument(real, 0).id}.md`)
    const file = toVFile(relative, await readFile(path.join(root, relative)))
    const text = file.value
    file.value = ''
    readTextAgain(file, root)
    expect(file.value).toBe(text)
    file.value = ''
    file.data.sha256 = '0'.repeat(64)
    expect(() => readTextAgain(file, root)).toThrow(`${relative} changed while the build ran`)
  })
})

describe('mergedDigests', () => {
  const part = (statistic: string): DocumentPart => ({
    documents: [],
    terms: {terms: [], labelled: [], definitions: [], relations: []},
    organisations: [],
    boardMembers: [],
    statistics: [{id: statistic} as never],
    timeline: []
  })
  const register = (sha256: string) => toVFileWithSha(sha256)

  it('should change the digest of exactly the datasets a changed list feeds', () => {
    const before = mergedDigests([digestPart(part('a')), digestPart(part('b'))], register('r'))
    const after = mergedDigests([digestPart(part('a')), digestPart(part('c'))], register('r'))
    expect(Object.keys(before).sort()).toEqual(['board-members', 'documents', 'organisations', 'statistics', 'term-definitions', 'term-relations', 'terms', 'timeline'])
    expect(Object.keys(before).filter((name) => before[name] !== after[name])).toEqual(['statistics'])
  })

  it('should serialise a part once: the JSON JSON.stringify gives, and each list’s digest of its own JSON', () => {
    const one = {...part('a'), timeline: [{id: 'e', quote: 'line\nbreak "quoted" – £'} as never]}
    const {json, digests} = serialisePart(one)
    expect(json).toBe(JSON.stringify(one))
    for (const list of Object.keys(one) as Array<keyof DocumentPart>) {
      expect(digests[list]).toBe(createHash('sha256').update(JSON.stringify(one[list])).digest('hex'))
    }
  })

  it('should change every digest with the register, and with the order of documents', () => {
    const digests: PartDigests[] = [digestPart(part('a')), digestPart(part('b'))]
    const before = mergedDigests(digests, register('r'))
    const other = mergedDigests(digests, register('s'))
    expect(Object.keys(before).every((name) => before[name] !== other[name])).toBe(true)
    expect(mergedDigests([...digests].reverse(), register('r'))['statistics']).not.toBe(before['statistics'])
  })
})

function toVFileWithSha(sha256: string) {
  const file = toVFile('sources/reference/organisations.yml', Buffer.from('organisations: []\n'))
  file.data.sha256 = sha256
  return file
}
