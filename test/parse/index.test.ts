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
    expect(messagesOf(file)[0]).toMatch(/^3:17 yaml-syntax Unexpected YAML: Flow sequence/)
    expect(file.data.blocks).toBeUndefined()
  })

  it('should report a missing frontmatter', () => {
    expect(messagesOf(parsed('a', '# Title\n'))).toEqual(['1:1 missing-frontmatter Unexpected document without frontmatter, expected a `---` block of YAML on line 1'])
  })

  it('should report a duplicate key', () => {
    expect(messagesOf(parsed('a', '---\nid: a\nid: b\n---\n'))[0]).toMatch(/^3:1 yaml-syntax Unexpected YAML: Map keys must be unique/)
  })

  it('should place a frontmatter value on its file line', () => {
    const file = parsed('a', frontmatter('a', 'statistics:\n  - id: x\n    quote: words\n') + '\nText\n')
    expect(frontmatterPlace(file, ['statistics', 0, 'quote'])).toEqual({line: 15, column: 12})
  })
})
