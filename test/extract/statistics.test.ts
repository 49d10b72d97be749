import {describe, expect, it} from 'vitest'
import {extractDataset} from '../../pipeline/extract/dataset.ts'
import {statistics} from '../../pipeline/extract/statistics/index.ts'
import {allMessagesOf, context, frontmatter, messagesOf, parsed} from '../helpers/project.ts'

const body = `
# Test document

Forty two primary care networks across Kent and Medway.

Over 528,000 people – that’s almost one in three – live with one or more conditions.

There are currently 42 ICSs across England.

The number of people is predicted to rise by almost a quarter by 2031.

Some words without a number.

About 20% of staff work part time.
`

function run(judgements: string, text = body) {
  const file = parsed('a', frontmatter('a') + text, `statistics:\n${judgements}`)
  return {file, records: extractDataset(statistics, [file], context()), messages: allMessagesOf(file)}
}

describe('statistics', () => {
  it('should take the value from the text and the label and unit from the judgement', () => {
    const {records, messages} = run('  - {id: pcns, quote: Forty two primary care networks, label: Primary care networks, unit: primary care networks}\n')
    expect(messages).toEqual([])
    expect(records).toEqual([{
      id: 'pcns-a', label: 'Primary care networks', value: 42, value_low: null, value_high: null, unit: 'primary care networks',
      qualifier: null, figure: 'Forty two', geography: 'Kent and Medway', geography_code: 'E54000032', date: '2022-07-01', date_precision: 'day',
      date_qualifier: 'on or after', date_basis: 'document', topic: null, disagrees_with: [],
      document: 'a', line: 4, column: 1, quote: 'Forty two primary care networks'
    }])
  })

  it('should count lines within the text: line 1 is the first line after the frontmatter', () => {
    const judgement = '  - {id: pcns, quote: Forty two primary care networks, label: Primary care networks, unit: primary care networks}\n'
    const {file, records} = run(judgement)
    expect(body.split('\n')[records[0]!.line - 1]).toBe('Forty two primary care networks across Kent and Medway.')
    expect(String(file.value).split('\n')[records[0]!.line + file.data.bodyLine! - 2]).toBe('Forty two primary care networks across Kent and Medway.')
    // Lines of the text before it move it; an unrelated sentence edited elsewhere moves nothing, and the id never moves.
    expect(run(judgement, '\nA new opening.\n' + body).records[0]).toMatchObject({id: 'pcns-a', line: 6, column: 1})
    expect(run(judgement, body.replace('Some words without a number.', 'Some other words.')).records[0]).toMatchObject({id: 'pcns-a', line: 4, column: 1})
  })

  it('should pick the figure a judgement names, with its qualifier', () => {
    const {records} = run('  - {id: people, quote: "Over 528,000 people", label: People, unit: people}\n  - {id: share, quote: "that’s almost one in three", figure: almost one in three, label: Share, unit: people}\n')
    expect(records.map((record) => [record.id, record.value, record.qualifier, record.unit])).toEqual([['people-a', 528000, 'over', 'people'], ['share-a', 1 / 3, 'almost', 'proportion']])
  })

  it('should read a percentage as a proportion, keeping the text’s own form in `figure`', () => {
    const {records} = run('  - {id: part-time, quote: About 20% of staff work part time, label: Staff part time, unit: staff}\n')
    expect(records[0]).toMatchObject({value: 0.2, unit: 'proportion', qualifier: 'about', figure: 'About 20%'})
  })

  it('should take the geography from the sentence', () => {
    const {records} = run('  - {id: icss, quote: 42 ICSs across England, label: ICSs, unit: ICSs}\n')
    expect(records[0]).toMatchObject({value: 42, geography: 'England'})
  })

  it('should take a date the text states', () => {
    const {records} = run('  - {id: rise, quote: rise by almost a quarter by 2031, label: Rise, unit: people}\n')
    expect(records[0]).toMatchObject({value: 0.25, qualifier: 'almost', date: '2031', date_precision: 'year', date_qualifier: 'by', date_basis: 'text'})
  })

  it('should date a figure by a period its quote or `when` gives, as one interval, not two dates', () => {
    const text = '\n# T\n\nBetween 2019 and 2023, waiting lists grew by 62%.\n\nOur plan for 2024 to 2029 funds 15 centres, and 3 more by 2030.\n'
    const {records, messages} = run('  - {id: growth, quote: waiting lists grew by 62%, label: Growth, unit: proportion}\n  - {id: growth-period, quote: "Between 2019 and 2023, waiting lists grew by 62%", label: Growth, unit: proportion}\n  - {id: centres, quote: Our plan for 2024 to 2029 funds 15 centres, when: 2024 to 2029, label: Centres, unit: centres}\n', text)
    expect(messages).toEqual([])
    expect(records.map((record) => [record.id, record.date, record.date_precision, record.date_qualifier, record.date_basis])).toEqual([
      ['growth-a', '2022-07-01', 'day', 'on or after', 'document'],
      ['growth-period-a', '2019/2023', 'year', null, 'text'],
      ['centres-a', '2024/2029', 'year', null, 'text']
    ])
  })

  it('should mark figures on one topic that differ', () => {
    const {records} = run('  - {id: one, quote: Forty two primary, label: A, unit: x, topic: t}\n  - {id: two, quote: 42 ICSs, label: B, unit: x, topic: t}\n  - {id: three, quote: "528,000", label: C, unit: x, topic: t}\n')
    // "42 ICSs across England" is a figure for England, not for the document's Kent and Medway: it disagrees with neither.
    expect(records.map((record) => [record.geography, record.disagrees_with])).toEqual([['Kent and Medway', ['three-a']], ['England', []], ['Kent and Medway', ['one-a']]])
  })

  it('should take the area the figure\'s own clause names, and ask for one when the sentence names another outside it', () => {
    const text = '\nOne in five residents is aged 65 or over, against 18.6% across England.\n'
    const judged = (geography: string) => `statistics:\n  - {id: older, quote: One in five residents, label: Older residents, unit: proportion${geography}}\n  - {id: england, quote: 18.6% across England, label: Older residents, unit: proportion}\n`
    const asked = parsed('g', frontmatter('g') + text, judged(''))
    expect(extractDataset(statistics, [asked], context()).map((record) => [record.id, record.geography])).toEqual([['england-g', 'England']])
    expect(allMessagesOf(asked)).toEqual(['judgements:2:24 geography-ambiguous Unexpected area `England` named outside this figure\'s clause in a sentence of several figures, expected `geography` saying which area the figure is for (e.g. `geography: Kent and Medway`)'])
    const judgedHere = parsed('g', frontmatter('g') + text, judged(', geography: Kent and Medway'))
    expect(extractDataset(statistics, [judgedHere], context()).map((record) => [record.id, record.geography, record.geography_code])).toEqual([['older-g', 'Kent and Medway', 'E54000032'], ['england-g', 'England', 'E92000001']])
    expect(allMessagesOf(judgedHere)).toEqual([])
  })

  it('should mark no disagreement between figures for other areas, or for times that do not meet', () => {
    const text = '\nThere are 15 networks in Sussex.\n\nThere are 42 networks.\n\nIn 2019 there were 40 networks.\n\nIn 2021 there were 38 networks.\n'
    const judged = ['15 networks', 'There are 42 networks', '2019 there were 40', '2021 there were 38'].map((quote, index) => `  - {id: n${index}, quote: ${quote}, label: Networks, unit: networks, topic: t${index === 0 ? ', geography: Sussex' : ''}}\n`).join('')
    const file = parsed('b', frontmatter('b').replace('date_published: null', "date_published: '2021-06-01'") + text, 'statistics:\n' + judged)
    const records = extractDataset(statistics, [file], context())
    expect(allMessagesOf(file)).toEqual([])
    expect(records.map((record) => [record.id, record.geography, record.geography_code, record.date, record.disagrees_with])).toEqual([
      ['n0-b', 'Sussex', 'E54000064', '2021-06-01', []],
      ['n1-b', 'Kent and Medway', 'E54000032', '2021-06-01', ['n3-b']],
      ['n2-b', 'Kent and Medway', 'E54000032', '2019', []],
      ['n3-b', 'Kent and Medway', 'E54000032', '2021', ['n1-b']]
    ])
  })

  it('should mark figures that differ across documents, once merged', () => {
    const a = parsed('a', frontmatter('a') + '\nThere are 42 networks.\n', 'statistics:\n  - {id: networks, quote: There are 42 networks, label: Networks, unit: networks, topic: t}\n')
    const b = parsed('b', frontmatter('b') + '\nThere are 40 networks.\n', 'statistics:\n  - {id: networks, quote: There are 40 networks, label: Networks, unit: networks, topic: t}\n')
    expect(statistics.extract(a, context()).map((record) => record.disagrees_with)).toEqual([[]])
    expect(extractDataset(statistics, [a, b], context()).map((record) => [record.id, record.disagrees_with])).toEqual([['networks-a', ['networks-b']], ['networks-b', ['networks-a']]])
  })

  it('should not mark figures whose ranges meet', () => {
    const file = parsed('b', frontmatter('b') + '\nEach serves more than one million people.\n\nEach covers 1-3 million.\n\nOr about 5 million.\n', 'statistics:\n  - {id: one, quote: more than one million people, label: A, unit: people, topic: t}\n  - {id: two, quote: 1-3 million, label: B, unit: people, topic: t}\n  - {id: three, quote: about 5 million, label: C, unit: people, topic: t}\n')
    expect(extractDataset(statistics, [file], context()).map((record) => record.disagrees_with)).toEqual([[], ['three-b'], ['two-b']])
  })

  it('should report a quote without a figure in the judgements file, at the quote', () => {
    const {file, records, messages} = run('  - {id: none, quote: Some words without a number, label: None, unit: x}\n')
    expect(records).toEqual([])
    expect(messages).toEqual(['judgements:2:23 figure-not-found Unexpected `Some words without a number` without a figure, expected a number such as `528,000` or `Forty two`'])
    expect(messagesOf(file)).toEqual([])
    expect(file.data.judgements!.messages[0]).toMatchObject({file: 'sources/judgements/a.yml', line: 2, column: 23, fatal: true})
  })

  it('should report at the `figure` field a figure it names that is not in the quote', () => {
    const {messages} = run('  - id: elsewhere\n    quote: Forty two primary care networks\n    figure: "42"\n    label: X\n    unit: x\n')
    expect(messages).toEqual(['judgements:4:13 text-not-in-quote Unexpected `42` that is not in its quote, expected words of `Forty two primary care networks`'])
  })

  it('should report a quote with several figures and no `figure`', () => {
    const {messages} = run('  - {id: many, quote: "Over 528,000 people – that’s almost one in three", label: Many, unit: x}\n')
    expect(messages).toEqual(['judgements:2:23 figure-ambiguous Unexpected 2 figures in the quote (`Over 528,000`, `almost one in three`), expected one or a `figure` field'])
  })

  it('should report a quote that is not in the text', () => {
    const {messages} = run('  - {id: gone, quote: Forty three primary care networks, label: Gone, unit: x}\n')
    expect(messages).toEqual(['judgements:2:23 quote-not-found Unexpected quote `Forty three primary care networks` that is not in the text of sources/documents/a.md, expected words of the document'])
  })

  it('should report a quote that occurs twice, with the text lines it occurs on', () => {
    const {messages} = run('  - {id: twice, quote: people, label: Twice, unit: x}\n')
    expect(messages).toEqual(['judgements:2:24 quote-ambiguous Unexpected quote `people` that occurs 2 times (text lines 6, 10), expected exactly one'])
  })

  it('should read a number glued to an abbreviation, so a quote with two figures needs `figure`', () => {
    const text = '\nOur 85GP practices who work in 31 networks.\n'
    const {records, messages} = run('  - {id: networks, quote: our 85GP practices who work in 31 networks, label: Networks, unit: networks}\n', text.replace('Our', 'our'))
    expect(records).toEqual([])
    expect(messages).toEqual(['judgements:2:27 figure-ambiguous Unexpected 2 figures in the quote (`85`, `31`), expected one or a `figure` field'])
    const named = run('  - {id: practices, quote: our 85GP practices who work in 31 networks, figure: 85GP, label: GP practices, unit: GP practices}\n', text.replace('Our', 'our'))
    expect(named.messages).toEqual([])
    expect(named.records.map((record) => [record.value, record.figure])).toEqual([[85, '85']])
  })

  it('should report, at the judgement, a number it cannot read instead of recording the one it can', () => {
    const text = '\nour 85practices who work in 31 networks.\n'
    const {records, messages} = run('  - {id: networks, quote: our 85practices who work in 31 networks, label: Networks, unit: networks}\n', text)
    expect(records).toEqual([])
    expect(messages).toEqual(['judgements:2:27 figure-unread Unexpected number `85` in `our 85practices who work in 31 networks` that is not read as a figure, expected a `figure` field naming the number this record is about, such as `figure: "31"`'])
    const named = run('  - {id: networks, quote: our 85practices who work in 31 networks, figure: "31", label: Networks, unit: networks}\n', text)
    expect(named.messages).toEqual([])
    expect(named.records.map((record) => record.value)).toEqual([31])
  })

  it('should not count label numbering, dates or known shapes as numbers it cannot read', () => {
    const text = '\nObjective 2: reach 500 people with COVID-19 jabs 24/7 by 1 July 2024.\n'
    const {records, messages} = run('  - {id: reach, quote: "Objective 2: reach 500 people with COVID-19 jabs 24/7", label: People, unit: people}\n', text)
    expect(messages).toEqual([])
    expect(records.map((record) => record.value)).toEqual([500])
  })
})
