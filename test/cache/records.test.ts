/**
 * The last release's records as JSON lines (pipeline/cache/records.ts): a
 * record is matched to the line that is its own JSON, wherever it moved; a
 * record that is not plain is never matched, and never matches a later one.
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {isPlain, matchRecords, readRecordLines, writeRecordLines} from '../../pipeline/cache/records.ts'
import {temporaryFolder} from '../helpers/folder.ts'

const columns = ['id', 'value', 'names']
const record = (id: string, value: unknown = 1, names: unknown[] = []) => ({id, value, names})

describe('matchRecords', () => {
  const folder = temporaryFolder('icb-records-')

  /** The lines of a records file written of `records`. */
  const linesOf = (records: Array<Record<string, unknown>>) => {
    const file = path.join(folder(), 'records.jsonl')
    writeRecordLines(file, records, columns)
    return readRecordLines(file)!
  }
  const match = (before: Array<Record<string, unknown>>, after: Array<Record<string, unknown>>) => {
    const pieces: Buffer[] = []
    const matched = matchRecords(after, columns, linesOf(before), (piece) => pieces.push(piece))
    return {match: [...matched.match], rows: matched.rows, written: Buffer.concat(pieces).toString('utf8')}
  }

  it('should find each unchanged record where it is, or moved, inserted around or left out', () => {
    const before = ['a', 'b', 'c', 'd', 'e'].map((id) => record(id))
    const after = [record('a'), record('new'), record('c'), record('b'), record('d', 2), record('e')]
    expect(match(before, after)).toMatchObject({match: [0, -1, 2, 1, -1, 4], rows: 5})
  })

  it('should find records in order across more than one piece', () => {
    const before = Array.from({length: 2500}, (_, index) => record(`r${index}`, index))
    const after = before.filter((_, index) => index !== 1200)
    const {match: found} = match(before, after)
    expect(found.every((row, index) => row === (index < 1200 ? index : index + 1))).toBe(true)
  })

  it('should never match a record that is not plain, nor a line written for one', () => {
    const before = [record('a'), {id: 'b', value: Number.NaN, names: []}, record('c')]
    // NaN is written as null in JSON: equal JSON, but not equal values.
    const after = [record('a'), {id: 'b', value: null, names: []}, {id: 'c', value: 1, names: [], extra: true}]
    expect(match(before, after).match).toEqual([0, -1, -1])
  })

  it('should hand on the records file of the records compared, line for line', () => {
    const after = [record('a'), {id: 'b', value: undefined, names: []}, record('c', 3, ['x'])]
    expect(match([record('a')], after).written).toBe('{"id":"a","value":1,"names":[]}\nnull\n{"id":"c","value":3,"names":["x"]}\n')
  })
})

describe('isPlain', () => {
  it('should hold for exactly the columns, each null, a boolean, a string, a finite number or a list of those', () => {
    expect(isPlain({id: 'a', value: 1.5, names: ['x', 2, null, true]}, columns)).toBe(true)
    expect(isPlain({id: 'a', value: null, names: []}, columns)).toBe(true)
  })

  it('should not hold where JSON would hide a difference', () => {
    expect(isPlain({id: 'a', value: 1}, columns)).toBe(false)
    expect(isPlain({id: 'a', value: undefined, names: []}, columns)).toBe(false)
    expect(isPlain({id: 'a', value: 1, names: [], extra: 1}, columns)).toBe(false)
    expect(isPlain({id: 'a', value: Number.NaN, names: []}, columns)).toBe(false)
    expect(isPlain({id: 'a', value: Number.POSITIVE_INFINITY, names: []}, columns)).toBe(false)
    expect(isPlain({id: 'a', value: new Date(0), names: []}, columns)).toBe(false)
    expect(isPlain({id: 'a', value: {note: 'x'}, names: []}, columns)).toBe(false)
    expect(isPlain({id: 'a', value: 1, names: [[1]]}, columns)).toBe(false)
  })
})

