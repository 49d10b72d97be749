import {describe, expect, it} from 'vitest'
import {findQuote, pointAt} from '../../pipeline/locate/index.ts'
import {frontmatter, parsed} from '../helpers/project.ts'

const text = frontmatter('a') + '\n**Primary care networks** (PCNs) are\ngroups of\u00a0practices.\n\n- one *item* here\n- Forty two\u00a0networks\n'

describe('findQuote', () => {
  const file = parsed('a', text)
  const at = (quote: string) => findQuote(file.data.blocks!, quote).map((match) => pointAt(String(file.value), match.block.offsets[match.start]!))

  it('should match across emphasis and line breaks, with white space folded', () => {
    expect(at('Primary care networks (PCNs) are groups of practices')).toMatchObject([{line: 15, column: 3}])
  })

  it('should give the column where the evidence starts inside a block', () => {
    expect(at('groups of practices')).toMatchObject([{line: 16, column: 1}])
    expect(at('item here')).toMatchObject([{line: 18, column: 8}])
  })

  it('should treat a no-break space as a space', () => {
    expect(at('Forty two networks')).toMatchObject([{line: 19, column: 3}])
  })

  it('should find every occurrence, and none across blocks', () => {
    expect(at('e')).toHaveLength(9)
    expect(at('practices. one')).toEqual([])
  })

  it('should record bold spans', () => {
    expect(file.data.blocks![0]!.strong).toEqual([[0, 21]])
  })
})
