/**
 * The limits on a document (pipeline/parse/limits.ts): lines, the depth of its
 * markdown and YAML, and the time its markdown takes to parse. The real
 * documents use a sliver of each; every shape micromark needs far more than
 * linear time for is stopped at its time limit, however it is built.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {LineCounter, parseDocument} from 'yaml'
import {describe, expect, it} from 'vitest'
import {maxDepth, maxLines, parseInTime, parseYamlDocument, timeLimit, tooDeep, tooManyLines} from '../../pipeline/parse/limits.ts'
import {parseMarkdown, plainFrontmatter} from '../../pipeline/parse/markdown.ts'
import {frontmatter, messagesOf, parsed, projectRoot} from '../helpers/project.ts'

const head = frontmatter('a')
/** The line the body starts on, right after the frontmatter. */
const body = head.split('\n').length

/** The one message of a document refused by a limit, as `line:column ruleId reason`. */
function refusal(text: string, judgements = ''): string {
  const file = parsed('a', head + text, judgements)
  const messages = [...messagesOf(file), ...messagesOf(file.data.judgements!).map((message) => `judgements ${message}`)]
  expect(messages).toHaveLength(1)
  return messages[0]!
}

type Node = {children?: Node[]}

/** How deep a markdown tree goes (a leaf is 0). */
function treeDepth(node: Node): number {
  return 1 + Math.max(-1, ...(node.children ?? []).map(treeDepth))
}

/** How deep a value's arrays and objects go (a scalar is 0, `{a: 1}` is 1). */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0
  return 1 + Math.max(0, ...Object.values(value).map(depthOf))
}

describe('the real documents', () => {
  const folder = path.join(projectRoot, 'sources/documents')
  const texts = readdirSync(folder).map((name) => readFileSync(path.join(folder, name), 'utf8'))

  it('should use under 2% of the lines, a sixth of the markdown depth, a sixteenth of the YAML depth, and parse in their time', () => {
    expect(texts.length).toBeGreaterThan(0)
    for (const text of texts) {
      expect(text.split('\n').length).toBeLessThan(maxLines / 50)
      const tree = parseInTime(parseMarkdown, text)
      expect('reason' in tree).toBe(false)
      expect(treeDepth(tree as Node)).toBeLessThanOrEqual(maxDepth / 6)
      expect(tooManyLines(text)).toBeUndefined()
      expect(tooDeep(tree as never)).toBeUndefined()
      const yaml = parseYamlDocument(text.slice(4, plainFrontmatter(text)!.closeOffset - 1), new LineCounter())
      expect('reason' in yaml).toBe(false)
      expect(depthOf((yaml as {toJS(): unknown}).toJS())).toBeLessThanOrEqual(maxDepth / 16)
    }
  })
})

describe('lines', () => {
  it('should accept a document of 20,000 lines and refuse one of 20,001, at line 20,001', () => {
    expect(maxLines).toBe(20_000)
    const lines = 'a\n'.repeat(maxLines - body + 1)
    expect(tooManyLines(head + lines)).toBeUndefined()
    expect(refusal(lines + 'b\n')).toBe(`20001:1 markdown-complexity Unexpected line 20001, expected at most 20000 lines in a document: split it into several documents`)
  })
})

describe('time', () => {
  it('should allow 250 ms and 4 ms per KB', () => {
    expect(timeLimit(0)).toBe(250)
    expect(timeLimit(10 * 1024)).toBe(290)
    expect(timeLimit(1024 * 1024)).toBe(4346)
    expect(timeLimit(2 * 1024 * 1024)).toBe(8442)
  })

  it('should give what the parser gives when it is done in time', () => {
    const text = head + '# Title\n\nSome *text* and a [link](https://example.org/).\n'
    expect(parseInTime(parseMarkdown, text)).toEqual(parseMarkdown(text))
  })

  it('should stop a parse at its limit, and parse as before after', () => {
    const started = performance.now()
    const result = parseInTime(() => {
      for (;;);
    }, 'a')
    const elapsed = performance.now() - started
    expect(result).toEqual({place: {line: 1, column: 1}, reason: 'Unexpected markdown that takes the parser more than 0.251 s, expected at most 0.25 s and 4 ms per KB (1 KB here)'})
    expect(elapsed).toBeGreaterThanOrEqual(250)
    // Once, or again with twice the time while the machine is too busy to give it half its time on the processor.
    expect(elapsed).toBeLessThan(15 * 251 + 1000)
    const text = head + '> a *b*\n\n- c\n'
    expect(parseInTime(parseMarkdown, text)).toEqual(parseMarkdown(text))
  })

  it('should give a parse that had little processor time more time', () => {
    // Asleep for 400 ms: stopped at 251 ms having used next to no processor time, then done within 502 ms.
    const result = parseInTime(() => {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400)
      return {done: true}
    }, 'a')
    expect(result).toEqual({done: true})
  })

  it('should pass on what the parser throws', () => {
    expect(() =>
      parseInTime(() => {
        throw new TypeError('broken')
      }, 'a')
    ).toThrow('broken')
  })

  // Each shape: under the line limit, and 10 to 60 times its time limit to parse (processor time on a loaded machine,
  // .scratch/unit-shapes.ts of the commit that made these limits). Refused when the limit is reached, with one message
  // for the whole document, as the parser does not say where it spends its time.
  const shapes: Array<[string, string]> = [
    ['setext headings (`a` underlined with `=`) × 5,000', 'a\n=\n'.repeat(5000)],
    ['block quotes that end (`> a`, a blank line) × 9,000', '> a\n\n'.repeat(9000)],
    ['lists that end (`- a`, a blank line, `b`) × 4,000', '- a\n\nb\n\n'.repeat(4000)],
    ['a list in each item × 6,000', '- a\n  - b\n'.repeat(6000)],
    ['lines continuing a block quote without `>` × 19,000', '> a\n' + 'b\n'.repeat(19_000)],
    ['unmatched emphasis (`a* `) × 20,000 in a line', 'a* '.repeat(20_000)],
    ['unmatched emphasis (`a*`) on 10,000 lines', 'a*\n'.repeat(10_000)],
    ['unclosed HTML comments × 10,000', 'Comment ' + '<!-- a '.repeat(10_000)],
    ['unclosed link resources × 20,000', '[ (](x'.repeat(20_000)],
    ['8,000 list markers on a line', '- '.repeat(8000) + 'a\n'],
    ['100,000 block quote markers on a line', '>'.repeat(100_000) + ' a\n'],
    ['emphasis nested 10,000 deep', '*'.repeat(20_000) + 'a' + '*'.repeat(20_000) + '\n']
  ]

  it.each(shapes)('should refuse %s at its time limit', (_, text) => {
    const limit = timeLimit(Buffer.byteLength(head + text))
    const started = performance.now()
    expect(refusal(text)).toBe(`1:1 markdown-complexity Unexpected markdown that takes the parser more than ${limit / 1000} s, expected at most 0.25 s and 4 ms per KB (${Math.ceil(Buffer.byteLength(head + text) / 1024)} KB here)`)
    expect(performance.now() - started).toBeLessThan(15 * limit + 1000)
  })
})

