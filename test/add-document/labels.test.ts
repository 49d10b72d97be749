import {describe, expect, it} from 'vitest'
import {suggestLabel} from '../../pipeline/add-document/labels.ts'

/** The label suggested for the first occurrence of `figure` in `text`. */
function labelOf(text: string, figure: string): string {
  const start = text.indexOf(figure)
  return suggestLabel(text, start, start + figure.length)
}

describe('suggestLabel', () => {
  it('should take the words after the figure, up to a verb, a hedge or a preposition', () => {
    expect(labelOf('our 156GP practices employ around 1,200 GPs.', '156')).toBe('GP practices')
    expect(labelOf('There are 35 primary care networks (PCNs) in Sussex.', '35')).toBe('primary care networks')
    expect(labelOf('We serve 1.7 million people across Brighton and Hove.', '1.7 million')).toBe('people')
  })

  it('should name a share by what it is a share of', () => {
    expect(labelOf('20% of our staff work in the community.', '20%')).toBe('share of staff')
  })

  it('should take the words before the figure when none follow', () => {
    expect(labelOf('Last year we spent £3.9 billion.', '£3.9 billion')).toBe('spent')
    expect(labelOf('It is 42.', '42')).toBe('figure')
  })
})
