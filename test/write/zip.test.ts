import {describe, expect, it} from 'vitest'
import yauzl from 'yauzl'
import {zip, type ZipEntry} from '../../pipeline/write/zip.ts'

const date = '2024-05-01'

/** CRC-32 (IEEE) bit by bit, so the check does not share node:zlib's with the writer. */
function crc(bytes: Uint8Array): number {
  let value = 0xffffffff
  for (const byte of bytes) {
    value ^= byte
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? (value >>> 1) ^ 0xedb88320 : value >>> 1
  }
  return (value ^ 0xffffffff) >>> 0
}

/** Bytes that do not compress: xorshift32 from a fixed seed, the same every run. */
function noise(length: number, seed = 2463534242): Uint8Array {
  const bytes = new Uint8Array(length)
  let state = seed
  for (let index = 0; index < length; index++) {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    bytes[index] = state & 0xff
  }
  return bytes
}

/** Every entry as yauzl reads it, with its content and its local header. */
async function read(buffer: Buffer) {
  const file = await yauzl.fromBufferPromise(buffer, {lazyEntries: true, strictFileNames: true})
  const entries = []
  for await (const entry of file.eachEntry()) {
    const local = await file.readLocalFileHeaderPromise(entry)
    const chunks: Buffer[] = []
    for await (const chunk of await file.openReadStreamPromise(entry)) chunks.push(chunk as Buffer)
    entries.push({entry, local, content: Buffer.concat(chunks)})
  }
  return {count: file.entryCount, comment: file.comment, entries}
}

const text = 'Kent and Medway – £1.2 million\n'
const binary = Uint8Array.from({length: 512}, (_, index) => index % 256)
const repetitive = 'id,name,amount\n' + 'a,Kent and Medway,100\n'.repeat(500)
const random = noise(4096)
const entries: ZipEntry[] = [
  {name: 'README.txt', content: text},
  {name: 'data/£ and – in a name.bin', content: binary},
  {name: 'data/empty.csv', content: ''},
  {name: 'data/repetitive.csv', content: repetitive},
  {name: 'data/random.bin', content: random},
  {name: 'data/empty.bin', content: new Uint8Array(0)}
]
const expected = [Buffer.from(text), Buffer.from(binary), Buffer.alloc(0), Buffer.from(repetitive), Buffer.from(random), Buffer.alloc(0)]