describe('markdown depth', () => {
  it('should accept 64 levels and refuse 65, at the first node past 64', () => {
    expect(maxDepth).toBe(64)
    // Block quotes 1 to 62, the paragraph 63, its text 64.
    expect(messagesOf(parsed('a', head + '>'.repeat(62) + ' a\n')).filter((message) => /nesting-depth/.test(message))).toEqual([])
    expect(refusal('>'.repeat(63) + ' a\n')).toBe(`${body}:65 nesting-depth Unexpected markdown nested 65 levels deep, expected at most 64`)
  })

  it('should refuse a tree 1,000 levels deep, parsed in milliseconds', () => {
    expect(refusal('>'.repeat(1000) + ' a\n')).toBe(`${body}:65 nesting-depth Unexpected markdown nested 1002 levels deep, expected at most 64`)
  })

  it('should count lists and their items, nested by indent', () => {
    // A list and its item per level: the 32nd item's paragraph is the first node at level 65 (its text at 66), the 33rd item's text at 68.
    const list = Array.from({length: 33}, (_, level) => ' '.repeat(2 * level) + '- a\n').join('')
    expect(refusal(list)).toBe(`${body + 31}:65 nesting-depth Unexpected markdown nested 68 levels deep, expected at most 64`)
  })
})

describe('YAML depth', () => {
  const parse = (text: string) => parseYamlDocument(text, new LineCounter())

  it('should parse as parseDocument does, with its errors', () => {
    for (const text of ['a: 1\nb: [x, {c: d}]\n', 'a: 1\na: 2\n', 'a: [1\n', 'a: 1\n---\nb: 2\n', '']) {
      const ours = parse(text)
      const theirs = parseDocument(text, {prettyErrors: false, uniqueKeys: true})
      expect('reason' in ours).toBe(false)
      if ('reason' in ours) continue
      expect(ours.toJS()).toEqual(theirs.toJS())
      expect(ours.errors.map((error) => [error.code, error.pos])).toEqual(theirs.errors.map((error) => [error.code, error.pos]))
    }
  })

  it('should accept 64 levels and refuse 65, at the 65th collection', () => {
    expect('reason' in parse('a: ' + '['.repeat(63) + ']'.repeat(63) + '\n')).toBe(false)
    expect(parse('a: ' + '['.repeat(64) + ']'.repeat(64) + '\n')).toEqual({offset: 66, reason: 'Unexpected YAML nested more than 64 levels deep, expected at most 64'})
  })

  it('should count block collections and flow maps as levels too', () => {
    expect(parse('a:\n  ' + '- '.repeat(64) + 'x\n')).toMatchObject({offset: 131})
    expect(parse(Array.from({length: 65}, (_, level) => ' '.repeat(level) + 'k:\n').join('') + ' '.repeat(65) + 'v\n')).toMatchObject({offset: 2272})
    expect(parse('a: ' + '{a: '.repeat(64) + '1' + '}'.repeat(64) + '\n')).toMatchObject({offset: 255})
  })

  it('should name the first too deep collection in the text', () => {
    const deep = '['.repeat(64) + ']'.repeat(64)
    expect(parse(`a: ${deep}\nb: ${deep}\n`)).toMatchObject({offset: 66})
    expect(parse(`a: [x, ${deep}, ${deep}]\n`)).toMatchObject({offset: 69})
  })

  it('should not count brackets in quotes and comments', () => {
    expect('reason' in parse(`a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\n# ${'['.repeat(100)}\n`)).toBe(false)
  })

  it('should refuse 2,000 levels, which overflow the stack when composed, in frontmatter and in judgements files, at the 65th', () => {
    expect(messagesOf(parsed('a', frontmatter('a', 'extra: ' + '['.repeat(2000) + ']'.repeat(2000) + '\n') + '\nText\n'))).toEqual([
      `13:71 nesting-depth Unexpected YAML nested more than 64 levels deep, expected at most 64`
    ])
    expect(refusal('\nText\n', 'statistics:\n  ' + '- '.repeat(2000) + 'x\n')).toBe('judgements 2:129 nesting-depth Unexpected YAML nested more than 64 levels deep, expected at most 64')
  })
})
