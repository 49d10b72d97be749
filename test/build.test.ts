/**
 * The whole pipeline over the real sources: it builds, it is deterministic, the
 * committed dist-data/draft/ is what it builds, and a bad input stops it with a
 * file:line:column message while dist-data/ stays byte-identical.
 */
import {execFile} from 'node:child_process'
import {readFile, readdir, rm} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../pipeline/build.ts'
import {datasets} from '../pipeline/datasets.ts'
import {comparable, copyProject, edit, frontmatter, projectRoot, readBack, removeProject, snapshot, write} from './helpers/project.ts'

const run = promisify(execFile)
const cli = path.join(projectRoot, 'pipeline/cli.ts')

describe('build over the real sources', () => {
  let result: BuildResult
  beforeAll(async () => {
    result = await build({root: projectRoot, out: null})
  })

  it('should build every dataset without a message', () => {
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.datasets.map((dataset) => dataset.name)).toEqual(datasets.map((dataset) => dataset.name))
  })

  it('should give byte-identical output twice', async () => {
    const again = await build({root: projectRoot, out: null})
    expect([...again.outputs]).toEqual([...result.outputs])
  })

  it('should match the committed dist-data/draft/ exactly (run `npm run data` and commit when this fails)', async () => {
    const committed = await snapshot(path.join(projectRoot, 'dist-data/draft'))
    expect([...committed.keys()].sort()).toEqual([...result.outputs.keys()].sort())
    for (const [name, content] of result.outputs) expect(readBack(committed.get(name)!, content), name).toEqual(comparable(content))
  })
})

