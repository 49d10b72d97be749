import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {addDocument} from '../../pipeline/add-document/index.ts'
import {projectRoot, removeProject, snapshot} from '../helpers/project.ts'

const run = promisify(execFile)
let root: string
const page = 'Who we are\n\nOur 87 GP practices work together in 15 PCNs, across Surrey Heath and Farnham.\n\nObjective 1: Improve outcomes\n\nOur plan runs from 2023 to 2028.\n'

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'icb-add-document-'))
  await mkdir(path.join(root, 'sources'), {recursive: true})
  await cp(path.join(projectRoot, 'sources/reference'), path.join(root, 'sources/reference'), {recursive: true})
  await cp(path.join(projectRoot, 'sources/publication.yml'), path.join(root, 'sources/publication.yml'))
  await writeFile(path.join(root, 'page.txt'), page)
})

afterAll(() => removeProject(root))

describe('addDocument', () => {
  it('should write the document and its candidates, unknowns as null with a note, and build at once', async () => {
    const result = await addDocument(root, ['page.txt', '--title', 'Who we are', '--published', '2024-03-01', '--geography', 'Frimley'])
    expect(result.code, result.lines.join('\n')).toBe(0)
    expect(result.lines[0]).toMatch(/^Added sources\/documents\/who-we-are\.md and sources\/judgements\/who-we-are\.yml \(2 figures, 1 date or period, .*\); the project builds\.$/u)
    const document = await readFile(path.join(root, 'sources/documents/who-we-are.md'), 'utf8')
    const [, yaml, body] = document.split(/^---\n/mu)
    const matter = parse(yaml!) as Record<string, unknown>
    expect(matter).toMatchObject({id: 'who-we-are', title: 'Who we are', title_note: null, url: null, date_published: '2024-03-01', date_updated: null, licence: null, geography: 'Frimley', geography_note: null})
    expect(matter['url_note']).toMatch(/^Unknown: .*fill in/u)
    expect(matter['licence_note']).toMatch(/^Unknown: .*fill in/u)
    expect((matter['publisher'] as Record<string, unknown>)['name']).toBeNull()
    expect((matter['publisher'] as Record<string, unknown>)['note']).toMatch(/^Unknown: .*fill in/u)
    expect(body).toBe('# Who we are\n\nOur 87 GP practices work together in 15 PCNs, across Surrey Heath and Farnham.\n\n## Objective 1: Improve outcomes\n\nOur plan runs from 2023 to 2028.\n')
    const {candidates} = parse(await readFile(path.join(root, 'sources/judgements/who-we-are.yml'), 'utf8'))
    expect(candidates.statistics.map((candidate: {figure?: string; label: string}) => [candidate.figure, candidate.label])).toEqual([['87', 'GP practices'], ['15', 'PCNs']])
    expect(candidates.timeline).toEqual([{quote: 'Our plan runs from 2023 to 2028.', when: 'from 2023 to 2028', read: {kind: 'period', from: '2023', to: '2028'}}])
    expect(candidates.terms.map((candidate: {abbreviation: string; read: {expansion: string | null}}) => [candidate.abbreviation, candidate.read.expansion])).toEqual([['GP', null], ['PCN', null]])
  })

  it('should refuse an existing id, a bad date, an unknown option or area, and a missing file, writing nothing', async () => {
    const before = await snapshot(path.join(root, 'sources'))
    const refusals: Array<[string[], RegExp]> = [
      [['page.txt', '--title', 'Who we are'], /^add-document: Unexpected id `who-we-are`: sources\/documents\/who-we-are\.md exists already, expected a new id; give another with `--id`$/u],
      [['page.txt', '--id', 'other', '--published', '2024-02-30'], /^add-document: Unexpected `--published` value `2024-02-30`, expected a day that exists/u],
      [['page.txt', '--id', 'other', '--author', 'me'], /^add-document: Unexpected option `--author`/u],
      [['page.txt', '--id', 'other', '--geography', 'Atlantis'], /^add-document: Unexpected `--geography` value `Atlantis`, expected the name of an area in sources\/reference\/areas\.yml/u],
      [['missing.txt', '--id', 'other'], /^add-document: Unexpected file `.*missing\.txt` that cannot be read \(ENOENT\)/u],
      [['page.txt', '--id', 'Not A Slug'], /^add-document: Unexpected id `Not A Slug`, expected a slug/u],
      [['page.txt', '--id', 'other', '--title', 'Not a line of it'], /^add-document: Unexpected `--title` `Not a line of it` that no heading or paragraph of the text reads/u]
    ]
    for (const [args, message] of refusals) {
      const result = await addDocument(root, args)
      expect(result.code, args.join(' ')).toBe(1)
      expect(result.lines).toEqual([expect.stringMatching(message), 'Nothing was written.'])
    }
    expect(await snapshot(path.join(root, 'sources'))).toEqual(before)
  })

  it('should take nothing in when the project does not build with the new document, and say why', async () => {
    await writeFile(path.join(root, 'sources/documents/broken.md'), 'No frontmatter here.\n')
    const result = await addDocument(root, ['page.txt', '--id', 'while-broken'])
    await rm(path.join(root, 'sources/documents/broken.md'))
    expect(result.code).toBe(1)
    expect(result.lines.join('\n')).toMatch(/missing-frontmatter[\s\S]*add-document: the project does not build with sources\/documents\/while-broken\.md \(see above\), so it was not added\. Nothing was written\.$/u)
    expect(existsSync(path.join(root, 'sources/documents/while-broken.md')) || existsSync(path.join(root, 'sources/judgements/while-broken.yml'))).toBe(false)
  })

  it('should name a page without a title after its file, with the title null and a note', async () => {
    const result = await addDocument(root, ['page.txt', '--geography', 'Frimley', '--id', 'untitled-page'])
    expect(result.code, result.lines.join('\n')).toBe(0)
    const matter = parse((await readFile(path.join(root, 'sources/documents/untitled-page.md'), 'utf8')).split(/^---\n/mu)[1]!)
    expect(matter.title).toBeNull()
    expect(matter.title_note).toMatch(/^Unknown: .*fill in/u)
  })

  it('should refuse, with a message and not a stack trace, a document it cannot write, leaving nothing behind', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'icb-add-document-'))
    try {
      await cp(path.join(root, 'sources'), path.join(other, 'sources'), {recursive: true})
      await cp(path.join(root, 'page.txt'), path.join(other, 'page.txt'))
      await rm(path.join(other, 'sources/judgements'), {recursive: true, force: true})
      await writeFile(path.join(other, 'sources/judgements'), 'a file where the folder should be\n')
      const result = await addDocument(other, ['page.txt', '--id', 'cannot-write'])
      expect(result.code).toBe(1)
      expect(result.lines).toEqual([expect.stringMatching(/^add-document: Unexpected error \w+ writing sources\/judgements\/cannot-write\.yml, expected sources\/documents\/ and sources\/judgements\/ to be folders the command can write to$/u), 'Nothing was written.'])
      expect(existsSync(path.join(other, 'sources/documents/cannot-write.md'))).toBe(false)
    } finally {
      await removeProject(other)
    }
  })

  it('should refuse as a command with a message and exit status 1, and no stack trace', async () => {
    const error = await run('npm', ['run', '-s', 'add-document', '--', 'page.txt', '--published', 'yesterday'], {cwd: projectRoot}).catch((failure: {code: number; stderr: string}) => failure)
    expect('code' in error && error.code).toBe(1)
    expect((error as {stderr: string}).stderr.trim().split('\n')).toEqual(['add-document: Unexpected `--published` value `yesterday`, expected a day that exists, written YYYY-MM-DD (e.g. 2024-03-31)', 'Nothing was written.'])
  })
})
