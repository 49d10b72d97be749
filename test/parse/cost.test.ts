/**
 * The parse-cost guard (pipeline/parse/nesting.ts `scanCost`): shapes that
 * micromark needs far more than linear time for are refused before parsing,
 * at the place where the run starts. Each budget is tested just under and just
 * over its limit, so the counts and places below are exact, not approximate.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {costLimits, scanCost} from '../../pipeline/parse/nesting.ts'
import {frontmatter, messagesOf, parsed, projectRoot} from '../helpers/project.ts'

const head = frontmatter('a')
/** The line the body starts on, right after the frontmatter. */
const body = head.split('\n').length

/** The one message of a document refused by the guard, as `line:column ruleId reason`. */
function refusal(text: string): string {
  const messages = messagesOf(parsed('a', head + text))
  expect(messages).toHaveLength(1)
  return messages[0]!
}

describe('scanCost', () => {
  it('should accept the real documents, and their bodies repeated to 2 MB', () => {
    const folder = path.join(projectRoot, 'sources/documents')
    const texts = readdirSync(folder).map((name) => readFileSync(path.join(folder, name), 'utf8'))
    expect(texts.length).toBeGreaterThan(0)
    for (const text of texts) expect(scanCost(text)).toBeUndefined()
    const bodies = texts.map((text) => text.slice(text.indexOf('\n---\n') + 5)).join('\n\n')
    expect(scanCost(head + bodies.repeat(Math.ceil(2_000_000 / bodies.length)))).toBeUndefined()
  })

  it('should keep the budgets it was measured with', () => {
    expect(costLimits).toEqual({setextHeadings: 2000, tokens: 2 ** 18, containers: 2 ** 25, lazyLines: 2 ** 25, inline: 2 ** 26, scans: 2 ** 25, references: 2 ** 28})
  })

  describe('setext headings', () => {
    it('should accept 2,000', () => {
      expect(scanCost(head + 'Title\n=====\n\n'.repeat(2000))).toBeUndefined()
    })

    it('should refuse 2,001 at the first', () => {
      expect(refusal('Some text.\n\n' + 'Title\n-----\n\n'.repeat(2001))).toBe(
        `${body + 2}:1 markdown-complexity Unexpected more than 2000 setext headings (text underlined with \`=\` or \`-\`) from here on, expected at most 2000 (parsing time grows with the square of their number): write headings as \`# Heading\``
      )
    })

    it('should not count ATX headings, or thematic breaks after a blank line', () => {
      expect(scanCost(head + '# Title\n\n'.repeat(3000) + 'Text\n\n---\n\n'.repeat(3000))).toBeUndefined()
    })

    it('should count them in block quotes and list items', () => {
      expect(scanCost(head + '> Title\n> =====\n\n'.repeat(2001))?.place).toEqual({line: body, column: 3})
      expect(scanCost(head + '- Title\n  =====\n'.repeat(2001))?.place).toEqual({line: body, column: 3})
    })
  })

  describe('lists and block quotes that end', () => {
    // Quote k ends on the blank line after it, with 4k events before: Σ 4k = 2n(n + 1) passes 2^25 at n = 4096.
    it('should refuse the block quote that goes over the budget, at its start', () => {
      expect(scanCost(head + '> a\n\n'.repeat(4095))).toBeUndefined()
      expect(refusal('> a\n\n'.repeat(5000))).toBe(
        `${body + 2 * 4095}:1 markdown-complexity Unexpected block quote ending after line ${body + 2 * 4095}, expected fewer lists and block quotes in a document this long (each one that ends makes the parser go over the document so far): merge them, or split the document`
      )
    })

    it('should refuse lists nested in every item', () => {
      expect(refusal('- a\n  - b\n'.repeat(5000))).toMatch(/^\d+:3 markdown-complexity Unexpected list ending after line/)
    })

    it('should accept one long block quote, and one long list', () => {
      expect(scanCost(head + '> a\n'.repeat(20_000))).toBeUndefined()
      expect(scanCost(head + '- a\n'.repeat(20_000))).toBeUndefined()
      expect(scanCost(head + '1. a\n\n'.repeat(20_000))).toBeUndefined()
    })
  })

  describe('lazy lines', () => {
    // The k-th lazy line walks back over k lines: Σ k = n(n + 1) / 2 passes 2^25 at n = 8192.
    it('should refuse a paragraph continued lazily 8,192 times, at the paragraph', () => {
      expect(scanCost(head + '> a\n' + 'b\n'.repeat(8191))).toBeUndefined()
      expect(refusal('> a\n' + 'b\n'.repeat(8192))).toBe(
        `${body}:3 markdown-complexity Unexpected paragraph of 8192 lines continued without the \`>\` or indent of its block quote or list item (lazy lines), expected fewer in a document (each makes the parser go over the paragraph again): start every line with its \`>\` or indent, or split the paragraph`
      )
    })

    it('should accept the same lines with their markers', () => {
      expect(scanCost(head + '> b\n'.repeat(20_000))).toBeUndefined()
    })
  })

  describe('inline markers', () => {
    // n unmatched `*` on one line: n × (n + 1) passes 2^26 at n = 8192.
    it('should refuse unmatched emphasis, at the paragraph', () => {
      expect(scanCost(head + 'Intro.\n\n' + 'a* '.repeat(8191))).toBeUndefined()
      expect(refusal('Intro.\n\n' + 'a* '.repeat(8192))).toBe(
        `${body + 2}:1 markdown-complexity Unexpected 8192 inline markers (\`*\`, \`_\`, \`[\`, \`]\`, \`<\`, backticks) in a paragraph of 1 line, expected fewer in a document (parsing time grows with the square of those that match nothing): close or escape them (\`\\*\`), or split the paragraph`
      )
    })

    it('should refuse unmatched underscores, brackets and mixed markers', () => {
      for (const unit of ['_a ', '**a ', '[a ', 'a] ', '*a_ ', '[a][b] ']) {
        expect(refusal('> ' + unit.repeat(20_000)), unit).toMatch(new RegExp(`^${body}:3 markdown-complexity Unexpected \\d+ inline markers`))
      }
    })

    it('should add up over paragraphs', () => {
      expect(refusal('a* '.repeat(500) + '\n\n'.repeat(1) + ('a* '.repeat(500) + '\n\n').repeat(300))).toMatch(/^\d+:1 markdown-complexity Unexpected 500 inline markers/)
    })

    it('should not count markers in code, HTML blocks, escapes or definitions', () => {
      expect(scanCost(head + '```\n' + 'a* '.repeat(20_000) + '\n```\n')).toBeUndefined()
      expect(scanCost(head + '    ' + 'a* '.repeat(20_000) + '\n')).toBeUndefined()
      expect(scanCost(head + '<div>\n' + 'a* '.repeat(20_000) + '\n</div>\n')).toBeUndefined()
      expect(scanCost(head + '\\* '.repeat(20_000))).toBeUndefined()
    })
  })

  describe('unclosed code spans, HTML comments and link resources', () => {
    it('should refuse unclosed HTML comments in a paragraph, at the paragraph', () => {
      expect(scanCost(head + 'Comment ' + '<!-- a '.repeat(1000))).toBeUndefined()
      expect(refusal('Comment ' + '<!-- a '.repeat(4000))).toBe(
        `${body}:1 markdown-complexity Unexpected unclosed code spans, HTML comments or link resources (\`\` \` \`\`, \`<!--\`, \`](\`) in a paragraph, expected fewer in a document (each is looked for to the end of its paragraph): close or escape them, or split the paragraph`
      )
    })

    it('should refuse backtick runs and link resources that never close', () => {
      let ticks = ''
      for (let size = 1; ticks.length < 400_000; size++) ticks += 'e' + '`'.repeat(size)
      expect(refusal(ticks)).toMatch(new RegExp(`^${body}:1 markdown-complexity Unexpected unclosed code spans`))
      expect(refusal(('[ (](' + 'x'.repeat(20)).repeat(2000))).toMatch(new RegExp(`^${body}:1 markdown-complexity Unexpected unclosed code spans`))
    })

    it('should accept closed ones', () => {
      expect(scanCost(head + 'Comment ' + '<!-- a --> '.repeat(4000))).toBeUndefined()
      expect(scanCost(head + 'Code ' + '`a` '.repeat(4000))).toBeUndefined()
      // What a closed comment holds is not parsed, openers included.
      expect(scanCost(head + 'Comment <!-- ' + 'a <!-- '.repeat(4000) + '-->')).toBeUndefined()
    })
  })

  describe('link reference definitions', () => {
    const definitions = Array.from({length: 4096}, (_, index) => `[r${index}]: https://example.org/${index}\n`).join('')
    // 4,096 definitions × (4,096 definitions + 16 brackets × n paragraphs) passes 2^28 at n = 3,841.
    it('should refuse many definitions with many references, at the first definition', () => {
      expect(scanCost(head + definitions + '\n' + ('[x] '.repeat(16) + '\n\n').repeat(3840))).toBeUndefined()
      expect(refusal(definitions + '\n' + ('[x] '.repeat(16) + '\n\n').repeat(3841))).toBe(
        `${body}:1 markdown-complexity Unexpected 4096 link reference definitions (\`[label]: url\`) with 61456 closing brackets, expected fewer in a document (each definition and bracket is looked up among all definitions): write links inline (\`[text](url)\`), or split the document`
      )
    })
  })

  describe('lines and markers', () => {
    // Lines are counted from the first line after the frontmatter.
    it('should refuse the line that makes more than 262,144', () => {
      expect(scanCost(head + '```\n' + 'a\n'.repeat(2 ** 18 - 2))).toBeUndefined()
      expect(refusal('```\n' + 'a\n'.repeat(2 ** 18))).toBe(
        `${body + 2 ** 18}:1 markdown-complexity Unexpected more than 262144 lines, block quote and list markers, inline markers and escapes by this line, expected at most 262144 in a document (each costs the parser microseconds): join short lines, drop markup that is not needed, or split the document`
      )
    })
  })

  it('should leave nesting to the nesting guard', () => {
    expect(messagesOf(parsed('a', head + '*'.repeat(20_000) + 'a' + '*'.repeat(20_000) + '\n'))[0]).toMatch(new RegExp(`^${body}:1 nesting-depth `))
  })
})
