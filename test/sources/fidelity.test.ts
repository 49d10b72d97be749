/**
 * Fidelity: every source document keeps its original's wording. The plain
 * text of `sources/documents/<id>.md` (markdown parsed, syntax gone) must equal
 * the text of `test/fixtures/originals/<id>.txt` (a byte-for-byte copy of the
 * original), white space aside. The original is normalised by plain string
 * operations only, never parsed as markdown, so a markdown mistake (an escape,
 * a lost character, an accidental list or emphasis) shows up as a mismatch.
 */
import type {VFile} from 'vfile'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {parseSource} from '../../pipeline/parse/index.ts'
import {plainText} from '../../pipeline/parse/plain-text.ts'
import {toVFile} from '../../pipeline/read/index.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const documentsFolder = 'sources/documents'
const originalsFolder = 'test/fixtures/originals'

/** Page furniture of the web pages the originals were saved from; not content. */
const furniture = new Set(['Text Size:', 'Contrast:'])

/** Every run of Unicode white space (including no-break spaces) becomes one space; trimmed. */
function normaliseSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

/**
 * The original's text with the structure that the markdown turns into syntax
 * taken out: furniture lines, line-leading bullets ("•", "- ") and heading
 * markers ("#"), and the `**`/`*` emphasis markers some originals already have.
 */
function normaliseOriginal(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !furniture.has(line.trim()))
    .map((line) =>
      line
        .replace(/^\s*(?:•|- )\s*/u, '')
        .replace(/^\s*#+\s+/u, '')
        .replaceAll('**', '')
        .replaceAll('*', '')
    )
  return normaliseSpace(lines.join('\n'))
}

/** Whether the two texts are equal; if not, a readable account of the first difference. */
function mismatch(expected: string, actual: string, context = 60): string | null {
  if (expected === actual) return null
  let index = 0
  while (index < expected.length && index < actual.length && expected[index] === actual[index]) index++
  const around = (text: string): string => {
    const start = Math.max(0, index - context)
    const before = text.slice(start, index)
    const after = text.slice(index, index + context)
    return `${start > 0 ? '…' : ''}${before}⟦${after}${index + context < text.length ? '…' : ''}`
  }
  return [
    `first difference at character ${index} (original ${expected.length} characters, document ${actual.length}):`,
    `  original: ${JSON.stringify(around(expected))}`,
    `  document: ${JSON.stringify(around(actual))}`,
    '  (⟦ marks the first differing character)'
  ].join('\n')
}

/** Read and parse one document's markdown the way the pipeline does. */
function parse(id: string, bytes: Uint8Array): VFile {
  const file = toVFile(path.join(documentsFolder, `${id}.md`), bytes)
  parseSource(file)
  return file
}

function publishedText(file: VFile): string {
  const tree = file.data.tree
  if (!tree) throw new Error(`${file.path}: not parsed: ${file.messages.map(String).join('; ')}`)
  return normaliseSpace(plainText(tree))
}

const ids = (await readdir(path.join(root, originalsFolder)))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => path.basename(name, '.txt'))
  .sort()

async function readDocument(id: string): Promise<Uint8Array> {
  return readFile(path.join(root, documentsFolder, `${id}.md`))
}

async function readOriginal(id: string): Promise<string> {
  return readFile(path.join(root, originalsFolder, `${id}.txt`), 'utf8')
}

describe('source documents keep their originals’ wording', () => {
  it('has one original for every document and one document for every original', async () => {
    const documents = (await readdir(path.join(root, documentsFolder)))
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.basename(name, '.md'))
      .sort()
    expect(ids.length).toBeGreaterThan(0)
    expect(documents).toEqual(ids)
  })

  for (const id of ids) {
    describe(id, () => {
      it('parses without errors', async () => {
        const file = parse(id, await readDocument(id))
        expect(file.messages.map(String)).toEqual([])
        expect(file.data.matter).toBeDefined()
      })

      it('has a frontmatter `id` equal to its file name', async () => {
        const file = parse(id, await readDocument(id))
        expect(file.data.matter?.['id']).toBe(id)
      })

      it('has the plain text of its original', async () => {
        const file = parse(id, await readDocument(id))
        expect(mismatch(normaliseOriginal(await readOriginal(id)), publishedText(file))).toBeNull()
      })
    })
  }
})

describe('the fidelity check', () => {
  // A document and its original made up for the test, so the check is shown to work whatever documents there are.
  const original = ['# Our plans', '', 'Text Size:', '• The partnership, previously reffered to as the <STP>, meets monthly.', '- It costs just £86m a year, **about 2%** of the budget.', ''].join('\r\n')
  const document = [
    '---',
    'id: fixture',
    'title: Test document',
    '---',
    '# Our plans',
    '',
    '- The partnership, previously reffered to as the \\<STP>,',
    '  meets monthly.',
    '- It costs just £86m a year, **about 2%** of the budget.',
    ''
  ].join('\n')
  const check = (markdown: string) => mismatch(normaliseOriginal(original), publishedText(parse('fixture', new TextEncoder().encode(markdown))))

  it('passes a document that keeps its original’s words, whatever its markdown and line breaks', () => {
    expect(check(document)).toBeNull()
  })

  it('fails when a word is changed (“reffered” corrected to “referred”), pointing at the change', () => {
    const report = check(document.replace('reffered', 'referred'))
    expect(report).toContain('previously ref⟦fered')
    expect(report).toContain('previously ref⟦erred')
  })

  it('fails when a character is lost (the “£” of “£86m”)', () => {
    expect(check(document.replace('£86m', '86m'))).toMatch(/just ⟦£86m/)
  })

  it('fails when markdown eats characters (an unescaped `<STP>` read as HTML)', () => {
    expect(check(document.replace('\\<STP>', '<STP>'))).toMatch(/as the ⟦<STP>/)
  })

  it('treats every kind of white space alike, and nothing else', () => {
    expect(normaliseSpace(' a\u00a0 b\n\n\tc ')).toBe('a b c')
    expect(mismatch('abc', 'abc')).toBeNull()
    expect(mismatch('abcdef', 'abXdef')).toContain('character 2')
  })
})
