import {describe, expect, it} from 'vitest'
import {extractTimeline} from '../../pipeline/extract/timeline/index.ts'
import {frontmatter, messagesOf, parsed} from '../helpers/project.ts'

const body = `
# Test document

They have been live in Kent and Medway since 1 July 2019.

They were established in July 2020 across England.

The ICS will not be a statutory body.

From April 2020 to April 2021 things change.
`

function run(timeline: string) {
  const file = parsed('a', frontmatter('a', `timeline:\n${timeline}`) + body)
  return {records: extractTimeline([file]), messages: messagesOf(file)}
}

describe('extractTimeline', () => {
  it('should take the date and its precision from the text', () => {
    const {records, messages} = run('  - {id: live, quote: live in Kent and Medway since 1 July 2019, event: PCNs live, status: happened}\n')
    expect(messages).toEqual([])
    expect(records[0]).toMatchObject({id: 'live', date: '2019-07-01', date_precision: 'day', date_qualifier: 'since', date_basis: 'text', status: 'happened', geography: 'Kent and Medway', line: 19, column: 16})
  })

  it('should order by date and show events on one topic with other dates', () => {
    const {records} = run('  - {id: b, quote: established in July 2020, event: PCNs established, status: happened, topic: pcns}\n  - {id: a, quote: since 1 July 2019, event: PCNs live, status: happened, topic: pcns}\n')
    expect(records.map((record) => [record.id, record.date, record.geography, record.disagrees_with])).toEqual([
      ['a', '2019-07-01', 'Kent and Medway', ['b']],
      ['b', '2020-07', 'England', ['a']]
    ])
  })

  it('should use the document date when told to', () => {
    const {records} = run('  - {id: s, quote: The ICS will not be a statutory body, when: document, event: Not statutory, status: expected}\n')
    expect(records[0]).toMatchObject({date: '2022-07-01', date_qualifier: 'on or after', date_basis: 'document'})
  })

  it('should report several dates without `when`, and a `when` outside the quote', () => {
    const {messages} = run('  - {id: x, quote: From April 2020 to April 2021, event: Change, status: planned}\n  - {id: y, quote: From April 2020 to April 2021, when: May 2020, event: Change, status: planned}\n')
    expect(messages).toEqual([
      '14:20 date-ambiguous Unexpected 2 dates in the quote (`From April 2020`, `April 2021`), expected one or a `when` field',
      '15:57 text-not-in-quote Unexpected `May 2020` that is not in its quote, expected words of `From April 2020 to April 2021`'
    ])
  })

  it('should report a quote without a date', () => {
    expect(run('  - {id: z, quote: The ICS will not be, event: X, status: expected}\n').messages[0]).toMatch(/^14:20 date-not-found /)
  })
})
