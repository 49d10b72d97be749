import {serialize} from 'node:v8'
import {describe, expect, it} from 'vitest'
import {stringPool} from '../../pipeline/extract/compact.ts'

/** Whether V8 holds `text` one byte a character: its serialized form says (`"` one-byte, `c` two-byte). */
const oneByte = (text: string) => String.fromCharCode(serialize(text)[2]!) === '"'

describe('stringPool', () => {
  // A document with one character past Latin-1 makes every slice of it two bytes a character.
  const text = 'The ICS’s plan: integrated care partnerships across Kent and Medway, place by place.'
  const quote = text.slice(16, 60)

  it('keeps a Latin-1 slice of a two-byte text one byte a character, with the same value', () => {
    expect(oneByte(quote)).toBe(false)
    const record = {id: 'a', quote, named_in: [quote], line: 3, score: null, nested: {quote}}
    const compacted = stringPool().compact(record)
    expect(compacted).toBe(record)
    expect(compacted).toEqual({id: 'a', quote: text.slice(16, 60), named_in: [text.slice(16, 60)], line: 3, score: null, nested: {quote: text.slice(16, 60)}})
    expect(oneByte(compacted.quote)).toBe(true)
    expect(oneByte(compacted.named_in[0]!)).toBe(true)
    expect(oneByte(compacted.nested.quote)).toBe(true)
  })

  it('keeps every other string as it reads, lone surrogates included', () => {
    const records = [{quote: text}, {quote: 'a \uD800 b'}, {quote: '😀 – “x”'}]
    expect(stringPool().compact(structuredClone(records))).toEqual(records)
  })
})
