import {describe, expect, it} from 'vitest'
import {stringify} from 'yaml'
import {candidatesOf} from '../../pipeline/add-document/candidates.ts'
import {extractDataset} from '../../pipeline/extract/dataset.ts'
import {statistics} from '../../pipeline/extract/statistics/index.ts'
import {timeline} from '../../pipeline/extract/timeline/index.ts'
import {detect} from '../../pipeline/review/detect.ts'
import {allMessagesOf, context, frontmatter, parsed} from '../helpers/project.ts'

const text = `
# Who we are

Our 85practices who work in 31 networks serve rural areas.

Our plan runs from 2023 to 2028 and funds 12 new hubs.

We serve 1.2 million people.
`

const candidates = () => {
  const file = parsed('a', frontmatter('a') + text)
  return candidatesOf(detect(file), file.data.blocks ?? [], () => null)
}

describe('candidatesOf', () => {
  it('should name the figure of a candidate whose quote holds a number the detectors cannot read', () => {
    expect(candidates().statistics.map((candidate) => [candidate.quote, candidate.figure])).toEqual([
      ['Our 85practices who work in 31 networks serve rural areas.', '31'],
      ['Our plan runs from 2023 to 2028 and funds 12 new hubs.', undefined],
      ['We serve 1.2 million people.', undefined]
    ])
  })

  it('should give statistics and timeline candidates that build once confirmed as the README says', () => {
    const {statistics: figures, timeline: dates} = candidates()
    const judgements = stringify({
      statistics: figures.map(({read: _, ...candidate}) => candidate),
      timeline: dates.map(({read: _, ...candidate}, index) => ({id: `event-${index}`, ...candidate, event: 'Event', status: 'planned'}))
    })
    const file = parsed('a', frontmatter('a') + text, judgements)
    const records = [...extractDataset(statistics, [file], context()), ...extractDataset(timeline, [file], context())]
    expect(allMessagesOf(file)).toEqual([])
    expect(records.map((record) => [record.id, 'value' in record ? record.value : null, record.date])).toEqual([
      ['networks-a', 31, '2022-07-01'],
      ['new-hubs-a', 12, '2023/2028'],
      ['people-a', 1200000, '2022-07-01'],
      ['event-0-a', null, '2023/2028']
    ])
  })
})
