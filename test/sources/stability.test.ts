/**
 * Citations that never drift (issue 9, sections 1, 2 and 6), checked as
 * invariants over a temporary copy of the project, whatever documents it
 * holds — the real ones, and the real ones with a sixth document added (a
 * fixture copied under a new id, with its judgements file):
 *
 * - it builds, every record resolves, every record's `line` and `column`
 *   point at its quote in its document's text (line 1 is the first line after
 *   the frontmatter), every id follows the one id rule, and `documents.sha256`
 *   is the SHA-256 of the text alone;
 * - 20 lines of notes added to every judgements file and to every
 *   frontmatter change no output at all: no `line`, no `column`, no hash;
 * - editing a sentence no record quotes changes no id of any dataset, and
 *   lines added to a text move the records after them, never an id.
 */
import {createHash} from 'node:crypto'
import {cp, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {build, type BuildResult} from '../../pipeline/build.ts'
import {datasets} from '../../pipeline/datasets.ts'
import {documentsFolder, judgementsFolder, listDocuments} from '../../pipeline/read/index.ts'
import {comparable, copyProject, projectRoot, removeProject} from '../helpers/project.ts'

type Row = Record<string, unknown> & {id: string; document: string; line: number; column: number; quote: string}

/** The fixture copied as a sixth document, and the id it gets. */
const sixth = {fixture: 'test/fixtures/hostile/formula-payloads/sources', id: 'hostile-formulas', as: 'a-sixth-document'}

const projects = [
  {name: 'the real sources', more: false},
  {name: 'the real sources and a sixth document', more: true}
]

describe.each(projects)('$name', ({more}) => {
  let root: string
  let before: BuildResult
  beforeAll(async () => {
    root = await copyProject()
    if (more) {
      for (const [folder, extension] of [[documentsFolder, '.md'], [judgementsFolder, '.yml']] as const) {
        const text = await readFile(path.join(projectRoot, sixth.fixture, path.basename(folder), sixth.id + extension), 'utf8')
        await writeFile(path.join(root, folder, sixth.as + extension), extension === '.md' ? text.replace(`\nid: ${sixth.id}\n`, `\nid: ${sixth.as}\n`) : text)
      }
    }
    before = await built(root)
  })
  afterAll(async () => removeProject(root))

  it('should build, every record resolving to its quote at its line and column of its document’s text', async () => {
    const stems = listDocuments(root).map((entry) => entry.name.slice(0, -'.md'.length))
    if (more) expect(stems).toContain(sixth.as)
    expect(rows(before, 'documents').map((row) => row.id).sort()).toEqual([...stems].sort())
    const texts = new Map(await Promise.all(stems.map(async (stem) => [stem, textOf(await readFile(path.join(root, documentsFolder, `${stem}.md`), 'utf8'))] as const)))
    for (const dataset of datasets) {
      for (const row of rows(before, dataset.name)) {
        expect(row.id, `${dataset.name} ${row.id}`).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
        expect(row.id.length, `${dataset.name} ${row.id}`).toBeLessThanOrEqual(64)
        const lines = texts.get(row.document)!.split('\n')
        // From the record's line and column on, the text with markdown's markup taken out and white space folded reads the quote.
        const from = [lines[row.line - 1]!.slice(row.column - 1), ...lines.slice(row.line)].join('\n')
        expect(plain(from).startsWith(row.quote), `${dataset.name} ${row.id} at ${row.document}:${row.line}:${row.column}`).toBe(true)
      }
    }
    for (const row of rows(before, 'documents')) expect(row['sha256'], row.id).toBe(createHash('sha256').update(texts.get(row.id)!).digest('hex'))
  })

  it('should write the same bytes after 20 lines of notes are added to every judgements file and every frontmatter', async () => {
    const copy = await copyOf(root)
    try {
      for (const entry of listDocuments(copy)) {
        const stem = entry.name.slice(0, -'.md'.length)
        const document = path.join(copy, documentsFolder, entry.name)
        const source = await readFile(document, 'utf8')
        const close = source.indexOf('\n---', 4)
        expect(source.startsWith('---\n') && close > 0, entry.name).toBe(true)
        // Ten note lines after the opening `---`, ten before the closing one.
        await writeFile(document, `---\n${notes('frontmatter', 10)}${source.slice(4, close + 1)}${notes('frontmatter', 10)}${source.slice(close + 1)}`)
        const judgements = path.join(copy, judgementsFolder, `${stem}.yml`)
        const yaml = await readFile(judgements, 'utf8')
        const first = yaml.indexOf('\n') + 1
        // Ten at the top, ten inside the first list.
        await writeFile(judgements, `${notes('judgements', 10)}${yaml.slice(0, first)}${notes('judgements', 10, '  ')}${yaml.slice(first)}`)
        expect(parse(await readFile(judgements, 'utf8'))).toEqual(parse(yaml))
      }
      const after = await built(copy)
      // Said field by field first, for a readable failure; then byte for byte, every file of the release.
      for (const dataset of datasets) expect(rows(after, dataset.name).map(place), dataset.name).toEqual(rows(before, dataset.name).map(place))
      expect(rows(after, 'documents').map((row) => row['sha256'])).toEqual(rows(before, 'documents').map((row) => row['sha256']))
      expect([...after.outputs.keys()]).toEqual([...before.outputs.keys()])
      for (const [name, content] of before.outputs) expect(comparable(after.outputs.get(name)!), name).toEqual(comparable(content))
    } finally {
      await removeProject(copy)
    }
  })

  it('should keep every id of every dataset when a sentence no record quotes is edited', async () => {
    const copy = await copyOf(root)
    try {
      const edited: string[] = []
      for (const entry of listDocuments(copy)) {
        const stem = entry.name.slice(0, -'.md'.length)
        const file = path.join(copy, documentsFolder, entry.name)
        const source = await readFile(file, 'utf8')
        const bodyStart = source.indexOf('\n---\n', 4) + 5
        const lines = source.slice(bodyStart).split('\n')
        const quoted = quotesOf(parse(await readFile(path.join(copy, judgementsFolder, `${stem}.yml`), 'utf8')))
        const recordLines = new Set(datasets.flatMap((dataset) => rows(before, dataset.name).filter((row) => row.document === stem).map((row) => row.line)))
        const paragraph = paragraphsOf(lines).find(({first, last}) => {
          for (let line = first; line <= last; line++) if (recordLines.has(line)) return false
          const text = plain(lines.slice(first - 1, last).join('\n'))
          return !quoted.some((quote) => text.includes(plain(quote)) || plain(quote).includes(text))
        })
        if (!paragraph) continue
        lines[paragraph.first - 1] = `Edited: ${lines[paragraph.first - 1]}`
        await writeFile(file, source.slice(0, bodyStart) + lines.join('\n'))
        edited.push(stem)
      }
      expect(edited.length, 'documents with a sentence no record quotes').toBeGreaterThan(0)
      const after = await built(copy)
      for (const dataset of datasets) expect(rows(after, dataset.name).map((row) => row.id), dataset.name).toEqual(rows(before, dataset.name).map((row) => row.id))
      // The edits were real: each edited document's text, and so its hash, changed.
      const hashes = (result: BuildResult) => new Map(rows(result, 'documents').map((row) => [row.id, row['sha256']]))
      for (const stem of edited) expect(hashes(after).get(stem), stem).not.toBe(hashes(before).get(stem))
    } finally {
      await removeProject(copy)
    }
  })

  it('should move the records after lines added to a text, and keep every id', async () => {
    const copy = await copyOf(root)
    try {
      // Two lines (a paragraph and a blank line) after each text's first heading.
      const heading = new Map<string, number>()
      for (const entry of listDocuments(copy)) {
        const file = path.join(copy, documentsFolder, entry.name)
        const source = await readFile(file, 'utf8')
        const bodyStart = source.indexOf('\n---\n', 4) + 5
        const lines = source.slice(bodyStart).split('\n')
        const index = lines.findIndex((line) => line.startsWith('#'))
        expect(index, entry.name).toBeGreaterThanOrEqual(0)
        lines.splice(index + 1, 0, '', 'A paragraph added for the test.')
        await writeFile(file, source.slice(0, bodyStart) + lines.join('\n'))
        heading.set(entry.name.slice(0, -'.md'.length), index + 1)
      }
      const after = await built(copy)
      for (const dataset of datasets) {
        const moved = rows(before, dataset.name).map((row) => ({...place(row), line: row.line > heading.get(row.document)! ? row.line + 2 : row.line}))
        expect(rows(after, dataset.name).map(place), dataset.name).toEqual(moved)
      }
    } finally {
      await removeProject(copy)
    }
  })
})

/** Build `root` in memory; it must build without a message. */
async function built(root: string): Promise<BuildResult> {
  const result = await build({root, out: null})
  expect(result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${String(message)}`))).toEqual([])
  expect(result.ok).toBe(true)
  return result
}

/** Another copy of a project's sources, to edit. */
async function copyOf(root: string): Promise<string> {
  const copy = await copyProject()
  await rm(path.join(copy, 'sources'), {recursive: true, force: true})
  await cp(path.join(root, 'sources'), path.join(copy, 'sources'), {recursive: true})
  return copy
}

function rows(result: BuildResult, name: string): Row[] {
  return result.datasets.find((dataset) => dataset.name === name)!.records as unknown as Row[]
}

/** Where a record is cited. */
function place(row: Row): {id: string; document: string; line: number; column: number; quote: string} {
  return {id: row.id, document: row.document, line: row.line, column: row.column, quote: row.quote}
}

/** A document's text: everything after the frontmatter's closing line, as the pipeline reads it (no byte-order mark, LF line ends). */
function textOf(source: string): string {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  return text.slice(text.indexOf('\n---\n', 4) + 5)
}

/** Markdown's inline markup taken out, white space folded: near enough to the plain text quotes are matched against. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*|__|[*_`]|\[|\]\([^)]*\)|\]/g, '').replace(/\s+/g, ' ').trim()
}

/** `count` YAML comment lines of editorial notes. */
function notes(where: string, count: number, indent = ''): string {
  return Array.from({length: count}, (_, index) => `${indent}# Note ${index + 1} in the ${where}: an editor's remark, not data.\n`).join('')
}

/** Every `quote` of a judgements file, at any depth. */
function quotesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(quotesOf)
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => (key === 'quote' && typeof item === 'string' ? [item] : quotesOf(item)))
  return []
}

/** The plain paragraphs of a text (not headings, lists, quotes, tables or HTML), as ranges of 1-based lines. */
function paragraphsOf(lines: readonly string[]): Array<{first: number; last: number}> {
  const paragraphs: Array<{first: number; last: number}> = []
  let index = 0
  while (index < lines.length) {
    if (lines[index]!.trim() === '') {
      index++
      continue
    }
    const first = index
    while (index < lines.length && lines[index]!.trim() !== '') index++
    const block = lines.slice(first, index)
    if (!block.some((line) => /^\s*(?:[#>|<]|[-*+] |\d+[.)] |```|~~~)/.test(line) || /^\s{4}/.test(line))) paragraphs.push({first: first + 1, last: index})
  }
  return paragraphs
}
