import {describe, expect, it} from 'vitest'
import {extractDataset} from '../../pipeline/extract/dataset.ts'
import {statistics} from '../../pipeline/extract/statistics/index.ts'
import {terms} from '../../pipeline/extract/terms/index.ts'
import {review, type Finding} from '../../pipeline/review/index.ts'
import {allMessagesOf, context, frontmatter, parsed} from '../helpers/project.ts'

const body = `
# Test document

Forty two primary care networks. About 1,000 people in July 2020.

14. When will this happen?

The Integrated Care Board (ICB) and the Care Quality Commission (CQC).
`

const short = (findings: Finding[]) => findings.map((finding) => `${finding.line}:${finding.column} ${finding.kind} ${finding.text}`)

describe('review', () => {
  it('should list figures, dates and acronym expansions that no record or ignore entry covers, at their text lines, with what was read', () => {
    const file = parsed('a', frontmatter('a') + body, 'statistics:\n  - {id: pcns, quote: Forty two primary care networks, label: PCNs, unit: networks}\nterms:\n  - {id: icb, name: Integrated Care Board, abbreviation: ICB, quote: Integrated Care Board (ICB)}\nignore:\n  - {quote: Care Quality Commission (CQC), reason: Not a term of the system}\n')
    const datasets = [
      {name: 'statistics', foreignKeys: [], records: extractDataset(statistics, [file], context())},
      {name: 'terms', foreignKeys: [], records: extractDataset(terms, [file], context())}
    ]
    expect(review([file], datasets)).toEqual([
      {document: 'a', line: 4, column: 34, kind: 'figure', text: 'About 1,000', value: 1000, low: null, high: null, unit: null, qualifier: 'about'},
      {document: 'a', line: 4, column: 53, kind: 'date', text: 'in July 2020', date: '2020-07', precision: 'month', qualifier: 'in'}
    ])
    expect(allMessagesOf(file)).toEqual([])
  })

  it('should list every figure, date and acronym expansion when no record or term covers it', () => {
    const file = parsed('a', frontmatter('a') + body, 'ignore:\n  - {quote: Care Quality Commission (CQC), reason: Not a term of the system}\n')
    expect(short(review([file], []))).toEqual([
      '4:1 figure Forty two',
      '4:34 figure About 1,000',
      '4:53 date in July 2020',
      '8:5 acronym Integrated Care Board (ICB)'
    ])
  })

  it('should judge acronyms per document: another document\'s term does not hide this one\'s expansion', () => {
    const other = parsed('b', frontmatter('b') + '\nThe Integrated Care Board (ICB) is new.\n', 'terms:\n  - {id: icb, name: Integrated Care Board, abbreviation: ICB, quote: Integrated Care Board (ICB)}\n')
    const file = parsed('a', frontmatter('a') + body, 'ignore:\n  - {quote: Care Quality Commission (CQC), reason: Not a term of the system}\n')
    const datasets = [{name: 'terms', foreignKeys: [], records: extractDataset(terms, [other, file], context())}]
    expect(short(review([other, file], datasets)).filter((line) => line.includes('acronym'))).toEqual(['8:5 acronym Integrated Care Board (ICB)'])
  })

  it('should list an abbreviation the text never expands once, with no expansion, and ask which known meaning applies', () => {
    const file = parsed('a', frontmatter('a') + '\nOur ICP meets monthly. The ICP has 12 members.\n\nThe NHS and the voluntary, community and social enterprise sector (VCSE).\n')
    const meanings = [
      {id: 'icp-place', name: 'Integrated care partnership', abbreviation: 'ICP', sense: 'place-level', defined_in: [], document: 'x', line: 1, column: 1, quote: 'x'},
      {id: 'icp-provider', name: 'Integrated care provider', abbreviation: 'ICP', sense: 'single contract', defined_in: [], document: 'x', line: 1, column: 1, quote: 'x'}
    ]
    const findings = review([file], [{name: 'terms', foreignKeys: [], records: meanings}]).filter((finding) => finding.kind === 'acronym')
    expect(findings).toEqual([
      {
        document: 'a', line: 2, column: 5, kind: 'acronym', text: 'ICP', abbreviation: 'ICP', expansion: null,
        meanings: [{term: 'icp-place', name: 'Integrated care partnership', sense: 'place-level'}, {term: 'icp-provider', name: 'Integrated care provider', sense: 'single contract'}],
        question: 'ICP is not expanded in this document; other documents give `icp-place` (Integrated care partnership: place-level), `icp-provider` (Integrated care provider: single contract): which applies here, if any?'
      },
      {document: 'a', line: 4, column: 5, kind: 'acronym', text: 'NHS', abbreviation: 'NHS', expansion: null},
      {document: 'a', line: 4, column: 17, kind: 'acronym', text: 'voluntary, community and social enterprise sector (VCSE)', abbreviation: 'VCSE', expansion: 'voluntary, community and social enterprise'}
    ])
  })

  it('should list periods as one finding, and organisations not in the register once per document', () => {
    const text = '\n## Objective 1\n\nOur plan for 2023 to 2028 with Dorset Council and Frimley Health NHS Foundation Trust.\n\nIn 2023/24 Dorset Council spent more.\n'
    const file = parsed('a', frontmatter('a') + text)
    const findings = review([file], [], {organisations: new Map([['Frimley Health NHS Foundation Trust', {}]])})
    expect(findings.filter((finding) => finding.kind !== 'acronym').map(({kind, text, ...rest}) => [kind, text, 'from' in rest ? `${rest.from}/${rest.to}` : undefined])).toEqual([
      ['period', '2023 to 2028', '2023/2028'],
      ['organisation', 'Dorset Council', undefined],
      ['period', 'In 2023/24', '2023-04/2024-03']
    ])
  })

  it('should report an ignore entry whose quote is not in the text, in the judgements file', () => {
    const file = parsed('a', frontmatter('a') + body, 'ignore:\n  - {quote: Nowhere in the text, reason: Test}\n')
    review([file], [])
    expect(allMessagesOf(file)).toEqual(['judgements:2:13 quote-not-found Unexpected quote `Nowhere in the text` that is not in the text of sources/documents/a.md, expected words of the document'])
  })
})
