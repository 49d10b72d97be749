import {describe, expect, it} from 'vitest'
import {chunkRows} from '../../pipeline/write/csv.ts'
import {jsonChunks, toJson} from '../../pipeline/write/json.ts'

describe('toJson', () => {
  it('should write fields in column order, missing ones as null, with a final newline', () => {
    expect(toJson([{b: 2, a: 'x', extra: true}], ['a', 'b', 'c'])).toBe('[\n  {\n    "a": "x",\n    "b": 2,\n    "c": null\n  }\n]\n')
  })
})

describe('jsonChunks', () => {
  it('should give, piece by piece, exactly JSON.stringify of the whole array', () => {
    const records = Array.from({length: chunkRows + 3}, (_, index) => ({id: `r${index}`, list: index % 2 ? ['a', 'b'] : [], nested: {note: 'line\nbreak "quoted"'}}))
    const pieces = [...jsonChunks(records, ['id', 'list', 'nested', 'missing'])]
    expect(pieces.length).toBeGreaterThan(2)
    const expected = records.map((record) => ({id: record.id, list: record.list, nested: record.nested, missing: null}))
    expect(pieces.join('')).toBe(JSON.stringify(expected, null, 2) + '\n')
  })

  it('should write an empty array for no records', () => {
    expect([...jsonChunks([], ['id'])].join('')).toBe('[]\n')
  })
})
