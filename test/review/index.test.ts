import {describe, expect, it} from 'vitest'
import {extractDataset} from '../../pipeline/extract/dataset.ts'
import {statistics} from '../../pipeline/extract/statistics/index.ts'
import {review} from '../../pipeline/review/index.ts'
import {allMessagesOf, context, frontmatter, parsed} from '../helpers/project.ts'

const body = `
# Test document

Forty two primary care networks. About 1,000 people in July 2020.

14. When will this happen?

The Integrated Care Board (ICB) and the Care Quality Commission (CQC).
`

describe('review', () => {
  it('should list figures, dates and acronym expansions that no record or ignore entry covers, at their text lines', () => {
    const file = parsed('a', frontmatter('a') + body, 'statistics:\n  - {id: pcns, quote: Forty two primary care networks, label: PCNs, unit: networks}\nignore:\n  - {quote: Care Quality Commission (CQC), reason: Not a term of the system}\n')
    const records = extractDataset(statistics, [file], context())
    const terms = {name: 'terms', foreignKeys: [], records: [{id: 'icb', abbreviation: 'ICB', document: 'a', line: 1, column: 1, quote: 'x'}]}
    expect(review([file], [{name: 'statistics', foreignKeys: [], records}, terms])).toEqual([
      {document: 'a', line: 4, column: 34, kind: 'figure', text: 'About 1,000'},
      {document: 'a', line: 4, column: 53, kind: 'date', text: 'in July 2020'}
    ])
    expect(allMessagesOf(file)).toEqual([])
  })

  it('should list every figure, date and acronym expansion when no record or term covers it', () => {
    const file = parsed('a', frontmatter('a') + body, 'ignore:\n  - {quote: Care Quality Commission (CQC), reason: Not a term of the system}\n')
    expect(review([file], []).map((finding) => `${finding.line}:${finding.column} ${finding.kind} ${finding.text}`)).toEqual([
      '4:1 figure Forty two',
      '4:34 figure About 1,000',
      '4:53 date in July 2020',
      '8:5 acronym Integrated Care Board (ICB)'
    ])
  })

  it('should report an ignore entry whose quote is not in the text, in the judgements file', () => {
    const file = parsed('a', frontmatter('a') + body, 'ignore:\n  - {quote: Nowhere in the text, reason: Test}\n')
    review([file], [])
    expect(allMessagesOf(file)).toEqual(['judgements:2:13 quote-not-found Unexpected quote `Nowhere in the text` that is not in the text of sources/documents/a.md, expected words of the document'])
  })
})
