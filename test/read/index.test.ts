import {describe, expect, it} from 'vitest'
import {frontmatterPlace} from '../../pipeline/parse/index.ts'
import {orphanJudgements, readDocuments, toVFile} from '../../pipeline/read/index.ts'
import {temporaryFolder} from '../helpers/folder.ts'
import {frontmatter, messagesOf, write} from '../helpers/project.ts'

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

describe('readDocuments', () => {
  const root = temporaryFolder('icb-read-')

  it('should attach to each document its judgements file, parsed, or an empty one when it has none', async () => {
    await write(root(), 'sources/documents/a.md', frontmatter('a') + '\nText.\n')
    await write(root(), 'sources/documents/b.md', frontmatter('b') + '\nText.\n')
    await write(root(), 'sources/judgements/a.yml', '# Judged.\nstatistics:\n  - {id: x, quote: Text, label: Label, unit: things}\n')
    const [a, b] = readDocuments(root())
    expect(a!.path).toBe('sources/documents/a.md')
    expect(a!.data.judgements?.path).toBe('sources/judgements/a.yml')
    expect(a!.data.judgements?.data.matter).toEqual({statistics: [{id: 'x', quote: 'Text', label: 'Label', unit: 'things'}]})
    // Its problems are placed at its own lines: the statistic is on line 3 of the judgements file.
    expect(frontmatterPlace(a!.data.judgements!, ['statistics', 0, 'quote'])).toEqual({line: 3, column: 20})
    expect(b!.data.judgements?.path).toBe('sources/judgements/b.yml')
    expect(b!.data.judgements?.data.matter).toEqual({})
    expect([a, b, a!.data.judgements, b!.data.judgements].flatMap((file) => file!.messages)).toEqual([])
  })

  it('should report a judgements file whose document does not exist', async () => {
    await write(root(), 'sources/judgements/gone.yml', 'statistics: []\n')
    const files = orphanJudgements(root(), readDocuments(root()))
    expect(files.map((file) => [file.path, ...messagesOf(file)])).toEqual([
      ['sources/judgements/gone.yml', '1:1 judgements-without-document Unexpected judgements for `gone`, expected a document `sources/documents/gone.md`']
    ])
    expect(files[0]!.messages[0]!.fatal).toBe(true)
  })
})
