import {describe, expect, it} from 'vitest'
import {extractDataset} from '../../pipeline/extract/dataset.ts'
import {termRelations} from '../../pipeline/extract/term-relations/index.ts'
import {allMessagesOf, context, frontmatter, parsed} from '../helpers/project.ts'

const text = `
# Test document

### STP – Sustainability and Transformation Plans

As of 19 March 2021, all are now termed ICSs.

All are now termed ICSs. All are now termed ICSs.
`

describe('term-relations', () => {
  it('should keep each relation with its quote, its id made of subject, relation, object and document', () => {
    const file = parsed('a', frontmatter('a') + text, 'relations:\n  - {subject: stp, relation: replaced-by, object: ics, quote: "2021, all are now termed ICSs"}\n')
    expect(extractDataset(termRelations, [file], context())).toEqual([
      {id: 'stp-replaced-by-ics-a', subject: 'stp', relation: 'replaced-by', object: 'ics', document: 'a', line: 6, column: 16, quote: '2021, all are now termed ICSs'}
    ])
    expect(allMessagesOf(file)).toEqual([])
  })

  it('should report a quote that occurs more than once in the judgements file, with the text lines it occurs on', () => {
    const file = parsed('a', frontmatter('a') + text, 'relations:\n  - subject: stp\n    relation: replaced-by\n    object: ics\n    quote: now termed ICSs\n')
    expect(extractDataset(termRelations, [file], context())).toEqual([])
    expect(allMessagesOf(file)).toEqual(['judgements:5:12 quote-ambiguous Unexpected quote `now termed ICSs` that occurs 3 times (text lines 6, 8, 8), expected exactly one'])
  })
})
