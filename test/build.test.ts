/**
 * The whole pipeline over the real sources: it builds, it is deterministic, the
 * committed dist-data/draft/ is what it builds, and a bad input stops it with a
 * file:line:column message while dist-data/ stays byte-identical.
 */
import {execFile} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../pipeline/build.ts'
import {copyProject, edit, projectRoot, removeProject, snapshot, write} from './helpers/project.ts'

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
    expect(result.datasets.map((dataset) => dataset.name)).toEqual(['documents', 'terms', 'term-definitions', 'term-relations', 'organisations', 'board-members', 'statistics', 'timeline'])
  })

  it('should give byte-identical output twice', async () => {
    const again = await build({root: projectRoot, out: null})
    expect([...again.outputs]).toEqual([...result.outputs])
  })

  it('should match the committed dist-data/draft/ exactly (run `npm run data` and commit when this fails)', async () => {
    const committed = await snapshot(path.join(projectRoot, 'dist-data/draft'))
    expect([...committed.keys()].sort()).toEqual([...result.outputs.keys()].sort())
    for (const [name, text] of result.outputs) expect(Buffer.from(committed.get(name)!, 'base64').toString('utf8'), name).toBe(text)
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

  it('should reject a quote that no longer matches the text, at the judgement’s line', async () => {
    await rejectEdit('sources/documents/kent-medway-our-ics.md', 'Forty two\u00a0primary care networks\u00a0across', 'Forty one\u00a0primary care networks\u00a0across', /sources\/documents\/kent-medway-our-ics\.md\n\s*\d+:\d+(-\d+:\d+)?\s+error\s+Unexpected quote `[^`]*Forty two[^`]*` that is not in the text.*quote-not-found/)
  })

  it('should reject bad frontmatter with the field named', async () => {
    await rejectEdit('sources/documents/kent-medway-glossary.md', 'language: en-GB', 'language: English', /kent-medway-glossary\.md\n\s*\d+:11(-\d+:\d+)?\s+error\s+Unexpected value of `language`: it must match pattern.*schema-frontmatter/)
  })

  it('should reject broken YAML', async () => {
    await rejectEdit('sources/documents/kent-medway-glossary.md', 'language: en-GB', 'language: [en-GB', /kent-medway-glossary\.md\n\s*\d+:\d+(-\d+:\d+)?\s+error\s+Unexpected YAML: .*yaml-syntax/)
  })

  it('should reject a duplicate record id, pointing at the first', async () => {
    const source = await readFile(path.join(root, 'sources/documents/kent-medway-our-ics.md'), 'utf8')
    const id = /statistics:\n\s+- id: (\S+)/.exec(source)?.[1]
    expect(id).toBeTruthy()
    const header = source.slice(0, source.indexOf('\n---\n', 4)).replace('id: kent-medway-our-ics', 'id: zz-duplicate-test').replace(/\nterms:[\s\S]*$/, '')
    await write(root, 'sources/documents/zz-duplicate-test.md', `${header}\nstatistics:\n  - {id: ${id}, quote: Forty two, label: Copy, unit: x}\n---\n\n# Our integrated care system\n\nForty two.\n`)
    try {
      await expectRejected(new RegExp(`zz-duplicate-test\\.md\\n\\s*\\d+:\\d+(-\\d+:\\d+)?\\s+error\\s+Unexpected duplicate statistics id \`${id}\`, first at kent-medway-our-ics:\\d+:\\d+.*duplicate-id`))
    } finally {
      await removeProject(path.join(root, 'sources/documents/zz-duplicate-test.md'))
    }
  })

  it('should reject a register entry that breaks its schema, at its line, instead of crashing', async () => {
    await rejectEdit('sources/reference/organisations.yml', '    sector: nhs\n', '    sector: health\n', /organisations\.yml\n\s*\d+:13(-\d+:\d+)?\s+error\s+Unexpected value of `organisations\.\d+\.sector`, expected one of `nhs`.*schema-frontmatter/)
  })

  it('should write when the input is good again', async () => {
    const {stdout} = await run(process.execPath, [cli], {cwd: root})
    expect(stdout).toMatch(/^Built 8 datasets from 5 documents/)
    const {outputs} = await build({root, out: null})
    const written = await snapshot(path.join(root, 'dist-data/draft'))
    expect([...written.keys()].sort()).toEqual([...outputs.keys()].sort())
    for (const [name, text] of outputs) expect(Buffer.from(written.get(name)!, 'base64').toString('utf8'), name).toBe(text)
  })
})
