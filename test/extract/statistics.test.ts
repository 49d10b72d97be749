import {describe, expect, it} from 'vitest'
import {extractStatistics} from '../../pipeline/extract/statistics/index.ts'
import {frontmatter, messagesOf, parsed} from '../helpers/project.ts'

const body = `
# Test document

Forty two primary care networks across Kent and Medway.

Over 528,000 people – that’s almost one in three – live with one or more conditions.

There are currently 42 ICSs across England.

The number of people is predicted to rise by almost a quarter by 2031.

Some words without a number.
`

function run(statistics: string) {
  const file = parsed('a', frontmatter('a', `statistics:\n${statistics}`) + body)
  return {records: extractStatistics([file]), messages: messagesOf(file)}
}

describe('extractStatistics', () => {
  it('should take the value from the text and the label and unit from the judgement', () => {
    const {records, messages} = run('  - {id: pcns, quote: Forty two primary care networks, label: Primary care networks, unit: primary care networks}\n')
    expect(messages).toEqual([])
    expect(records).toEqual([{
      id: 'pcns', label: 'Primary care networks', value: 42, value_low: null, value_high: null, unit: 'primary care networks',
      qualifier: null, figure: 'Forty two', geography: 'Kent and Medway', date: '2022-07-01', date_precision: 'day',
      date_qualifier: 'on or after', date_basis: 'document', topic: null, disagrees_with: [],
      document: 'a', line: 19, column: 1, quote: 'Forty two primary care networks'
    }])
  })

  it('should pick the figure a judgement names, with its qualifier', () => {
    const {records} = run('  - {id: people, quote: "Over 528,000 people", label: People, unit: people}\n  - {id: share, quote: "that’s almost one in three", figure: almost one in three, label: Share, unit: people}\n')
    expect(records.map((record) => [record.value, record.qualifier, record.unit])).toEqual([[528000, 'over', 'people'], [1 / 3, 'almost', 'proportion']])
  })

  it('should take the geography from the sentence', () => {
    const {records} = run('  - {id: icss, quote: 42 ICSs across England, label: ICSs, unit: ICSs}\n')
    expect(records[0]).toMatchObject({value: 42, geography: 'England'})
  })

  it('should take a date the text states', () => {
    const {records} = run('  - {id: rise, quote: rise by almost a quarter by 2031, label: Rise, unit: people}\n')
    expect(records[0]).toMatchObject({value: 0.25, qualifier: 'almost', date: '2031', date_precision: 'year', date_qualifier: 'by', date_basis: 'text'})
  })

  it('should mark figures on one topic that differ', () => {
    const {records} = run('  - {id: one, quote: Forty two primary, label: A, unit: x, topic: t}\n  - {id: two, quote: 42 ICSs, label: B, unit: x, topic: t}\n  - {id: three, quote: "528,000", label: C, unit: x, topic: t}\n')
    expect(records.map((record) => record.disagrees_with)).toEqual([['three'], ['three'], ['one', 'two']])
  })

  it('should not mark figures whose ranges meet', () => {
    const file = parsed('b', frontmatter('b', 'statistics:\n  - {id: one, quote: more than one million people, label: A, unit: people, topic: t}\n  - {id: two, quote: 1-3 million, label: B, unit: people, topic: t}\n  - {id: three, quote: about 5 million, label: C, unit: people, topic: t}\n') + '\nEach serves more than one million people.\n\nEach covers 1-3 million.\n\nOr about 5 million.\n')
    expect(extractStatistics([file]).map((record) => record.disagrees_with)).toEqual([[], ['three'], ['two']])
  })

  it('should report a quote without a figure at the judgement', () => {
    const {records, messages} = run('  - {id: none, quote: Some words without a number, label: None, unit: x}\n')
    expect(records).toEqual([])
    expect(messages).toEqual(['14:23 figure-not-found Unexpected `Some words without a number` without a figure, expected a number such as `528,000` or `Forty two`'])
  })

  it('should report a quote with several figures and no `figure`', () => {
    const {messages} = run('  - {id: many, quote: "Over 528,000 people – that’s almost one in three", label: Many, unit: x}\n')
    expect(messages).toEqual(['14:23 figure-ambiguous Unexpected 2 figures in the quote (`Over 528,000`, `almost one in three`), expected one or a `figure` field'])
  })

  it('should report a quote that is not in the text', () => {
    const {messages} = run('  - {id: gone, quote: Forty three primary care networks, label: Gone, unit: x}\n')
    expect(messages).toEqual(['14:23 quote-not-found Unexpected quote `Forty three primary care networks` that is not in the text, expected words of the document'])
  })

  it('should report a quote that occurs twice', () => {
    const {messages} = run('  - {id: twice, quote: people, label: Twice, unit: x}\n')
    expect(messages).toEqual(['14:24 quote-ambiguous Unexpected quote `people` that occurs 2 times (lines 21, 25), expected exactly one'])
  })
})
