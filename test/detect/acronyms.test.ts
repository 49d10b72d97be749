import {describe, expect, it} from 'vitest'
import {findAcronyms} from '../../pipeline/detect/acronyms.ts'

const first = (text: string) => findAcronyms(text).map(({abbreviation, name}) => [abbreviation, name])

describe('findAcronyms', () => {
  it('should find "Full Name (ABBR)", plural abbreviations included', () => {
    expect(first('Primary care networks (PCNs) are groups')).toEqual([['PCN', 'Primary care networks']])
    expect(first('the NHS Kent and Medway Integrated Care Board (ICB)')).toEqual([['ICB', 'Integrated Care Board']])
  })

  it('should skip minor words and use the parts of hyphenated words', () => {
    expect(first('voluntary, community and social enterprise (VCSE) sector')).toEqual([['VCSE', 'voluntary, community and social enterprise']])
    expect(first('the east Kent pre-consultation business case (PCBC)')).toEqual([['PCBC', 'pre-consultation business case']])
    expect(first('(Quality, Service Improvement and Redesign (QSIR) is')).toEqual([['QSIR', 'Quality, Service Improvement and Redesign']])
  })

  it('should find "ABBR – Full Name" at the start of a block', () => {
    expect(first('STP – Sustainability and Transformation Plans/Partnerships')).toEqual([['STP', 'Sustainability and Transformation Plans/Partnerships']])
    expect(first('ICP - Integrated Care Partnerships/Providers')).toEqual([['ICP', 'Integrated Care Partnerships/Providers']])
  })

  it('should not take an abbreviation whose initials do not match', () => {
    expect(first('the local plan (ICS) says')).toEqual([])
    expect(first('ICS – a new structure')).toEqual([])
  })
})
