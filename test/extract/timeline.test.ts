import {describe, expect, it} from 'vitest'
import {extractDataset} from '../../pipeline/extract/dataset.ts'
import {timeline} from '../../pipeline/extract/timeline/index.ts'
import {allMessagesOf, context, frontmatter, parsed} from '../helpers/project.ts'

const body = `
# Test document

They have been live in Kent and Medway since 1 July 2019.

They were established in July 2020 across England.

The ICS will not be a statutory body.

From April 2020 to April 2021 things change.

In 2020 and in 2021 things changed twice.
`

function run(events: string) {
  const file = parsed('a', frontmatter('a') + body, `timeline:\n${events}`)
  return {records: extractDataset(timeline, [file], context()), messages: allMessagesOf(file)}
}

describe('timeline', () => {
  it('should take the date and its precision from the text', () => {
    const {records, messages} = run('  - {id: live, quote: live in Kent and Medway since 1 July 2019, event: PCNs live, status: happened}\n')
    expect(messages).toEqual([])
    expect(records[0]).toMatchObject({id: 'live-a', date: '2019-07-01', date_precision: 'day', date_qualifier: 'since', date_basis: 'text', status: 'happened', geography: 'Kent and Medway', line: 4, column: 16})
  })

  it('should order by date and show events on one topic with other dates', () => {
    const {records} = run('  - {id: b, quote: established in July 2020, event: PCNs established, status: happened, topic: pcns}\n  - {id: a, quote: since 1 July 2019, event: PCNs live, status: happened, topic: pcns}\n')
    expect(records.map((record) => [record.id, record.date, record.geography, record.disagrees_with])).toEqual([
      ['a-a', '2019-07-01', 'Kent and Medway', ['b-a']],
      ['b-a', '2020-07', 'England', ['a-a']]
    ])
  })

  it('should order and compare events across documents once merged', () => {
    const a = parsed('a', frontmatter('a') + '\nLive since 1 July 2020.\n', 'timeline:\n  - {id: live, quote: Live since 1 July 2020, event: Live, status: happened, topic: t}\n')
    const b = parsed('b', frontmatter('b') + '\nLive since 1 July 2019.\n', 'timeline:\n  - {id: live, quote: Live since 1 July 2019, event: Live, status: happened, topic: t}\n')
    expect(timeline.extract(a, context()).map((record) => record.disagrees_with)).toEqual([[]])
    expect(extractDataset(timeline, [a, b], context()).map((record) => [record.id, record.date, record.disagrees_with])).toEqual([
      ['live-b', '2019-07-01', ['live-a']],
      ['live-a', '2020-07-01', ['live-b']]
    ])
  })

  it('should use the document date when told to', () => {
    const {records} = run('  - {id: s, quote: The ICS will not be a statutory body, when: document, event: Not statutory, status: expected}\n')
    expect(records[0]).toMatchObject({date: '2022-07-01', date_qualifier: 'on or after', date_basis: 'document'})
  })

  it('should report in the judgements file several dates without `when`, and a `when` outside the quote', () => {
    const {records, messages} = run('  - {id: x, quote: In 2020 and in 2021 things changed, event: Change, status: planned}\n  - {id: y, quote: From April 2020 to April 2021, when: May 2020, event: Change, status: planned}\n')
    expect(records).toEqual([])
    expect(messages).toEqual([
      'judgements:2:20 date-ambiguous Unexpected 2 dates in the quote (`In 2020`, `in 2021`), expected one or a `when` field',
      'judgements:3:57 text-not-in-quote Unexpected `May 2020` that is not in its quote, expected words of `From April 2020 to April 2021`'
    ])
  })

  it('should date an event by a period as one interval, as the candidates of add-document write it', () => {
    const {records, messages} = run('  - {id: p, quote: From April 2020 to April 2021 things change, event: Change, status: planned}\n  - {id: q, quote: From April 2020 to April 2021 things change., when: From April 2020 to April 2021, event: Change, status: planned}\n')
    expect(messages).toEqual([])
    expect(records.map((record) => [record.id, record.date, record.date_precision, record.date_qualifier])).toEqual([
      ['p-a', '2020-04/2021-04', 'month', null],
      ['q-a', '2020-04/2021-04', 'month', null]
    ])
  })

  it('should report a quote without a date', () => {
    expect(run('  - {id: z, quote: The ICS will not be, event: X, status: expected}\n').messages).toEqual([
      'judgements:2:20 date-not-found Unexpected `The ICS will not be` without a date, expected a date such as `1 July 2022` or `April 2021`'
    ])
  })
})
