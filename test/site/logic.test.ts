/** The site's pure functions that decide what a reader sees: paging, shortened cells, a filter's matches, sort order, chart axes. */
import {describe, expect, it} from 'vitest'
import {linearAxis, logAxis, tickLabel} from '../../site/src/lib/axis.ts'
import {cellRoom, shortenCell, wordRoom} from '../../site/src/lib/format.ts'
import {laterPages, pageCount, pageHolding, pageOfList, pageSize, pageUrl} from '../../site/src/lib/paging.ts'
import {compareCells, matches} from '../../site/src/scripts/rows.ts'

describe('paging', () => {
  it('puts every item on exactly one page, page 1 at the list’s own address', () => {
    for (const total of [0, 1, pageSize - 1, pageSize, pageSize + 1, pageSize * 3 + 7]) {
      const items = Array.from({length: total}, (_, index) => index)
      const seen = Array.from({length: pageCount(total)}, (_, index) => pageOfList(items, index + 1).items).flat()
      expect(seen).toEqual(items)
      for (const index of items) expect(pageOfList(items, pageHolding(index)).items).toContain(index)
      expect(laterPages(total, {}).map((path) => path.params.page)).toEqual(Array.from({length: pageCount(total) - 1}, (_, index) => String(index + 2)))
    }
    expect(pageUrl('/terms/', 1)).toBe('/terms/')
    expect(pageUrl('/terms/', 3)).toBe('/terms/pages/3/')
  })
})

describe('a table cell', () => {
  it('keeps short text, cuts long text near a word and a long unbroken run to its start, each with an ellipsis', () => {
    expect(shortenCell('Kent and Medway')).toBe('Kent and Medway')
    const long = 'word '.repeat(60).trim()
    expect(shortenCell(long).length).toBeLessThanOrEqual(cellRoom + 1)
    expect(shortenCell(long).endsWith('…')).toBe(true)
    const hash = 'a'.repeat(64)
    expect(shortenCell(hash)).toBe(`${'a'.repeat(wordRoom - 1)}…`)
    // A hyphen is a place a line may break: an id stays whole.
    const id = 'clinical-commissioning-group-part-of-integrated-care-39b30b'
    expect(shortenCell(id)).toBe(id)
  })
})

describe('filter and sort', () => {
  const row = (...texts: string[]) => ({id: texts.join('-'), cells: texts.map((t) => ({t}))})
  it('matches a row when every word is in some cell', () => {
    expect(matches(row('Dementia care', '2022'), ['dementia', '2022'])).toBe(true)
    expect(matches(row('Dementia care', '2022'), ['dementia', '2023'])).toBe(false)
    expect(matches(row('x'), [])).toBe(true)
  })

  it('sorts numbers by value and text as en-GB, an empty cell last in either direction', () => {
    const cells = [{t: '10', s: 10}, {t: ''}, {t: '9', s: 9}, {t: '100', s: 100}]
    expect(cells.toSorted((a, b) => compareCells(a, b, false)).map((cell) => cell.t)).toEqual(['9', '10', '100', ''])
    expect(cells.toSorted((a, b) => compareCells(a, b, true)).map((cell) => cell.t)).toEqual(['100', '10', '9', ''])
    const words = [{t: 'beta'}, {t: ''}, {t: 'Alpha'}]
    expect(words.toSorted((a, b) => compareCells(a, b, true)).map((cell) => cell.t)).toEqual(['beta', 'Alpha', ''])
  })
})

describe('chart axes', () => {
  it('run from 0 to a round number at or past the largest value, each tick inside the axis', () => {
    for (const max of [1, 7, 42, 100, 3_400_000_000]) {
      const axis = linearAxis(max, 'GBP')
      expect(axis.ticks[0]).toBe(0)
      expect(axis.ticks.at(-1)).toBeGreaterThanOrEqual(max)
      expect(axis.at(max)).toBeLessThanOrEqual(100)
      expect(axis.ticks.length).toBeLessThanOrEqual(6)
    }
    const log = logAxis(3000, 250_000, 'people')
    expect(log.ticks).toEqual([1000, 10_000, 100_000, 1_000_000])
    expect(log.at(1000)).toBe(0)
    expect(tickLabel(2_000_000_000, 'GBP')).toBe('£2bn')
    expect(tickLabel(25, 'percent')).toBe('25%')
  })
})
