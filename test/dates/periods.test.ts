import {describe, expect, it} from 'vitest'
import {findDatesAndPeriods, findPeriods} from '../../pipeline/dates/periods.ts'

const periods = (text: string) => findPeriods(text).map(({period}) => [period.text, period.from, period.to])

describe('findPeriods', () => {
  it('should read two years joined by a word or a dash as one period', () => {
    expect(periods('our plan for 2023 to 2028 sets')).toEqual([['2023 to 2028', '2023', '2028']])
    expect(periods('the 2023-2028 strategy')).toEqual([['2023-2028', '2023', '2028']])
    expect(periods('between 2024 and 2029')).toEqual([['between 2024 and 2029', '2024', '2029']])
    expect(periods('from 2022 until 2025')).toEqual([['from 2022 until 2025', '2022', '2025']])
    expect(periods('from April 2024 to March 2025')).toEqual([['from April 2024 to March 2025', '2024-04', '2025-03']])
  })

  it('should read a financial year as April to March', () => {
    expect(periods('in 2023/24 we spent')).toEqual([['in 2023/24', '2023-04', '2024-03']])
    expect(periods('in 2023-24')).toEqual([['in 2023-24', '2023-04', '2024-03']])
    expect(periods('2023/24 to 2027/28')).toEqual([['2023/24 to 2027/28', '2023-04', '2028-03']])
  })

  it('should leave two dates that are not a period', () => {
    expect(periods('in 2020 and 2021')).toEqual([])
    expect(periods('by 2031')).toEqual([])
    expect(periods('2028 to 2023')).toEqual([])
    expect(periods('in 2020, and by 2025')).toEqual([])
  })

  it('should give offsets into the text', () => {
    const [match] = findPeriods('Our plan for 2023 to 2028.')
    expect(match && [match.start, match.end]).toEqual([13, 25])
  })
})

describe('findDatesAndPeriods', () => {
  it('should count a joined period as one interval and leave other dates as findDates reads them', () => {
    const found = findDatesAndPeriods('From April 2024 to March 2025, in 2023/24, and between 2019 and 2023; by 2031.').map(({date}) => [date.text, date.date, date.precision, date.qualifier])
    expect(found).toEqual([
      ['From April 2024 to March 2025', '2024-04/2025-03', 'month', null],
      ['in 2023/24', '2023-04/2024-03', 'month', 'in'],
      ['between 2019 and 2023', '2019/2023', 'year', null],
      ['by 2031', '2031', 'year', 'by']
    ])
  })
})
