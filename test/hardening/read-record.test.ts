/**
 * The record of what the last build read (pipeline/cache/read-record.ts): a
 * lean build does not read again a document whose identity is unchanged, reads
 * again one edited since or edited just before it was read, and writes what a
 * build without any cache writes.
 */
import {mkdtemp, readFile, readdir, rm, utimes, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {realDocuments, syntheticDocument, writeCorpus} from '../../bench/corpus.ts'
import {build} from '../../pipeline/build.ts'
import {pipelineVersion} from '../../pipeline/cache/index.ts'
import {openReadRecord, readRecordPath} from '../../pipeline/cache/read-record.ts'
import {snapshot} from '../helpers/project.ts'

/** Every path the pipeline reads synchronously (documents are read so); vi.mock is hoisted above imports, so this is too. */
const reads = vi.hoisted((): string[] => [])
vi.mock('node:fs', async (original) => {
  const actual = await original<typeof import('node:fs')>()
  return {
    ...actual,
    readFileSync: ((...args: Parameters<typeof actual.readFileSync>) => {
      reads.push(String(args[0]))
      return actual.readFileSync(...args)
    }) as typeof actual.readFileSync
  }
})

const documentsRead = () => reads.filter((file) => file.includes(`${path.sep}sources${path.sep}documents${path.sep}`)).length

describe('the record of what the last build read', () => {
  let root: string
  const lean = async () => {
    reads.length = 0
    const result = await build({root, cache: true, retain: false})
    expect(result.ok).toBe(true)
    return documentsRead()
  }
  const fresh = async () => {
    const result = await build({root, out: null})
    return new Map([...result.outputs].map(([name, text]) => [name, Buffer.from(text).toString('base64')]))
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'icb-read-'))
    await writeCorpus(root, 12, await realDocuments())
    // Last changed a minute ago: settled, so recorded.
    const folder = path.join(root, 'sources/documents')
    const past = new Date(Date.now() - 60_000)
    for (const name of await readdir(folder)) await utimes(path.join(folder, name), past, past)
  })
  afterAll(async () => rm(root, {recursive: true, force: true}))

  it('should read every document (twice: to check it, then to parse it), then none that is unchanged', async () => {
    expect(await lean()).toBe(24)
    expect(await lean()).toBe(0)
    expect(await snapshot(path.join(root, 'dist-data/draft'))).toEqual(await fresh())
  })

  it('should read again a document edited since, and keep reading one edited just before it was read', async () => {
    const real = await realDocuments()
    const edited = syntheticDocument(real, 3, 1)
    await writeFile(path.join(root, 'sources/documents', `${edited.id}.md`), edited.text)
    // Read to find it changed, then again to parse it.
    expect(await lean()).toBe(2)
    expect(await snapshot(path.join(root, 'dist-data/draft'))).toEqual(await fresh())
    // Edited less than two seconds before that build read it: not recorded, so read again (once: it is cached).
    expect(await lean()).toBe(1)
  })

  it('should know nothing from a record of another pipeline version, or a damaged one', async () => {
    const version = await pipelineVersion()
    const document = new VFile({path: 'sources/documents/a.md', value: ''})
    document.data.sha256 = 'f'.repeat(64)
    document.data.identity = '1:2:3'
    openReadRecord(root, version).save([document], 10_000_000_000n)
    expect(openReadRecord(root, version).known('sources/documents/a.md', '1:2:3')).toBe('f'.repeat(64))
    expect(openReadRecord(root, version).known('sources/documents/a.md', '1:2:4')).toBeUndefined()
    expect(openReadRecord(root, 'another').known('sources/documents/a.md', '1:2:3')).toBeUndefined()
    const file = path.join(root, readRecordPath)
    await writeFile(file, (await readFile(file, 'utf8')).replace('ffff', 'fffe'))
    expect(openReadRecord(root, version).known('sources/documents/a.md', '1:2:3')).toBeUndefined()
  })

  it('should not record a document with a message, or one changed within two seconds of being read', async () => {
    const version = await pipelineVersion()
    const clean = (name: string, mtime: bigint) => {
      const file = new VFile({path: name, value: ''})
      file.data.sha256 = 'a'.repeat(64)
      file.data.identity = `1:2:${mtime}`
      return file
    }
    const warned = clean('warned.md', 0n)
    warned.message('Unexpected thing')
    const readAt = 10_000_000_000n
    openReadRecord(root, version).save([clean('old.md', readAt - 2_000_000_000n), clean('new.md', readAt - 1_999_999_999n), warned], readAt)
    const record = openReadRecord(root, version)
    expect(record.known('old.md', `1:2:${readAt - 2_000_000_000n}`)).toBe('a'.repeat(64))
    expect(record.known('new.md', `1:2:${readAt - 1_999_999_999n}`)).toBeUndefined()
    expect(record.known('warned.md', '1:2:0')).toBeUndefined()
  })
})
