import {describe, expect, it} from 'vitest'
import {findAcronyms} from '../../pipeline/detect/acronyms.ts'

const first = (text: string) => findAcronyms(text).map(({abbreviation, name}) => [abbreviation, name])

describe('findAcronyms', () => {
  it('should find "Full Name (ABBR)", plural abbreviations included', () => {
    expect(first('Primary care networks (PCNs) are groups')).toEqual([['PCN', 'Primary care networks']])
    expect(first('the NHS Kent and Medway Integrated Care Board (ICB)')).toEqual([['ICB', 'Integrated Care Board']])
  })

  it('should give the expansion\'s offsets, whatever white space stands between its words', () => {
    for (const text of ['the integrated\u00a0care board (ICB) is', 'the integrated  care\tboard (ICB) is', 'the integrated care board  sector (ICB)']) {
      const [match] = findAcronyms(text)
      expect(match && [match.start, text.slice(match.start, match.end)], JSON.stringify(text)).toEqual([4, text.slice(4, text.indexOf(')') + 1)])
      expect(match?.name.replace(/\s+/gu, ' ')).toBe('integrated care board')
    }
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

  it('should allow one word between the expansion and the brackets, and leave it out of the expansion', () => {
    const text = 'the voluntary, community and social enterprise sector (VCSE) is'
    const [match] = findAcronyms(text)
    expect(match && [match.abbreviation, match.name, text.slice(match.start, match.end)]).toEqual(['VCSE', 'voluntary, community and social enterprise', 'voluntary, community and social enterprise sector (VCSE)'])
  })

  it('should let an organisation\'s abbreviation leave out "NHS" or its "NHS Foundation Trust", which stay in its name', () => {
    expect(first('Dorset County Hospital NHS Foundation Trust (DCHFT) runs')).toEqual([['DCHFT', 'Dorset County Hospital NHS Foundation Trust']])
    expect(first('University Hospitals Dorset NHS Foundation Trust (UHD) runs')).toEqual([['UHD', 'University Hospitals Dorset NHS Foundation Trust']])
    expect(first('Accident and Emergency (A&E) departments')).toEqual([['A&E', 'Accident and Emergency']])
  })

  it('should not skip more than one word, nor invent an expansion', () => {
    expect(first('the voluntary, community and social enterprise sector partners (VCSE)')).toEqual([])
    expect(first('our GPs and the NHS (NHS)')).toEqual([])
  })
})
