import {describe, expect, it} from 'vitest'
import {findUnreadNumbers} from '../../pipeline/figures/unread.ts'

const unread = (text: string) => findUnreadNumbers(text).map((number) => number.text)

describe('findUnreadNumbers', () => {
  it('should list digits glued to a word that make no figure', () => {
    expect(unread('our 85practices who work in 31 networks')).toEqual(['85'])
    expect(findUnreadNumbers('our 85practices')).toEqual([{start: 4, end: 6, text: '85'}])
  })

  it('should not list figures, dates, periods, labels or known shapes', () => {
    expect(unread('our 85GP practices who work in 31 networks')).toEqual([])
    expect(unread('Objective 1: from 2023 to 2028, in 2023/24 and on 1 July 2022')).toEqual([])
    expect(unread('the 1990s, 10am, 10:30, 24/7, COVID-19, the 1st, version 1.2.3, 5-a-side, the M20')).toEqual([])
    expect(unread('14. When will this happen?')).toEqual([])
  })
})
