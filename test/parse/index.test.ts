import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {frontmatterPlace} from '../../pipeline/parse/index.ts'
import {frontmatter, messagesOf, parsed} from '../helpers/project.ts'

describe('parseSource', () => {
  it('should parse frontmatter into data and keep the tree', () => {
    const file = parsed('a', frontmatter('a') + '\n# Test document\n\nBody text.\n')
    expect(file.messages).toEqual([])
    expect(file.data.matter?.['id']).toBe('a')
    expect(file.data.tree?.children.map((node) => node.type)).toEqual(['yaml', 'heading', 'paragraph'])
    expect(file.data.blocks?.map((block) => block.text)).toEqual(['Test document', 'Body text.'])
  })

  it('should report broken YAML at its file line and column', () => {
    const file = parsed('a', '---\nid: a\ntitle: [unclosed\n---\n\nText\n')
    expect(messagesOf(file)[0]).toBe('3:17 yaml-syntax Unexpected `[` that is not closed on its line, expected `]` before the line ends, or the fields written as indented lines')
    expect(file.data.blocks).toBeUndefined()
  })

  it('should report a missing frontmatter', () => {
    expect(messagesOf(parsed('a', '# Title\n'))).toEqual(['1:1 missing-frontmatter Unexpected document without frontmatter, expected a `---` block of YAML on line 1'])
  })

  it('should report a duplicate key', () => {
    expect(messagesOf(parsed('a', '---\nid: a\nid: b\n---\n'))[0]).toBe('3:1 yaml-syntax Unexpected second `id:` in one mapping, expected each field once')
  })

  it('should place a frontmatter value on its file line', () => {
    const file = parsed('a', frontmatter('a') + '\nText\n')
    expect(frontmatterPlace(file, ['geography'])).toEqual({line: 12, column: 12})
    expect(frontmatterPlace(file, ['date_written', 'earliest'])).toEqual({line: 8, column: 26})
  })

  it('should place a judgement on its line in the judgements file', () => {
    const file = parsed('a', frontmatter('a') + '\nText\n', '# Notes.\nstatistics:\n  - id: x\n    quote: words\n')
    expect(frontmatterPlace(file.data.judgements!, ['statistics', 0, 'quote'])).toEqual({line: 4, column: 12})
    // A path that is not there falls back to its nearest ancestor.
    expect(frontmatterPlace(file.data.judgements!, ['statistics', 0, 'figure'])).toEqual({line: 3, column: 5})
  })

  it('should start the text on the line after the frontmatter, and hash the text alone', () => {
    const text = '\n# Test document\n\nBody text.\n'
    const file = parsed('a', frontmatter('a') + text)
    expect(file.data.bodyLine).toBe(14)
    expect(String(file.value).split('\n')[file.data.bodyLine! - 2]).toBe('---')
    expect(file.data.textSha256).toBe(createHash('sha256').update(text).digest('hex'))
    // A longer frontmatter moves where the text starts, not its hash.
    const longer = parsed('a', frontmatter('a', '# A note\n# Another\n') + text)
    expect(longer.data.bodyLine).toBe(16)
    expect(longer.data.textSha256).toBe(file.data.textSha256)
  })
})
