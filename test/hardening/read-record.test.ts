/**
 * The record of what the last build read (pipeline/cache/read-record.ts): a
 * lean build does not read again a document whose identity is unchanged, reads
 * again one edited since or edited just before it was read, and writes what a
 * build without any cache writes.
 */
import {execFileSync} from 'node:child_process'
import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {realDocuments, syntheticDocument, writeCorpus} from '../../bench/corpus.ts'
import {build} from '../../pipeline/build.ts'
import {pipelineVersion} from '../../pipeline/cache/index.ts'
import {openReadRecord, readRecordPath} from '../../pipeline/cache/read-record.ts'
import {freshSnapshot, snapshot} from '../helpers/project.ts'

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
  const fresh = async () => freshSnapshot(root)

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'icb-read-'))
    await writeCorpus(root, 12, await realDocuments())
    // Changed more than two seconds before the first build reads them: settled, so recorded.
    await new Promise((resolve) => setTimeout(resolve, 2100))
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

  it('should read again a document rewritten in place to the same size with its modification time put back', async () => {
    const file = path.join(root, 'sources/documents', `${syntheticDocument(await realDocuments(), 5).id}.md`)
    // Once every document has settled and been read, none is read.
    await new Promise((resolve) => setTimeout(resolve, 2100))
    await lean()
    expect(await lean()).toBe(0)
    const release = await snapshot(path.join(root, 'dist-data/draft'))
    const before = await stat(file, {bigint: true})
    const text = await readFile(file, 'utf8')
    expect(text).toContain('Not found')
    // As cp -p, tar -x or touch -r leave it: same inode, same size, same mtime to the nanosecond; only the change time moves.
    const reference = path.join(root, 'reference')
    execFileSync('touch', ['-r', file, reference])
    await writeFile(file, text.replace('Not found', 'Not Found'))
    execFileSync('touch', ['-r', reference, file])
    const after = await stat(file, {bigint: true})
    expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs])
    expect(await lean()).toBe(2)
    const now = await snapshot(path.join(root, 'dist-data/draft'))
    expect(now).toEqual(await fresh())
    expect(now).not.toEqual(release)
  })

  /** A clean document with the given identity. */
  const clean = (name: string, identity: string) => {
    const file = new VFile({path: name, value: ''})
    file.data.sha256 = 'a'.repeat(64)
    file.data.identity = identity
    return file
  }

  it('should know nothing from a record of another pipeline version, or a damaged one', async () => {
    const version = await pipelineVersion()
    openReadRecord(root, version).save([clean('sources/documents/a.md', '1:2:3:4:5')])
    expect(openReadRecord(root, version).known('sources/documents/a.md', '1:2:3:4:5')).toBe('a'.repeat(64))
    expect(openReadRecord(root, version).known('sources/documents/a.md', '1:2:3:4:6')).toBeUndefined()
    expect(openReadRecord(root, 'another').known('sources/documents/a.md', '1:2:3:4:5')).toBeUndefined()
    const file = path.join(root, readRecordPath)
    await writeFile(file, (await readFile(file, 'utf8')).replace('aaaa', 'aaab'))
    expect(openReadRecord(root, version).known('sources/documents/a.md', '1:2:3:4:5')).toBeUndefined()
  })

  it('should not record a document with a message, or one changed within two seconds of the file system’s time', async () => {
    const version = await pipelineVersion()
    const probe = path.join(root, 'probe')
    await writeFile(probe, '')
    const now = (await stat(probe, {bigint: true})).mtimeNs
    const warned = clean('warned.md', '1:2:3:4:5')
    warned.message('Unexpected thing')
    const settled = `1:2:3:${now - 3_000_000_000n}:${now - 3_000_000_000n}`
    const modified = `1:2:3:${now}:${now - 3_000_000_000n}`
    const changed = `1:2:3:${now - 3_000_000_000n}:${now}`
    const record = openReadRecord(root, version)
    record.save([clean('settled.md', settled), clean('modified.md', modified), clean('changed.md', changed), warned])
    const reopened = openReadRecord(root, version)
    expect(reopened.known('settled.md', settled)).toBe('a'.repeat(64))
    expect(reopened.known('modified.md', modified)).toBeUndefined()
    expect(reopened.known('changed.md', changed)).toBeUndefined()
    expect(reopened.known('warned.md', '1:2:3:4:5')).toBeUndefined()
  })
})
