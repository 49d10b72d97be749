import {describe, expect, it} from 'vitest'
import {findOrganisations} from '../../pipeline/detect/organisations.ts'

const names = (text: string) => findOrganisations(text).map((match) => match.name)

describe('findOrganisations', () => {
  it('should find NHS trusts, foundation trusts and councils, each apart from the next', () => {
    expect(names('Our partners include Frimley Health NHS Foundation Trust and Royal Surrey NHS Foundation Trust, as well as Surrey County Council.'))
      .toEqual(['Frimley Health NHS Foundation Trust', 'Royal Surrey NHS Foundation Trust', 'Surrey County Council'])
    expect(names('In Kent the Kent and Medway NHS and Social Care Partnership Trust runs services.')).toEqual(['Kent and Medway NHS and Social Care Partnership Trust'])
  })

  it('should keep the commas of a council\'s name, and only there', () => {
    expect(names('Dorset Council, Bournemouth, Christchurch and Poole Council and University Hospitals Dorset NHS Foundation Trust work together.'))
      .toEqual(['Dorset Council', 'Bournemouth, Christchurch and Poole Council', 'University Hospitals Dorset NHS Foundation Trust'])
    expect(names('Stoke-on-Trent City Council and Royal Borough of Windsor and Maidenhead Council')).toEqual(['Stoke-on-Trent City Council', 'Royal Borough of Windsor and Maidenhead Council'])
  })

  it('should find named boards and partnerships, and end a name at its head word', () => {
    expect(names('The Surrey Heartlands Integrated Care Partnership brings together Ashford and St Peter’s Hospitals NHS Foundation Trust.'))
      .toEqual(['Surrey Heartlands Integrated Care Partnership', 'Ashford and St Peter’s Hospitals NHS Foundation Trust'])
    expect(names('NHS Dorset Integrated Care Board Chief Executive')).toEqual(['NHS Dorset Integrated Care Board'])
    expect(names('We work with the Greater Manchester Combined Authority and the Sussex Health and Care Assembly.')).toEqual(['Greater Manchester Combined Authority', 'Sussex Health and Care Assembly'])
    expect(names('The Combined Authority and the Health Authority')).toEqual([])
  })

  it('should not take generic bodies, or what is not a trust, council, board or partnership', () => {
    expect(names('The Integrated Care Board and the Health and Wellbeing Board meet.')).toEqual([])
    expect(names('Dorset Health and Wellbeing Board and the Audit and Risk Committee')).toEqual(['Dorset Health and Wellbeing Board'])
    expect(names('Working with Healthwatch Dorset and the Care Quality Commission.')).toEqual([])
  })

  it('should keep commas only in a list of places joined by "and", and "Our" after "The"', () => {
    expect(names('the Bournemouth, Christchurch and Poole Health and Wellbeing Board each')).toEqual(['Bournemouth, Christchurch and Poole Health and Wellbeing Board'])
    expect(names('In Surrey, Frimley Health NHS Foundation Trust runs')).toEqual(['Frimley Health NHS Foundation Trust'])
    expect(names('The Our Dorset Integrated Care Partnership is')).toEqual(['Our Dorset Integrated Care Partnership'])
    expect(names('the minutes of the Our Dorset Integrated Care Partnership')).toEqual(['Our Dorset Integrated Care Partnership'])
    expect(names('Our Dorset Council')).toEqual(['Dorset Council'])
  })

  it('should find an integrated care board by "NHS" and its area, given the areas', () => {
    const text = 'The NHS Dorset board, NHS Kent and Medway Integrated Care Board and NHS England.'
    expect(findOrganisations(text, {boardAreas: ['Dorset', 'Kent and Medway']}).map((match) => match.name)).toEqual(['NHS Dorset', 'NHS Kent and Medway Integrated Care Board'])
    expect(names(text)).toEqual(['NHS Kent and Medway Integrated Care Board'])
  })

  it('should end a "Royal Borough of" council before the next name, with or without a head word', () => {
    expect(names('Bracknell Forest Council, the Royal Borough of Windsor and Maidenhead and Slough Borough Council.')).toEqual(['Bracknell Forest Council', 'Royal Borough of Windsor and Maidenhead', 'Slough Borough Council'])
    expect(names('the London Borough of Camden.')).toEqual(['London Borough of Camden'])
  })
})
