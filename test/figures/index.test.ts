import {describe, expect, it} from 'vitest'
import type {Figure} from '../../pipeline/figures/index.ts'
import {findFigures, parseFigure} from '../../pipeline/figures/index.ts'

/** A figure with defaults, so each expectation states only what matters. */
function figure(text: string, fields: Partial<Figure>): Figure {
  return {value: null, low: null, high: null, unit: null, qualifier: null, text, ...fields}
}

/** The texts findFigures reports, for tests about what is or is not a figure. */
function texts(text: string): string[] {
  return findFigures(text).map((match) => match.figure.text)
}

describe('parseFigure', () => {
  it('should read digits with thousands separators and decimals', () => {
    expect(parseFigure('528,000')).toEqual(figure('528,000', {value: 528000}))
    expect(parseFigure('1,000')).toEqual(figure('1,000', {value: 1000}))
    expect(parseFigure('1,234,567')).toEqual(figure('1,234,567', {value: 1234567}))
    expect(parseFigure('3.4')).toEqual(figure('3.4', {value: 3.4}))
    expect(parseFigure('12,000.5')).toEqual(figure('12,000.5', {value: 12000.5}))
    expect(parseFigure('42')).toEqual(figure('42', {value: 42}))
  })

  it('should read number words in any case, with or without a hyphen or space', () => {
    expect(parseFigure('Forty two')?.value).toBe(42)
    expect(parseFigure('forty-two')?.value).toBe(42)
    expect(parseFigure('FORTY TWO')?.value).toBe(42)
    expect(parseFigure('Fourteen')?.value).toBe(14)
    expect(parseFigure('four')?.value).toBe(4)
    expect(parseFigure('eight')?.value).toBe(8)
    expect(parseFigure('nine')?.value).toBe(9)
    expect(parseFigure('two')?.value).toBe(2)
    expect(parseFigure('one million')?.value).toBe(1_000_000)
    const units = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
      'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
    units.forEach((word, index) => expect(parseFigure(word)?.value).toBe(index + 1))
    const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
    tens.forEach((word, index) => expect(parseFigure(word)?.value).toBe((index + 2) * 10))
    expect(parseFigure('ninety-nine')?.value).toBe(99)
    expect(parseFigure('two hundred')?.value).toBe(200)
    expect(parseFigure('two hundred and fifty thousand')?.value).toBe(250_000)
    expect(parseFigure('three thousand four hundred and twelve')?.value).toBe(3412)
    expect(parseFigure('two billion')?.value).toBe(2_000_000_000)
    expect(parseFigure('Forty\u00a0two')?.value).toBe(42)
  })

  it('should not read number words that do not make a number', () => {
    expect(parseFigure('two three')).toBeUndefined()
    expect(parseFigure('twenty twelve')).toBeUndefined()
    expect(parseFigure('hundred')).toBeUndefined()
    expect(parseFigure('million')).toBeUndefined()
    expect(parseFigure('thousand million')).toBeUndefined()
    expect(parseFigure('a single')).toBeUndefined()
  })

  it('should apply scale words after a number', () => {
    expect(parseFigure('£3.4 billion')).toEqual(figure('£3.4 billion', {value: 3_400_000_000, unit: 'GBP'}))
    expect(parseFigure('£86m')).toEqual(figure('£86m', {value: 86_000_000, unit: 'GBP'}))
    expect(parseFigure('£1.2bn')).toEqual(figure('£1.2bn', {value: 1_200_000_000, unit: 'GBP'}))
    expect(parseFigure('250k')).toEqual(figure('250k', {value: 250_000}))
    expect(parseFigure('1.5 million')?.value).toBe(1_500_000)
    expect(parseFigure('0.07m')?.value).toBe(70_000)
    expect(parseFigure('5 thousand')?.value).toBe(5000)
    expect(parseFigure('1-3 million')).toEqual(figure('1-3 million', {low: 1_000_000, high: 3_000_000}))
    expect(parseFigure('more than one million')).toEqual(figure('more than one million', {value: 1_000_000, qualifier: 'more than'}))
  })

  it('should only take abbreviated scales glued to the digits', () => {
    expect(parseFigure('86 m')).toBeUndefined()
    expect(texts('£86 m')).toEqual(['£86'])
  })

  it('should mark a leading £ as GBP', () => {
    expect(parseFigure('£528,000')).toEqual(figure('£528,000', {value: 528000, unit: 'GBP'}))
    expect(parseFigure('£ 5')).toEqual(figure('£ 5', {value: 5, unit: 'GBP'}))
    expect(parseFigure('528,000')?.unit).toBeNull()
  })

  it('should read per cent and % as a proportion from 0 to 1, exactly', () => {
    expect(parseFigure('2 per cent')).toEqual(figure('2 per cent', {value: 0.02, unit: 'proportion'}))
    expect(parseFigure('20%')).toEqual(figure('20%', {value: 0.2, unit: 'proportion'}))
    expect(parseFigure('2.5 percent')).toEqual(figure('2.5 percent', {value: 0.025, unit: 'proportion'}))
    expect(parseFigure('ten per-cent')).toEqual(figure('ten per-cent', {value: 0.1, unit: 'proportion'}))
    expect(parseFigure('100%')).toEqual(figure('100%', {value: 1, unit: 'proportion'}))
    // Not 0.07 * 100 / 100 nor 7 / 100 rounded: the same number as the literal.
    expect(parseFigure('7%')?.value).toBe(0.07)
    expect(parseFigure('14.3%')?.value).toBe(0.143)
    expect(findFigures('We spend (2 per cent) of it')).toEqual([
      {start: 10, end: 20, figure: figure('2 per cent', {value: 0.02, unit: 'proportion'})},
    ])
    expect(parseFigure('£2%')).toBeUndefined()
  })

  it('should read proportions', () => {
    expect(parseFigure('one in three')).toEqual(figure('one in three', {value: 1 / 3, unit: 'proportion'}))
    expect(parseFigure('almost one in three')).toEqual(figure('almost one in three', {value: 1 / 3, unit: 'proportion', qualifier: 'almost'}))
    expect(parseFigure('1 in 5')?.value).toBe(1 / 5)
    expect(parseFigure('nine in every ten')?.value).toBe(9 / 10)
    expect(parseFigure('a quarter')).toEqual(figure('a quarter', {value: 0.25, unit: 'proportion'}))
    expect(parseFigure('almost a quarter')).toEqual(figure('almost a quarter', {value: 0.25, unit: 'proportion', qualifier: 'almost'}))
    expect(parseFigure('half')).toEqual(figure('half', {value: 0.5, unit: 'proportion'}))
    expect(parseFigure('Over half')).toEqual(figure('Over half', {value: 0.5, unit: 'proportion', qualifier: 'over'}))
    expect(parseFigure('a third')).toEqual(figure('a third', {value: 1 / 3, unit: 'proportion'}))
    expect(parseFigure('one-third')?.value).toBe(1 / 3)
    expect(parseFigure('two thirds')?.value).toBe(2 / 3)
    expect(parseFigure('three-quarters')?.value).toBe(3 / 4)
    expect(parseFigure('three in two')).toBeUndefined()
  })

  it('should not read ordinals and compounds as proportions', () => {
    expect(texts('a third of staff')).toEqual(['a third'])
    expect(texts('cut by a fifth.')).toEqual(['a fifth'])
    expect(texts('a third wave')).toEqual([])
    expect(texts('a third party')).toEqual([])
    expect(texts('a third-party supplier')).toEqual([])
    expect(texts('in the first half of the year')).toEqual([])
    expect(texts('a half-day session')).toEqual([])
    expect(texts('almost a fifth')).toEqual(['almost a fifth'])
  })

  it('should read ranges', () => {
    expect(parseFigure('30,000 to 50,000')).toEqual(figure('30,000 to 50,000', {low: 30000, high: 50000}))
    expect(parseFigure('between 250,000 and 500,000')).toEqual(figure('between 250,000 and 500,000', {low: 250000, high: 500000}))
    expect(parseFigure('1-3 million')).toEqual(figure('1-3 million', {low: 1_000_000, high: 3_000_000}))
    expect(parseFigure('1–3 million')).toEqual(figure('1–3 million', {low: 1_000_000, high: 3_000_000}))
    expect(parseFigure('15 to 20')).toEqual(figure('15 to 20', {low: 15, high: 20}))
    expect(parseFigure('one to three')).toEqual(figure('one to three', {low: 1, high: 3}))
    expect(parseFigure('£1m to £3m')).toEqual(figure('£1m to £3m', {low: 1_000_000, high: 3_000_000, unit: 'GBP'}))
    expect(parseFigure('£1-3 million')).toEqual(figure('£1-3 million', {low: 1_000_000, high: 3_000_000, unit: 'GBP'}))
    expect(parseFigure('20% to 30%')).toEqual(figure('20% to 30%', {low: 0.2, high: 0.3, unit: 'proportion'}))
    expect(parseFigure('between 20% and 30%')).toEqual(figure('between 20% and 30%', {low: 0.2, high: 0.3, unit: 'proportion'}))
  })

  // A "%" after the high end applies to both ends, as a scale word does in "1-3 million".
  it('should read a range with one "%" after its high end', () => {
    expect(parseFigure('20-30%')).toEqual(figure('20-30%', {low: 0.2, high: 0.3, unit: 'proportion'}))
    expect(parseFigure('20 to 30 per cent')).toEqual(figure('20 to 30 per cent', {low: 0.2, high: 0.3, unit: 'proportion'}))
  })

  it('should share a scale across a range only when the low end is the smaller number as written', () => {
    expect(parseFigure('500,000 to 1 million')).toEqual(figure('500,000 to 1 million', {low: 500_000, high: 1_000_000}))
    expect(parseFigure('between 250 and 300 million')?.low).toBe(250_000_000)
  })

  it('should not read a range whose ends go down or disagree on the unit', () => {
    expect(parseFigure('20 to 15')).toBeUndefined()
    expect(parseFigure('£5 to 10%')).toBeUndefined()
    expect(texts('one to one support')).toEqual([])
  })

  it('should read each leading qualifier in lower case', () => {
    const cases: [string, string, number][] = [
      ['Over 528,000', 'over', 528000],
      ['around 12,000', 'around', 12000],
      ['about 1,000', 'about', 1000],
      ['possibly four', 'possibly', 4],
      ['a minimum of two', 'a minimum of', 2],
      ['at least one', 'at least', 1],
      ['more than 5', 'more than', 5],
      ['almost 10', 'almost', 10],
      ['typically 3', 'typically', 3],
      ['just £86m', 'just', 86_000_000],
      ['up to 40', 'up to', 40],
      ['nearly 200', 'nearly', 200],
      ['approximately 7', 'approximately', 7],
      ['some 3,000', 'some', 3000],
      ['less than 1%', 'less than', 0.01],
      ['fewer than 50', 'fewer than', 50],
      ['AT LEAST 2', 'at least', 2],
      ['at\u00a0least 2', 'at least', 2],
    ]
    for (const [text, qualifier, value] of cases) expect(parseFigure(text), text).toEqual(expect.objectContaining({qualifier, value, text}))
    expect(parseFigure('circa 30,000 to 50,000')).toEqual(figure('circa 30,000 to 50,000', {low: 30000, high: 50000, qualifier: 'circa'}))
    expect(parseFigure('roughly 30,000 to 50,000')).toEqual(figure('roughly 30,000 to 50,000', {low: 30000, high: 50000, qualifier: 'roughly'}))
  })

  it('should read "or more" after a number as its qualifier', () => {
    expect(parseFigure('one or more')).toEqual(figure('one or more', {value: 1, qualifier: 'or more'}))
    expect(parseFigure('65 and over')).toEqual(figure('65 and over', {value: 65, qualifier: 'and over'}))
    expect(parseFigure('at least 5 or more')).toBeUndefined()
  })

  it('should trim the input and reject strings that are not one figure', () => {
    expect(parseFigure('  42 ')).toEqual(figure('42', {value: 42}))
    expect(parseFigure('')).toBeUndefined()
    expect(parseFigure('people')).toBeUndefined()
    expect(parseFigure('42 people')).toBeUndefined()
    expect(parseFigure('(2 per cent)')).toBeUndefined()
    expect(parseFigure('1st')).toBeUndefined()
    expect(parseFigure('twenty-first')).toBeUndefined()
  })

  it('should leave years and the lone word "one" to the caller, who has no context', () => {
    expect(parseFigure('2016')?.value).toBe(2016)
    expect(parseFigure('one')?.value).toBe(1)
  })
})

