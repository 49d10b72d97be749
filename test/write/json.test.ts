import {describe, expect, it} from 'vitest'
import {toJson} from '../../pipeline/write/json.ts'

describe('toJson', () => {
  it('should write fields in column order, missing ones as null, with a final newline', () => {
    expect(toJson([{b: 2, a: 'x', extra: true}], ['a', 'b', 'c'])).toBe('[\n  {\n    "a": "x",\n    "b": 2,\n    "c": null\n  }\n]\n')
  })
})
