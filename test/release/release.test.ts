/**
 * The release command (pipeline/release/) end to end, in a project of its
 * own (two small documents, the real publication metadata and licences):
 * the first release, then one release per kind of change, each checked for
 * the version it gets, its record-level changelog, its files and checksums
 * (read back by `sha256sum -c`, csv-parse and yauzl); no change gives no
 * release; a bump may be raised, never lowered; a released version is never
 * written again; and a frozen file changed, added or removed fails the build
 * and the release command, naming the file.
 */
import {execFileSync} from 'node:child_process'
import {cp, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import yauzl from 'yauzl'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {main as data} from '../../pipeline/cli.ts'
import {checkReleases, listReleases, releasesFolder} from '../../pipeline/release/frozen.ts'
import {cutRelease, type ReleaseOptions} from '../../pipeline/release/index.ts'
import {main as release} from '../../pipeline/release/cli.ts'
import type {ReleaseRecord} from '../../pipeline/release/record.ts'
import {areasYaml, edit, frontmatter, projectRoot, write} from '../helpers/project.ts'

let root: string

async function project(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'icb-release-'))
  for (const file of ['sources/publication.yml', 'LICENSE', 'LICENSE-DATA']) await cp(path.join(projectRoot, file), path.join(folder, file))
  await write(folder, 'sources/reference/organisations.yml', 'organisations: []\n')
  await write(folder, 'sources/reference/areas.yml', areasYaml)
  await write(folder, 'sources/documents/a.md', frontmatter('a') + '# Test document\n\nThere are 42 networks.\n\nOver 528,000 people live with a long-term condition.\n')
  await write(folder, 'sources/judgements/a.yml', 'statistics:\n  - {id: networks, quote: There are 42 networks, label: Networks, unit: networks}\n  - {id: people, quote: "Over 528,000 people", label: People with a long-term condition, unit: people}\n')
  await write(folder, 'sources/documents/b.md', frontmatter('b') + '# Test document\n\nFour places make up the system.\n')
  await write(folder, 'sources/judgements/b.yml', 'statistics:\n  - {id: places, quote: Four places, label: Places, unit: places}\n')
  return folder
}

/** `npm run release` in process: its exit status and what it printed. */
async function run(args: string[]): Promise<{code: number; out: string}> {
  const lines: string[] = []
  const code = await release(args, {out: (line) => lines.push(line), err: (line) => lines.push(line)}, root)
  return {code, out: lines.join('\n')}
}

// Dates in the past, so a release the command dates today always comes after them.
const cut = (options: ReleaseOptions = {}) => cutRelease({root, date: '2025-01-01', ...options})
const folderOf = (version: string) => path.join(root, releasesFolder, version)
const readJson = async <T>(version: string, file: string) => JSON.parse(await readFile(path.join(folderOf(version), file), 'utf8')) as T
const changesCsv = async (version: string) => parse(await readFile(path.join(folderOf(version), 'changes.csv')), {columns: true}) as Array<Record<string, string>>

/** Every file under the releases folder with its bytes: to prove nothing was written. */
async function releasesState(): Promise<string> {
  const folder = path.join(root, releasesFolder)
  const names = (await readdir(folder, {recursive: true, withFileTypes: true}).catch(() => [])).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort()
  return (await Promise.all(names.map(async (name) => `${name}:${(await readFile(name)).toString('base64')}`))).join('\n')
}

/** The entries of a zip, read by yauzl: name → bytes, and each entry's modification date. */
function unzip(file: string): Promise<Array<{name: string; bytes: Buffer; date: Date}>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, {lazyEntries: true}, (error, zipfile) => {
      if (error) return reject(error)
      const entries: Array<{name: string; bytes: Buffer; date: Date}> = []
      zipfile.on('entry', (entry: yauzl.Entry) => {
        zipfile.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError)
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('end', () => {
            entries.push({name: entry.fileName, bytes: Buffer.concat(chunks), date: entry.getLastModDate()})
            zipfile.readEntry()
          })
        })
      })
      zipfile.on('end', () => resolve(entries))
      zipfile.on('error', reject)
      zipfile.readEntry()
    })
  })
}