describe('findFigures', () => {
  it('should give offsets that cover the qualifier, number, scale and unit', () => {
    const text = 'We spend just £86m on it.'
    const [match] = findFigures(text)
    expect(match).toEqual({start: 9, end: 18, figure: figure('just £86m', {value: 86_000_000, unit: 'GBP', qualifier: 'just'})})
    expect(text.slice(match!.start, match!.end)).toBe(match!.figure.text)
  })

  it('should not report numbers that belong to dates or years', () => {
    expect(texts('On 1 July 2022, it began')).toEqual([])
    expect(texts('from April 2021')).toEqual([])
    expect(texts('As of 19 March 2021 there were 5')).toEqual(['5'])
    expect(texts('in 2016')).toEqual([])
    expect(texts('by 2031')).toEqual([])
    expect(texts('savings in 2020/21')).toEqual([])
    expect(texts('savings in 2020-21')).toEqual([])
    expect(texts('from 2019 to 2021')).toEqual([])
    expect(texts('on 2022-07-01 and 01/07/2022')).toEqual([])
    expect(texts('on July 1, 2022')).toEqual([])
    expect(texts('between 1-3 July 2022')).toEqual([])
    expect(texts('the 1st of July')).toEqual([])
    expect(texts('a total of 1899 and 2101')).toEqual(['1899', '2101'])
    expect(texts('£2016 and 2016%')).toEqual(['£2016', '2016%'])
  })

  it('should not let a year end a range', () => {
    expect(texts('cut waiting lists by 10 to 2025')).toEqual(['10'])
  })

  it('should read "from X to Y" as two figures unless it is a stated range', () => {
    expect(texts('rose from 20 to 25 per cent')).toEqual(['20', '25 per cent'])
    expect(findFigures('ranging from 15 to 20')[0]?.figure).toEqual(figure('15 to 20', {low: 15, high: 20}))
  })

  it('should not report ordinals', () => {
    expect(texts('the first and second plans')).toEqual([])
    expect(texts('the 1st, 2nd and 3rd plans')).toEqual([])
    expect(texts('the twenty-first century')).toEqual([])
  })

  it('should not report numbering at the very start of the string', () => {
    expect(texts('1. What is an integrated care system?')).toEqual([])
    expect(texts('14. When will this happen?')).toEqual([])
    expect(texts('14. When will 20 people know?')).toEqual(['20'])
    expect(texts('There are 14. Then more')).toEqual(['14'])
  })

  it('should not report the numbering of headings, list labels and cross-references', () => {
    expect(texts('Objective 1: Improve outcomes')).toEqual([])
    expect(texts('Objective 4 – Help the NHS support social and economic development')).toEqual([])
    expect(texts('Step 2 is to recruit 40 staff')).toEqual(['40'])
    expect(texts('as Priority 3 sets out, over 12 teams')).toEqual(['over 12'])
    expect(texts('2) Our people')).toEqual([])
    expect(texts('(3) Estates over 5 years')).toEqual(['over 5'])
    expect(texts('Objective 1,200 people')).toEqual(['1,200'])
    expect(texts('the objective 3 per cent')).toEqual(['3 per cent'])
    expect(texts('Mission 3 in numbers')).toEqual([])
  })

  it('should not report the telephone services 999 and NHS 111 as counts', () => {
    expect(texts('more than 1.3 million 999 calls a year')).toEqual(['more than 1.3 million'])
    expect(texts('call NHS 111 or dial 999')).toEqual([])
    expect(texts('999 patients')).toEqual(['999'])
  })

  it('should read digits glued to an abbreviation, and nothing else glued to a word', () => {
    expect(findFigures('our 85GP practices who work in 31 networks').map((match) => [match.figure.text, match.figure.value])).toEqual([['85', 85], ['31', 31]])
    expect(texts('over 12PCNs')).toEqual(['over 12'])
    expect(texts('our 85practices')).toEqual([])
    expect(texts('the 4G network')).toEqual([])
    expect(texts('open 8AM to 8PM, and 10.30AM on Sundays')).toEqual([])
  })

  it('should report "one" only when a scale, proportion, range or qualifier makes it a figure', () => {
    expect(texts('one of the biggest systems')).toEqual([])
    expect(texts('One year on')).toEqual([])
    expect(texts('one million people')).toEqual(['one million'])
    expect(texts('one in three adults')).toEqual(['one in three'])
    expect(texts('one to three visits')).toEqual(['one to three'])
    expect(texts('at least one GP')).toEqual(['at least one'])
    expect(texts('one or more conditions')).toEqual(['one or more'])
    expect(texts('one per cent')).toEqual(['one per cent'])
    expect(texts('forty-one GPs')).toEqual(['forty-one'])
  })

  it('should not report "a single"', () => {
    expect(texts('a single integrated care board')).toEqual([])
  })

  it('should not report numbers glued into identifiers, times and ratios', () => {
    expect(texts('the COVID-19 pandemic')).toEqual([])
    expect(texts('NHS services 24/7')).toEqual([])
    expect(texts('at 10:30 or 10am')).toEqual([])
    expect(texts('the 1990s and over-65s')).toEqual([])
    expect(texts('version 1.2.3')).toEqual([])
    expect(texts('the M20 and ICS2')).toEqual([])
  })

  it('should treat any Unicode white space as a space', () => {
    expect(texts('Forty\u00a0two\u2009people')).toEqual(['Forty\u00a0two'])
    expect(texts('about\u202f1,000')).toEqual(['about\u202f1,000'])
  })

  it('should report figures left to right without overlaps', () => {
    const matches = findFigures('Over 528,000 people, almost one in three, and 15 to 20 years')
    expect(matches.map((match) => match.figure.text)).toEqual(['Over 528,000', 'almost one in three', '15 to 20'])
    for (const [index, match] of matches.entries()) {
      if (index > 0) expect(match.start).toBeGreaterThanOrEqual(matches[index - 1]!.end)
    }
  })

  it('should find every figure in real sentences, and nothing else', () => {
    const cases: [string, [string, Partial<Figure>][]][] = [
      [
        'Over 528,000 people – that’s almost one in three – live with one or more significant long-term health conditions, including around 12,000 with dementia.',
        [
          ['Over 528,000', {value: 528000, qualifier: 'over'}],
          ['almost one in three', {value: 1 / 3, unit: 'proportion', qualifier: 'almost'}],
          ['one or more', {value: 1, qualifier: 'or more'}],
          ['around 12,000', {value: 12000, qualifier: 'around'}],
        ],
      ],
      [
        'We spend just £86m (2 per cent) of our budget supporting people to stay well and prevent illness, compared to £3.4 billion treating ill-health.',
        [
          ['just £86m', {value: 86_000_000, unit: 'GBP', qualifier: 'just'}],
          ['2 per cent', {value: 0.02, unit: 'proportion'}],
          ['£3.4 billion', {value: 3_400_000_000, unit: 'GBP'}],
        ],
      ],
      [
        'The number of people living in Kent and Medway is predicted to rise by almost a quarter by 2031.',
        [['almost a quarter', {value: 0.25, unit: 'proportion', qualifier: 'almost'}]],
      ],
      [
        'There are currently 42 ICSs across England and each covers a population size of 1-3 million.',
        [
          ['42', {value: 42}],
          ['1-3 million', {low: 1_000_000, high: 3_000_000}],
        ],
      ],
      ['Forty two\u00a0primary care networks\u00a0across Kent and Medway.', [['Forty two', {value: 42}]]],
      [
        'If staffing was in line with the national average, there would be 175 more GPs in Kent and Medway. Over half our practice nurses could retire in 10 years.',
        [
          ['175', {value: 175}],
          ['Over half', {value: 0.5, unit: 'proportion', qualifier: 'over'}],
          ['10', {value: 10}],
        ],
      ],
      [
        'Fourteen of the 44 STPs are already working towards becoming integrated care systems.',
        [
          ['Fourteen', {value: 14}],
          ['44', {value: 44}],
        ],
      ],
      [
        'People with a serious mental illness die on average 15 to 20 years earlier than the general population.',
        [['15 to 20', {low: 15, high: 20}]],
      ],
      ['On 1 July 2022, the integrated care system was given statutory responsibilities', []],
      ['They have been live in Kent and Medway since 1 July 2019.', []],
      ['In Kent and Medway current thinking is for the ICS and CCG establishment to take place from April 2020.', []],
      ['This is to safeguard existing posts and ensure CCG are able to deliver management cost savings in 2020/21.', []],
    ]
    for (const [sentence, expected] of cases) {
      const matches = findFigures(sentence)
      expect(matches.map((match) => match.figure), sentence).toEqual(expected.map(([text, fields]) => figure(text, fields)))
      for (const match of matches) expect(sentence.slice(match.start, match.end)).toBe(match.figure.text)
    }
  })
})
