import {describe, expect, it} from 'vitest'
import type {DateExpression} from '../../pipeline/dates/index.ts'
import {findDates, parseDateExpression} from '../../pipeline/dates/index.ts'

function date(text: string, iso: string, precision: DateExpression['precision'], qualifier: string | null = null): DateExpression {
  return {date: iso, precision, qualifier, text}
}

/** The texts findDates reports. */
function texts(text: string): string[] {
  return findDates(text).map((match) => match.date.text)
}

describe('parseDateExpression', () => {
  it('should read a day, month and year', () => {
    expect(parseDateExpression('1 July 2022')).toEqual(date('1 July 2022', '2022-07-01', 'day'))
    expect(parseDateExpression('19 March 2021')).toEqual(date('19 March 2021', '2021-03-19', 'day'))
    expect(parseDateExpression('1st of July, 2022')).toEqual(date('1st of July, 2022', '2022-07-01', 'day'))
    expect(parseDateExpression('31 December 2099')?.date).toBe('2099-12-31')
  })

  it('should read a month written before the day', () => {
    expect(parseDateExpression('July 1, 2022')).toEqual(date('July 1, 2022', '2022-07-01', 'day'))
  })

  it('should read a month and year', () => {
    expect(parseDateExpression('July 2020')).toEqual(date('July 2020', '2020-07', 'month'))
    expect(parseDateExpression('April 2021')).toEqual(date('April 2021', '2021-04', 'month'))
  })

  it('should read abbreviated and upper-case month names', () => {
    expect(parseDateExpression('Sept. 2021')?.date).toBe('2021-09')
    expect(parseDateExpression('Sep 2021')?.date).toBe('2021-09')
    expect(parseDateExpression('1 Jan 2020')?.date).toBe('2020-01-01')
    expect(parseDateExpression('1 JULY 2022')?.date).toBe('2022-07-01')
  })

  it('should not read lower-case month names, which are more often words', () => {
    expect(parseDateExpression('may 2020')).toBeUndefined()
    expect(texts('up to 5 may apply')).toEqual([])
  })

  it('should read a four-digit year from 1900 to 2100', () => {
    expect(parseDateExpression('2016')).toEqual(date('2016', '2016', 'year'))
    expect(parseDateExpression('1900')?.date).toBe('1900')
    expect(parseDateExpression('2100')?.date).toBe('2100')
    expect(parseDateExpression('1899')).toBeUndefined()
    expect(parseDateExpression('2101')).toBeUndefined()
    expect(parseDateExpression('20160')).toBeUndefined()
  })

  it('should read numeric dates: ISO 8601 and UK day-first', () => {
    expect(parseDateExpression('2022-07-01')).toEqual(date('2022-07-01', '2022-07-01', 'day'))
    expect(parseDateExpression('01/07/2022')).toEqual(date('01/07/2022', '2022-07-01', 'day'))
  })

  it('should read a financial year as its months, April to March', () => {
    expect(parseDateExpression('2020/21')).toEqual(date('2020/21', '2020-04/2021-03', 'month'))
    expect(parseDateExpression('2020-21')).toEqual(date('2020-21', '2020-04/2021-03', 'month'))
    expect(parseDateExpression('2020/2021')).toEqual(date('2020/2021', '2020-04/2021-03', 'month'))
    expect(parseDateExpression('1999/00')?.date).toBe('1999-04/2000-03')
    expect(parseDateExpression('2020/25')).toBeUndefined()
  })

  it('should read each bounding qualifier in lower case', () => {
    const cases: [string, string, string][] = [
      ['by 2031', 'by', '2031'],
      ['from April 2020', 'from', '2020-04'],
      ['since 1 July 2019', 'since', '2019-07-01'],
      ['As of 19 March 2021', 'as of', '2021-03-19'],
      ['On 1 July 2022', 'on', '2022-07-01'],
      ['in 2016', 'in', '2016'],
      ['before 2020', 'before', '2020'],
      ['after March 2020', 'after', '2020-03'],
      ['until 2024', 'until', '2024'],
      ['during 2021/22', 'during', '2021-04/2022-03'],
      ['AS\u00a0OF 2020', 'as of', '2020'],
    ]
    for (const [text, qualifier, iso] of cases) {
      expect(parseDateExpression(text), text).toEqual(expect.objectContaining({qualifier, date: iso, text}))
    }
  })

  it('should reject impossible dates', () => {
    expect(parseDateExpression('31 February 2021')).toBeUndefined()
    expect(parseDateExpression('29 February 2021')).toBeUndefined()
    expect(parseDateExpression('29 February 2020')?.date).toBe('2020-02-29')
    expect(parseDateExpression('31 April 2021')).toBeUndefined()
    expect(parseDateExpression('0 July 2021')).toBeUndefined()
    expect(parseDateExpression('2021-13-01')).toBeUndefined()
    expect(parseDateExpression('31/02/2021')).toBeUndefined()
  })

  it('should trim the input and reject strings that are not one date', () => {
    expect(parseDateExpression('  July 2020 ')).toEqual(date('July 2020', '2020-07', 'month'))
    expect(parseDateExpression('')).toBeUndefined()
    expect(parseDateExpression('1 July')).toBeUndefined()
    expect(parseDateExpression('July 2020 and 2021')).toBeUndefined()
    expect(parseDateExpression('by')).toBeUndefined()
  })
})