beforeAll(async () => {
  root = await project()
})

afterAll(async () => {
  await rm(root, {recursive: true, force: true})
})

describe('npm run release', () => {
  it('should say on a dry run that the first release is 1.0.0, and write nothing', async () => {
    const {code, out} = await run(['--dry-run'])
    expect(code).toBe(0)
    expect(out).toMatch(/^next version: 1\.0\.0 \(the first release\)$/m)
    expect(listReleases(root)).toEqual([])
  })

  it('should freeze 1.0.0 with every file listed in SHA256SUMS, as `sha256sum -c` checks them', async () => {
    const result = await cut({notes: 'The first release.'})
    expect(result.ok).toBe(true)
    expect(result.version).toBe('1.0.0')
    const files = await readdir(folderOf('1.0.0'))
    for (const name of ['SHA256SUMS', 'release.json', 'changes.json', 'changes.csv', 'README.md', 'LICENSE', 'LICENSE-DATA', 'datapackage.json', 'statistics.csv', 'kent-medway-ics-open-data-1.0.0.zip']) expect(files).toContain(name)
    const checked = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], {cwd: folderOf('1.0.0'), encoding: 'utf8'})
    expect(checked.trim().split('\n').every((line) => line.endsWith(': OK'))).toBe(true)
    expect(checked.trim().split('\n')).toHaveLength((await readdir(folderOf('1.0.0'), {recursive: true, withFileTypes: true})).filter((entry) => entry.isFile()).length - 1)
    const record = await readJson<ReleaseRecord>('1.0.0', 'release.json')
    expect(record).toMatchObject({version: '1.0.0', date: '2025-01-01', previous: null, notes: 'The first release.', counts: {statistics: 3, documents: 2}})
    expect((await readJson<{version: string}>('1.0.0', 'datapackage.json')).version).toBe('1.0.0')
    // The first release's changelog: every record added.
    const rows = await changesCsv('1.0.0')
    expect(rows.filter((row) => row['dataset'] === 'statistics').map((row) => [row['id'], row['change']])).toEqual([['networks-a', 'added'], ['people-a', 'added'], ['places-b', 'added']])
    expect(checkReleases(root).flatMap((file) => file.messages)).toEqual([])
  })

  it('should put every file but itself and SHA256SUMS in the zip, under one folder, dated the release', async () => {
    const entries = await unzip(path.join(folderOf('1.0.0'), 'kent-medway-ics-open-data-1.0.0.zip'))
    const files = (await readdir(folderOf('1.0.0'), {recursive: true, withFileTypes: true})).filter((entry) => entry.isFile()).map((entry) => path.relative(folderOf('1.0.0'), path.join(entry.parentPath, entry.name)))
    const expected = files.filter((name) => name !== 'SHA256SUMS' && !name.endsWith('.zip')).sort()
    expect(entries.map((entry) => entry.name)).toEqual(expected.map((name) => `kent-medway-ics-open-data-1.0.0/${name}`))
    for (const entry of entries) expect(entry.bytes.equals(await readFile(path.join(folderOf('1.0.0'), entry.name.replace(/^[^/]+\//, ''))))).toBe(true)
    expect(entries.every((entry) => entry.date.getFullYear() === 2025 && entry.date.getMonth() === 0 && entry.date.getDate() === 1)).toBe(true)
    const readme = entries.find((entry) => entry.name.endsWith('/README.md'))!.bytes.toString()
    expect(readme).toContain('version 1.0.0')
    expect(readme).toContain('Open Government Licence v3.0')
    expect(readme).toContain('`value`')
  })

  it('should cut no release when nothing changed, and refuse a released version even then', async () => {
    const before = await releasesState()
    const {code, out} = await run([])
    expect(code).toBe(0)
    expect(out).toBe('No change since 1.0.0: no release to cut.')
    const again = await run(['--version', '1.0.0'])
    expect(again.code).toBe(1)
    expect(again.out).toContain('Unexpected version 1.0.0: it is released already, and a release is never rewritten')
    expect(await releasesState()).toBe(before)
  })

  it('should make a changed value a patch, with the field\'s old and new value in the changelog', async () => {
    await edit(root, 'sources/judgements/a.yml', 'label: Networks,', 'label: Primary care networks,')
    expect((await run(['--dry-run'])).out).toMatch(/^next version: 1\.0\.1 \(patch: 1 record changed in statistics\)$/m)
    const result = await cut({date: '2025-01-02'})
    expect(result.version).toBe('1.0.1')
    expect(await changesCsv('1.0.1')).toEqual([{dataset: 'statistics', id: 'networks-a', change: 'changed', field: 'label', old_value: 'Networks', new_value: 'Primary care networks', reason: ''}])
    const changes = await readJson<{from: string; to: string; records: unknown[]}>('1.0.1', 'changes.json')
    expect(changes).toMatchObject({from: '1.0.0', to: '1.0.1', records: [{dataset: 'statistics', id: 'networks-a', change: 'changed', fields: [{field: 'label', old: 'Networks', new: 'Primary care networks'}]}]})
    expect(await readJson<ReleaseRecord>('1.0.1', 'release.json')).toMatchObject({previous: '1.0.0', bump: 'patch', changes: {added: 0, removed: 0, changed: 1}})
  })

  it('should make an added record a minor release, and let an editor raise the bump but never lower it', async () => {
    await edit(root, 'sources/documents/b.md', 'Four places make up the system.\n', 'Four places make up the system.\n\nIt has 13 hospitals.\n')
    await edit(root, 'sources/judgements/b.yml', '\n', '\n  - {id: hospitals, quote: It has 13 hospitals, label: Hospitals, unit: hospitals}\n')
    expect((await run(['--dry-run'])).out).toMatch(/^next version: 1\.1\.0 \(minor: 1 record added to statistics\)$/m)
    expect((await run(['--dry-run', '--bump', 'major'])).out).toMatch(/^next version: 2\.0\.0 \(major, raised from minor: 1 record added to statistics\)$/m)
    const before = await releasesState()
    const lowered = await run(['--bump', 'patch'])
    expect(lowered.code).toBe(1)
    expect(lowered.out).toContain('Unexpected `--bump patch`, expected minor or higher: 1 record added to statistics')
    expect(await releasesState()).toBe(before)
    expect((await cut({date: '2025-01-03'})).version).toBe('1.1.0')
    expect((await changesCsv('1.1.0')).filter((row) => row['dataset'] === 'statistics')).toEqual([{dataset: 'statistics', id: 'hospitals-b', change: 'added', field: '', old_value: '', new_value: '', reason: ''}])
  })

  it('should make a removed record a major release, saying why it went', async () => {
    await rm(path.join(root, 'sources/documents/b.md'))
    await rm(path.join(root, 'sources/judgements/b.yml'))
    const result = await cut({date: '2025-01-04'})
    expect(result.version).toBe('2.0.0')
    expect(result.decision?.reasons.major).toEqual(['1 record removed from documents', '2 records removed from statistics', '1 file removed (texts/b.json)'])
    const removed = (await changesCsv('2.0.0')).filter((row) => row['change'] === 'removed')
    expect(removed).toContainEqual({dataset: 'statistics', id: 'places-b', change: 'removed', field: '', old_value: '', new_value: '', reason: 'Its source document, b, was removed from the sources.'})
    expect(removed).toContainEqual({dataset: 'documents', id: 'b', change: 'removed', field: '', old_value: '', new_value: '', reason: 'The document was removed from the sources (sources/documents/b.md).'})
  })

  it('should refuse a version that exists or is lower than the changes need, writing nothing', async () => {
    await edit(root, 'sources/judgements/a.yml', 'label: Primary care networks,', 'label: PCNs,')
    const before = await releasesState()
    const existing = await run(['--version', '2.0.0'])
    expect(existing.code).toBe(1)
    expect(existing.out).toContain('Unexpected version 2.0.0: it is released already, and a release is never rewritten')
    const lower = await run(['--version', '1.2.0'])
    expect(lower.code).toBe(1)
    expect(lower.out).toContain('Unexpected version 1.2.0, expected 2.0.1 or higher')
    expect(await releasesState()).toBe(before)
    expect((await cut({version: '2.1.0', date: '2025-01-05'})).version).toBe('2.1.0')
  })

  it('should make the same zip, byte for byte, from the same sources', async () => {
    await edit(root, 'sources/judgements/a.yml', 'label: PCNs,', 'label: Networks of practices,')
    const [first, second] = [await cut({dryRun: true, date: '2025-01-06'}), await cut({dryRun: true, date: '2025-01-06'})]
    const name = 'kent-medway-ics-open-data-2.1.1.zip'
    expect(first.outputs.get(name)).toBeDefined()
    expect(first.outputs.get(name)!.equals(second.outputs.get(name)!)).toBe(true)
    expect(first.outputs.get('SHA256SUMS')!.equals(second.outputs.get('SHA256SUMS')!)).toBe(true)
  })
})

describe('release dates', () => {
  it('should refuse a day that does not exist, one a zip cannot hold, or one before the last release, writing nothing', async () => {
    const before = await releasesState()
    for (const [date, reason] of [['2026-02-30', 'expected a day that exists'], ['1975-06-01', 'from 1980 to 2107'], ['2026-13-01', 'expected a day that exists'], ['2024-12-31', 'before 2025-01-05']]) {
      const {code, out} = await run(['--dry-run', '--date', date!])
      expect(code, date).toBe(1)
      expect(out, date).toContain(reason)
      expect(out, date).not.toMatch(/\n\s+at /)
    }
    expect(await releasesState()).toBe(before)
  })
})

describe('frozen releases', () => {
  const data1 = async () => {
    const lines: string[] = []
    const {code} = await data({root, args: ['--no-cache'], io: {out: (line) => lines.push(line), err: (line) => lines.push(line)}})
    return {code, out: lines.join('\n')}
  }

  it('should fail the build and the release command, naming the file, when a released file changes', async () => {
    const file = path.join(folderOf('1.0.0'), 'statistics.csv')
    const bytes = await readFile(file)
    await writeFile(file, bytes.toString().replace('Networks', 'Changed'))
    try {
      const messages = checkReleases(root).flatMap((checked) => checked.messages.map((message) => `${checked.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`))
      expect(messages).toEqual([expect.stringMatching(/^dist-data\/releases\/1\.0\.0\/SHA256SUMS:\d+:67 release-modified Unexpected change to released file `statistics\.csv`/)])
      const built = await data1()
      expect(built.code).toBe(1)
      expect(built.out).toContain('statistics.csv')
      expect(built.out).toContain('git checkout -- dist-data/releases/')
      expect((await cut({dryRun: true})).ok).toBe(false)
    } finally {
      await writeFile(file, bytes)
    }
    expect(checkReleases(root).flatMap((checked) => checked.messages)).toEqual([])
    expect((await data1()).code).toBe(0)
  })

  it('should fail when a released file is removed or one is added', async () => {
    const file = path.join(folderOf('1.0.1'), 'changes.json')
    const bytes = await readFile(file)
    await rm(file)
    await writeFile(path.join(folderOf('1.1.0'), 'extra.csv'), 'a\n')
    try {
      const reasons = checkReleases(root).flatMap((checked) => checked.messages.map((message) => `${checked.path} ${message.reason}`))
      expect(reasons).toEqual([
        'dist-data/releases/1.0.1/SHA256SUMS Missing released file `changes.json`, expected it as frozen',
        'dist-data/releases/1.1.0/SHA256SUMS Unexpected file `extra.csv` added to a release, expected only the files listed here'
      ])
    } finally {
      await writeFile(file, bytes)
      await rm(path.join(folderOf('1.1.0'), 'extra.csv'))
    }
  })
})