describe('zip', () => {
  it('should be read back by yauzl: every name in order, every byte, the date at 00:00', async () => {
    const result = await read(zip(entries, {date}))
    expect(result.count).toBe(entries.length)
    expect(result.comment).toBe('')
    expect(result.entries.map(({entry}) => entry.fileName)).toEqual(entries.map((entry) => entry.name))
    for (const [index, {entry, content}] of result.entries.entries()) {
      expect(content.equals(expected[index]!), entry.fileName).toBe(true)
      expect(entry.crc32, entry.fileName).toBe(crc(expected[index]!))
      expect(entry.getLastModDate({timezone: 'UTC'}).toISOString()).toBe('2024-05-01T00:00:00.000Z')
    }
    expect(Buffer.from(result.entries[0]!.content).toString('utf8')).toBe(text)
  })

  it('should write the fixed versions, flags and attributes, and the local header agrees with the central one', async () => {
    for (const {entry, local} of (await read(zip(entries, {date}))).entries) {
      expect(entry.versionMadeBy).toBe((3 << 8) | 20)
      expect(entry.versionNeededToExtract).toBe(20)
      expect(entry.generalPurposeBitFlag).toBe(0x0800)
      expect(entry.externalFileAttributes >>> 16).toBe(0o100644)
      expect(entry.internalFileAttributes).toBe(0)
      expect(entry.extraFieldLength).toBe(0)
      expect(entry.fileCommentLength).toBe(0)
      expect(entry.lastModFileTime).toBe(0)
      expect(entry.lastModFileDate).toBe(((2024 - 1980) << 9) | (5 << 5) | 1)
      const {versionNeededToExtract, generalPurposeBitFlag, compressionMethod, lastModFileTime, lastModFileDate, crc32, compressedSize, uncompressedSize} = entry
      expect(local).toMatchObject({versionNeededToExtract, generalPurposeBitFlag, compressionMethod, lastModFileTime, lastModFileDate, crc32, compressedSize, uncompressedSize})
      expect(local.extraFieldLength).toBe(0)
      expect(local.fileName.toString('utf8')).toBe(entry.fileName)
    }
  })

  it('should deflate what compresses and store what does not, or is empty', async () => {
    const methods = (await read(zip(entries, {date}))).entries.map(({entry}) => [entry.fileName, entry.compressionMethod, entry.compressedSize < entry.uncompressedSize])
    expect(methods).toEqual([
      ['README.txt', 0, false],
      ['data/£ and – in a name.bin', 8, true],
      ['data/empty.csv', 0, false],
      ['data/repetitive.csv', 8, true],
      ['data/random.bin', 0, false],
      ['data/empty.bin', 0, false]
    ])
  })

  it('should give the same bytes every time, and other bytes for another date', () => {
    const first = zip(entries, {date})
    expect(zip(entries, {date}).equals(first)).toBe(true)
    expect(zip(structuredClone(entries), {date: '2024-05-01'}).equals(first)).toBe(true)
    expect(zip(entries, {date: '2024-05-02'}).equals(first)).toBe(false)
    expect(zip(entries.toReversed(), {date}).equals(first)).toBe(false)
  })

  it('should read back the first and last days a zip can hold', async () => {
    for (const day of ['1980-01-01', '2107-12-31']) {
      const [only] = (await read(zip([{name: 'a.txt', content: 'a'}], {date: day}))).entries
      expect(only!.entry.getLastModDate({timezone: 'UTC'}).toISOString()).toBe(`${day}T00:00:00.000Z`)
    }
  })

  it('should write an empty zip as only the end record', async () => {
    const empty = zip([], {date})
    expect(empty).toEqual(Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]))
    expect((await read(empty)).count).toBe(0)
  })

  it('should reject a name that is a duplicate, absolute, has `..` or a backslash, naming it', () => {
    const bad = (name: string) => () => zip([{name: 'a.txt', content: 'a'}, {name, content: 'b'}], {date})
    expect(bad('a.txt')).toThrow('Unexpected zip entry `a.txt`: its name is a duplicate')
    expect(bad('../x')).toThrow('Unexpected zip entry `../x`: its name has a `..` segment')
    expect(bad('a/../b')).toThrow('Unexpected zip entry `a/../b`: its name has a `..` segment')
    expect(bad('/abs')).toThrow('Unexpected zip entry `/abs`: its name is absolute')
    expect(bad('C:/x')).toThrow('Unexpected zip entry `C:/x`: its name is absolute')
    expect(bad('a\\b')).toThrow('Unexpected zip entry `a\\b`: its name has a backslash')
    expect(bad('')).toThrow('Unexpected zip entry ``: its name is empty')
    expect(bad('a/')).toThrow('Unexpected zip entry `a/`: its name ends with `/`')
    expect(bad('a\uD800')).toThrow('its name is not well-formed Unicode')
    // Names that only look close to bad ones are fine.
    expect(bad('a..b/..c')).not.toThrow()
  })

  it('should reject a date that is not YYYY-MM-DD, does not exist, or is outside 1980 to 2107', () => {
    const entry = [{name: 'a.txt', content: 'a'}]
    for (const bad of ['2024-5-1', '01/05/2024', '2024-05-01T00:00:00Z', '', ' 2024-05-01']) {
      expect(() => zip(entry, {date: bad})).toThrow(`Unexpected zip date \`${bad}\`, expected YYYY-MM-DD`)
    }
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31']) {
      expect(() => zip(entry, {date: bad})).toThrow(`Unexpected zip date \`${bad}\`, expected a day that exists`)
    }
    for (const bad of ['1979-12-31', '2108-01-01']) {
      expect(() => zip(entry, {date: bad})).toThrow(`Unexpected zip date \`${bad}\`, expected a year from 1980 to 2107`)
    }
    expect(() => zip(entry, {date: '2024-02-29'})).not.toThrow()
  })

  it('should refuse more entries than fit without zip64, and write the most that do', async () => {
    const many = (count: number) => Array.from({length: count}, (_, index) => ({name: `${index}.txt`, content: ''}))
    expect(() => zip(many(65_535), {date})).toThrow('Unexpected 65535 zip entries, expected at most 65534 (more needs zip64)')
    // Only the central directory is read: all 65,534 entries in full take seconds.
    const file = await yauzl.fromBufferPromise(zip(many(65_534), {date}), {lazyEntries: true})
    const names = []
    for await (const entry of file.eachEntry()) names.push(entry.fileName)
    expect(file.entryCount).toBe(65_534)
    expect(names).toEqual(many(65_534).map((entry) => entry.name))
  })
})
