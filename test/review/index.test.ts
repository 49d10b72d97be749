import {describe, expect, it} from 'vitest'
import {extractStatistics} from '../../pipeline/extract/statistics/index.ts'
import {review} from '../../pipeline/review/index.ts'
import {frontmatter, parsed} from '../helpers/project.ts'

const body = `
# Test document

Forty two primary care networks. About 1,000 people in July 2020.

14. When will this happen?

The Integrated Care Board (ICB) and the Care Quality Commission (CQC).
`

describe('review', () => {
  it('should list figures, dates and acronym expansions that no record or ignore entry covers', () => {
    const file = parsed('a', frontmatter('a', 'statistics:\n  - {id: pcns, quote: Forty two primary care networks, label: PCNs, unit: networks}\nignore:\n  - {quote: Care Quality Commission (CQC), reason: Not a term of the system}\n') + body)
    const statistics = extractStatistics([file])
    const terms = {name: 'terms', primaryKey: 'id', foreignKeys: [], records: [{id: 'icb', abbreviation: 'ICB', document: 'a', line: 1, column: 1, quote: 'x'}]}
    expect(review([file], [{name: 'statistics', primaryKey: 'id', foreignKeys: [], records: statistics}, terms])).toEqual([
      {document: 'a', line: 21, column: 34, kind: 'figure', text: 'About 1,000'},
      {document: 'a', line: 21, column: 53, kind: 'date', text: 'in July 2020'}
    ])
  })
})
