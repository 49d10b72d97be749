import {describe, expect, it} from 'vitest'
import {findAbbreviations} from '../../pipeline/detect/abbreviations.ts'

const found = (text: string) => findAbbreviations(text).map((match) => [match.abbreviation, text.slice(match.start, match.end)])

describe('findAbbreviations', () => {
  it('should find abbreviations, plurals and those glued to digits', () => {
    expect(found('our 85GP practices, the NHS and A&E, ICSs and PCNs')).toEqual([['GP', 'GP'], ['NHS', 'NHS'], ['A&E', 'A&E'], ['ICS', 'ICSs'], ['PCN', 'PCNs']])
  })

  it('should not take codes, names with digits, Roman numerals or a line in capitals', () => {
    expect(found('COVID-19 and the M20 and Core20PLUS5')).toEqual([])
    expect(found('Phase II of the plan')).toEqual([])
    expect(found('OUR PRIORITIES FOR THE NHS')).toEqual([])
    expect(found('Integrated Care Board')).toEqual([])
  })
})