describe('build on bad input', () => {
  let root: string
  let before: Map<string, string>
  beforeAll(async () => {
    root = await copyProject({distData: true})
    before = await snapshot(path.join(root, 'dist-data'))
  })
  afterAll(async () => removeProject(root))

  /** Make a bad edit, expect the build to reject it, then undo the edit whatever happened. */
  async function rejectEdit(file: string, search: string, replacement: string, pattern: RegExp): Promise<void> {
    await edit(root, file, search, replacement)
    try {
      await expectRejected(pattern)
    } finally {
      await edit(root, file, replacement, search)
    }
  }

  async function expectRejected(pattern: RegExp): Promise<void> {
    const failure = await run(process.execPath, [cli], {cwd: root}).then(() => undefined, (error: {code: number; stderr: string}) => error)
    expect(failure?.code).toBe(1)
    expect(failure?.stderr).toMatch(pattern)
    expect(failure?.stderr).toContain('dist-data/ is unchanged')
    expect(await snapshot(path.join(root, 'dist-data'))).toEqual(before)
  }

  it('should reject a quote that no longer matches the text, in the judgements file at the quote', async () => {
    await rejectEdit('sources/documents/kent-medway-our-ics.md', 'Forty two\u00a0primary care networks\u00a0across', 'Forty one\u00a0primary care networks\u00a0across', /sources\/judgements\/kent-medway-our-ics\.yml\n\s*\d+:\d+(-\d+:\d+)?\s+error\s+Unexpected quote `[^`]*Forty two[^`]*` that is not in the text.*quote-not-found/)
  })

  it('should reject bad frontmatter with the field named', async () => {
    await rejectEdit('sources/documents/kent-medway-glossary.md', 'language: en-GB', 'language: English', /kent-medway-glossary\.md\n\s*\d+:11(-\d+:\d+)?\s+error\s+Unexpected value of `language`: it must match pattern.*schema-frontmatter/)
  })

  it('should reject broken YAML in the frontmatter, in the document', async () => {
    await rejectEdit('sources/documents/kent-medway-glossary.md', 'language: en-GB', 'language: [en-GB', /sources\/documents\/kent-medway-glossary\.md\n\s*\d+:\d+(-\d+:\d+)?\s+error\s+Unexpected `\[` that is not closed on its line.*yaml-syntax/)
  })

  it('should reject broken YAML in a judgements file, in that file', async () => {
    const lines = (await readFile(path.join(root, 'sources/judgements/kent-medway-glossary.yml'), 'utf8')).split('\n')
    const quote = lines.find((text) => /^\s+quote: [^"'[{]/.test(text))
    expect(quote).toBeTruthy()
    await rejectEdit('sources/judgements/kent-medway-glossary.yml', `${quote}\n`, `${quote!.replace('quote: ', 'quote: [')}\n`, /sources\/judgements\/kent-medway-glossary\.yml\n\s*\d+:\d+(-\d+:\d+)?\s+error\s+Unexpected `\[` that is not closed on its line.*yaml-syntax/)
  })

  it('should reject an `ignore` entry whose quote is not in the text, at its quote', async () => {
    await write(root, 'sources/documents/zz-ignore-test.md', `${frontmatter('zz-ignore-test')}\n# Test document\n\nObjective 1 is care.\n`)
    await write(root, 'sources/judgements/zz-ignore-test.yml', 'ignore:\n  - {quote: Objective 9, reason: "Heading number, not a figure"}\n')
    try {
      await expectRejected(/sources\/judgements\/zz-ignore-test\.yml\n\s*2:13(-\d+:\d+)?\s+error\s+Unexpected quote `Objective 9` that is not in the text.*quote-not-found/)
    } finally {
      await rm(path.join(root, 'sources/documents/zz-ignore-test.md'))
      await rm(path.join(root, 'sources/judgements/zz-ignore-test.yml'))
    }
  })

  it('should reject an area that is not in the register, at the judgement', async () => {
    await write(root, 'sources/documents/zz-area-test.md', `${frontmatter('zz-area-test')}\n# Test document\n\nThere are 15 networks.\n`)
    await write(root, 'sources/judgements/zz-area-test.yml', 'statistics:\n  - {id: networks, quote: There are 15 networks, label: Networks, unit: networks, geography: Sussexx}\n')
    try {
      await expectRejected(/sources\/judgements\/zz-area-test\.yml\n\s*2:\d+(-\d+:\d+)?\s+error\s+Unexpected area `Sussexx` that is not in sources\/reference\/areas\.yml.*unknown-area/)
    } finally {
      await rm(path.join(root, 'sources/documents/zz-area-test.md'))
      await rm(path.join(root, 'sources/judgements/zz-area-test.yml'))
    }
  })

  it('should reject a judgements file without its document', async () => {
    await write(root, 'sources/judgements/zz-no-such-document.yml', 'statistics: []\n')
    try {
      await expectRejected(/sources\/judgements\/zz-no-such-document\.yml\n\s*1:1(-\d+:\d+)?\s+error\s+Unexpected judgements for `zz-no-such-document`.*judgements-without-document/)
    } finally {
      await rm(path.join(root, 'sources/judgements/zz-no-such-document.yml'))
    }
  })

  it('should reject a duplicate record id, pointing at the first', async () => {
    // Statistic ids are <key>-<document>: only one judgements file can repeat a key.
    await write(root, 'sources/documents/zz-duplicate-test.md', `${frontmatter('zz-duplicate-test')}\n# Test document\n\nForty two networks.\n\nForty two networks again.\n`)
    await write(root, 'sources/judgements/zz-duplicate-test.yml', 'statistics:\n  - {id: networks, quote: Forty two networks., label: Networks, unit: networks}\n  - {id: networks, quote: Forty two networks again, label: Networks, unit: networks}\n')
    try {
      await expectRejected(/zz-duplicate-test\.md\n\s*\d+:1(-\d+:\d+)?\s+error\s+Unexpected duplicate statistics id `networks-zz-duplicate-test`, first [^\n]*zz-duplicate-test\D+4\D+1\b.*duplicate-id/)
    } finally {
      await rm(path.join(root, 'sources/documents/zz-duplicate-test.md'))
      await rm(path.join(root, 'sources/judgements/zz-duplicate-test.yml'))
    }
  })

  it('should reject a register entry that breaks its schema, at its line, instead of crashing', async () => {
    await rejectEdit('sources/reference/organisations.yml', '    sector: nhs\n', '    sector: health\n', /organisations\.yml\n\s*\d+:13(-\d+:\d+)?\s+error\s+Unexpected value of `organisations\.\d+\.sector`, expected one of `nhs`.*schema-frontmatter/)
  })

  it('should report a release it cannot write as a message, without a stack trace, and change nothing', async () => {
    // A file where the release folder's parent should be: the file system refuses whoever runs the build, root included.
    const blocked = await copyProject()
    try {
      await write(blocked, 'dist-data', 'not a folder\n')
      const failure = await run(process.execPath, [cli], {cwd: blocked}).then(() => undefined, (error: {code: number; stderr: string}) => error)
      expect(failure?.code).toBe(1)
      expect(failure?.stderr).toMatch(/dist-data\/draft\n.*error\s+Unexpected (EEXIST|ENOTDIR) writing dist-data\/draft\/.*write-failed/)
      expect(failure?.stderr).not.toMatch(/\n\s+at /)
      expect(await readFile(path.join(blocked, 'dist-data'), 'utf8')).toBe('not a folder\n')
    } finally {
      await removeProject(blocked)
    }
  })

  it('should leave no dist-data/ behind when a project without one fails to build', async () => {
    const fresh = await copyProject()
    try {
      await edit(fresh, 'sources/judgements/kent-medway-glossary.yml', 'quote: ', 'quote: Words not in the text ')
      const failure = await run(process.execPath, [cli], {cwd: fresh}).then(() => undefined, (error: {code: number}) => error)
      expect(failure?.code).toBe(1)
      // The part cache may keep the documents that did build; the release folder must not appear.
      expect(await readdir(fresh)).not.toContain('dist-data')
    } finally {
      await removeProject(fresh)
    }
  })

  it('should write when the input is good again', async () => {
    const {stdout} = await run(process.execPath, [cli], {cwd: root})
    const documents = (await readdir(path.join(root, 'sources/documents'))).filter((name) => name.endsWith('.md'))
    expect(stdout).toMatch(new RegExp(`^Built ${datasets.length} datasets from ${documents.length} documents`))
    const {outputs} = await build({root, out: null})
    const written = await snapshot(path.join(root, 'dist-data/draft'))
    expect([...written.keys()].sort()).toEqual([...outputs.keys()].sort())
    for (const [name, content] of outputs) expect(readBack(written.get(name)!, content), name).toEqual(comparable(content))
  })
})
