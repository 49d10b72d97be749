import {describe, expect, it} from 'vitest'
import {toVFile} from '../../pipeline/read/index.ts'
import {messagesOf} from '../helpers/project.ts'

const encode = (text: string) => new TextEncoder().encode(text)

describe('toVFile', () => {
  it('should drop a byte-order mark and turn CRLF into LF', () => {
    const file = toVFile('sources/documents/a.md', encode('\uFEFF---\r\nid: a\r\n---\r\nText\r\n'))
    expect(String(file.value)).toBe('---\nid: a\n---\nText\n')
    expect(file.messages).toEqual([])
  })

  it('should hash the bytes as stored', () => {
    const file = toVFile('sources/documents/a.md', encode('abc'))
    expect(file.data.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('should reject bytes that are not UTF-8 at line 1', () => {
    const file = toVFile('sources/documents/a.md', new Uint8Array([0x2d, 0xff, 0xfe, 0x41]))
    expect(messagesOf(file)).toEqual(['1:1 file-encoding Unexpected bytes that are not UTF-8, expected UTF-8 text'])
  })

  it('should reject a NUL byte where it is', () => {
    const file = toVFile('sources/documents/a.md', encode('---\nid: a\x00\n'))
    expect(messagesOf(file)).toEqual(['2:6 file-encoding Unexpected NUL byte, expected text'])
  })

  it('should reject an empty file', () => {
    expect(messagesOf(toVFile('sources/documents/a.md', encode(' \n\n')))[0]).toMatch(/^1:1 empty-file /)
  })

  it('should reject a file name that is not a slug', () => {
    expect(messagesOf(toVFile('sources/documents/My File.md', encode('x')))[0]).toMatch(/^1:1 file-name Unexpected file name `My File.md`/)
  })
})
