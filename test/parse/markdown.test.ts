/**
 * parseMarkdown parses a plain frontmatter's body alone and moves its
 * positions (pipeline/parse/markdown.ts): the tree must be exactly the one
 * remark-parse with remark-frontmatter makes of the whole text, key order too.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {parseMarkdown, plainFrontmatter} from '../../pipeline/parse/markdown.ts'
import {projectRoot} from '../helpers/project.ts'

const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])

/** Both trees as JSON, so that key order counts as well as values. */
function expectSameTree(text: string): void {
  expect(JSON.stringify(parseMarkdown(text))).toBe(JSON.stringify(whole.parse(text)))
}

describe('parseMarkdown', () => {
  it('should give the tree of the whole text for every real document, parsing the body alone', () => {
    const folder = path.join(projectRoot, 'sources/documents')
    for (const name of readdirSync(folder)) {
      const text = readFileSync(path.join(folder, name), 'utf8')
      expect(plainFrontmatter(text), name).toBeDefined()
      expectSameTree(text)
    }
  })

  it('should move positions to the file’s lines and offsets', () => {
    const tree = parseMarkdown('---\na: 1\nb: 2\n---\n\n# Title\n')
    expect(tree.children.map((node) => [node.type, node.position])).toEqual([
      ['yaml', {start: {line: 1, column: 1, offset: 0}, end: {line: 4, column: 4, offset: 17}}],
      ['heading', {start: {line: 6, column: 1, offset: 19}, end: {line: 6, column: 8, offset: 26}}]
    ])
    expect(tree.children[0]).toMatchObject({value: 'a: 1\nb: 2'})
  })

  it('should leave what is not a plain frontmatter to remark-frontmatter', () => {
    for (const text of [
      '---  \na: 1\n---\nText\n', // trailing spaces on the opening fence
      '---\na: 1\n---\t\nText\n', // and on the closing one
      '---\na: 1\n---', // nothing after the block
      '---\na: 1\n---\n\n  \n', // only blank lines after it
      '---\r\na: 1\r\n---\r\nText\r\n',
      '---\na: \0\n---\nText\n',
      '---\na: 1\n---\n\ufeffText\n',
      '---\na: 1\n----\nText\n', // no closing fence
      '# Title\n'
    ]) {
      expect(plainFrontmatter(text), JSON.stringify(text)).toBeUndefined()
      expectSameTree(text)
    }
  })

  it('should close the block where micromark does, and parse a body that opens with `---` as markdown', () => {
    for (const text of ['---\n---\nText\n', '---\na: 1\n--- \n---\nText\n', '---\na: 1\n---\n---\nb: 2\n---\n', '---\n\n---\n- a\n\n  b\n']) {
      expectSameTree(text)
    }
    expect(plainFrontmatter('---\na: 1\n--- \n---\nText\n')).toBeUndefined()
    expect(plainFrontmatter('---\na: 1\n---\n---\nb: 2\n---\n')).toEqual({closeOffset: 9, bodyOffset: 13, bodyLine: 4})
  })

  it('should give the tree of the whole text for any lines after a frontmatter', () => {
    const lines = ['---', '--- ', '----', ' ---', '', ' ', '\t', 'a: 1', '  - x', '- item', '> quote', '# h', 'text', '***', '===', '```', '[a]: /u', '[a]', '<div>', '<!--', '\tcode', '1. one', '| a |', '|---|', 'x\r', '\ufeffz', 'é']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lines), {maxLength: 10}), fc.boolean(), (body, newline) => {
        expectSameTree(['---', ...body].join('\n') + (newline ? '\n' : ''))
      }),
      {numRuns: 3000}
    )
  })
})
