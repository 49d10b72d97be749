import {describe, expect, it} from 'vitest'
import {chunkRows} from '../../pipeline/write/csv.ts'
import {jsonChunks, jsonLayout, toJson} from '../../pipeline/write/json.ts'

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

describe('jsonLayout.spans', () => {
  const columns = ['id', 'list', 'nested']
  const record = (index: number) => ({id: `r${index}`, list: index % 2 ? ['a', '\n  },\n  {\n', '£–'] : [], nested: {deep: {note: 'x'}}})

  it('should find in the bytes each record’s row, as JSON.stringify writes that record alone in an array', () => {
    for (const count of [0, 1, 2, 5]) {
      const records = Array.from({length: count}, (_, index) => record(index))
      const bytes = Buffer.from(toJson(records, columns))
      const spans = jsonLayout.spans(bytes, columns)!
      const rows = Array.from({length: spans.length / 2}, (_, row) => bytes.subarray(spans[2 * row], spans[2 * row + 1]).toString('utf8'))
      // `[\n` + the row + `\n]`: the row is what sits between the brackets.
      expect(rows).toEqual(records.map((one) => JSON.stringify([one], null, 2).slice(2, -2)))
    }
  })

  it('should refuse bytes that are not such a file', () => {
    expect(jsonLayout.spans(Buffer.from('[1, 2]\n'), columns)).toBeUndefined()
    expect(jsonLayout.spans(Buffer.from(toJson([record(0)], columns).slice(0, -1)), columns)).toBeUndefined()
  })
})