describe('findDates', () => {
  it('should give offsets that cover the qualifier', () => {
    const text = 'They have been live since 1 July 2019.'
    expect(findDates(text)).toEqual([{start: 20, end: 37, date: date('since 1 July 2019', '2019-07-01', 'day', 'since')}])
    expect(text.slice(20, 37)).toBe('since 1 July 2019')
  })

  it('should not find impossible dates, nor the month and year inside them', () => {
    expect(findDates('It opened on 31 February 2021.')).toEqual([])
  })

  it('should not take a qualifier from inside a word', () => {
    expect(texts('a common 2020 aim')).toEqual(['2020'])
    // Wide enough that the look-back window starts at the "on" of "common".
    expect(texts(`a common${' '.repeat(22)}2020`)).toEqual(['2020'])
    expect(texts('within 2020')).toEqual(['2020'])
  })

  it('should not read numbers that are money, percentages, counts or parts of numbers as years', () => {
    expect(texts('£2016, 2016%, 2016 per cent, 2,016, 2016.5, 12016 and 2016 million')).toEqual([])
  })

  it('should read each year of a span of years', () => {
    expect(texts('from 2019 to 2024')).toEqual(['from 2019', '2024'])
    expect(texts('2019-2024')).toEqual(['2019', '2024'])
  })

  it('should report dates left to right without overlaps', () => {
    const matches = findDates('From April 2020 to March 2021, and by 2031, on 1 July 2022.')
    expect(matches.map((match) => match.date.text)).toEqual(['From April 2020', 'March 2021', 'by 2031', 'on 1 July 2022'])
    for (const [index, match] of matches.entries()) {
      if (index > 0) expect(match.start).toBeGreaterThanOrEqual(matches[index - 1]!.end)
    }
  })

  it('should find every date in real sentences, and nothing else', () => {
    const cases: [string, DateExpression[]][] = [
      ['Over 528,000 people – that’s almost one in three – live with one or more significant long-term health conditions, including around 12,000 with dementia.', []],
      ['We spend just £86m (2 per cent) of our budget supporting people to stay well and prevent illness, compared to £3.4 billion treating ill-health.', []],
      [
        'The number of people living in Kent and Medway is predicted to rise by almost a quarter by 2031.',
        [date('by 2031', '2031', 'year', 'by')],
      ],
      ['There are currently 42 ICSs across England and each covers a population size of 1-3 million.', []],
      ['Forty two\u00a0primary care networks\u00a0across Kent and Medway.', []],
      ['If staffing was in line with the national average, there would be 175 more GPs in Kent and Medway. Over half our practice nurses could retire in 10 years.', []],
      ['Fourteen of the 44 STPs are already working towards becoming integrated care systems.', []],
      ['People with a serious mental illness die on average 15 to 20 years earlier than the general population.', []],
      [
        'On 1 July 2022, the integrated care system was given statutory responsibilities',
        [date('On 1 July 2022', '2022-07-01', 'day', 'on')],
      ],
      ['They have been live in Kent and Medway since 1 July 2019.', [date('since 1 July 2019', '2019-07-01', 'day', 'since')]],
      [
        'In Kent and Medway current thinking is for the ICS and CCG establishment to take place from April 2020.',
        [date('from April 2020', '2020-04', 'month', 'from')],
      ],
      [
        'This is to safeguard existing posts and ensure CCG are able to deliver management cost savings in 2020/21.',
        [date('in 2020/21', '2020-04/2021-03', 'month', 'in')],
      ],
    ]
    for (const [sentence, expected] of cases) {
      const matches = findDates(sentence)
      expect(matches.map((match) => match.date), sentence).toEqual(expected)
      for (const match of matches) expect(sentence.slice(match.start, match.end)).toBe(match.date.text)
    }
  })
})
