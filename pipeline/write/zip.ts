/**
 * ZIP: a release's zip must be byte-identical on every build, so nothing in
 * it varies: every entry is dated the release day at 00:00:00, the entries
 * keep the order given, and versions, flags and attributes are fixed. No
 * extra fields, no data descriptors, no zip64 (too large a zip is an error),
 * no clock. Each file is deflated by node:zlib at zlib's default level 6
 * (level 9 costs a large workbook far more time for a few per cent less), or
 * stored when that is not smaller. The layout is PKWARE's APPNOTE.TXT, section 4.3.
 */
import {crc32, deflateRawSync} from 'node:zlib'

export interface ZipEntry {
  /** Path inside the zip, with `/` */
  name: string
  /** The bytes, or a function that makes them when the entry is reached: only one entry's uncompressed bytes are then held at a time. */
  content: string | Uint8Array | (() => string | Uint8Array)
}

// A size or offset of 0xFFFFFFFF, or a count of 0xFFFF, means "read the
// zip64 record" (APPNOTE 4.4.1.4), so the largest allowed is one less.
const maxBytes = 0xfffffffe
const maxEntries = 0xfffe
const utf8Names = 1 << 11
const versionNeeded = 20
const versionMadeBy = (3 << 8) | versionNeeded // 3: Unix, so the attributes below are read
const fileAttributes = 0o100644 * 0x10000 // a regular file, rw-r--r--, in the high 16 bits (`<< 16` would overflow)

/** Little-endian fields, each `[bytes, value]`. */
function fields(...list: ReadonlyArray<readonly [2 | 4, number]>): Buffer {
  const buffer = Buffer.alloc(list.reduce((total, [bytes]) => total + bytes, 0))
  let at = 0
  for (const [bytes, value] of list) at = bytes === 2 ? buffer.writeUInt16LE(value, at) : buffer.writeUInt32LE(value, at)
  return buffer
}

/** The MS-DOS date of a `YYYY-MM-DD` day (its time, 00:00:00, is 0). */
function dosDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new Error(`Unexpected zip date \`${date}\`, expected YYYY-MM-DD`)
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  if (year < 1980 || year > 2107) throw new Error(`Unexpected zip date \`${date}\`, expected a year from 1980 to 2107`)
  if (new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) !== date) {
    throw new Error(`Unexpected zip date \`${date}\`, expected a day that exists`)
  }
  return ((year - 1980) << 9) | (month << 5) | day
}

/** Why `name` cannot be a file's path in a zip, if it cannot. */
function badName(name: string): string | undefined {
  if (name === '') return 'is empty'
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is absolute'
  if (name.includes('\\')) return 'has a backslash'
  if (name.split('/').includes('..')) return 'has a `..` segment'
  if (name.endsWith('/')) return 'ends with `/`, which names a folder'
  if (!name.isWellFormed()) return 'is not well-formed Unicode'
  return undefined
}

/** A zip of `entries` in the given order; the same entries and date give the same bytes on every run. */
export function zip(entries: readonly ZipEntry[], options: {date: string /* YYYY-MM-DD, every entry's modification time, at 00:00 */}): Buffer {
  const date = dosDate(options.date)
  if (entries.length > maxEntries) throw new Error(`Unexpected ${entries.length} zip entries, expected at most ${maxEntries} (more needs zip64)`)
  const names = new Set<string>()
  const locals: Uint8Array[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const problem = names.has(entry.name) ? 'is a duplicate' : badName(entry.name)
    if (problem) throw new Error(`Unexpected zip entry \`${entry.name}\`: its name ${problem}`)
    names.add(entry.name)
    const name = Buffer.from(entry.name)
    const content = typeof entry.content === 'function' ? entry.content() : entry.content
    const data = typeof content === 'string' ? Buffer.from(content) : content
    if (name.length > 0xffff) throw new Error(`Unexpected zip entry \`${entry.name}\`: its name is longer than 65,535 bytes`)
    if (data.length > maxBytes) throw new Error(`Unexpected zip entry \`${entry.name}\`: it is larger than ${maxBytes} bytes (needs zip64)`)
    const deflated = data.length === 0 ? data : deflateRawSync(data, {level: 6})
    const [method, body] = deflated.length < data.length ? [8, deflated] : [0, data] // 8: deflate, 0: stored
    // From "version needed to extract" to "extra field length": the same in both headers.
    const shared = fields(
      [2, versionNeeded], [2, utf8Names], [2, method], [2, 0 /* time */], [2, date],
      [4, crc32(data)], [4, body.length], [4, data.length], [2, name.length], [2, 0 /* extra field length */]
    )
    locals.push(fields([4, 0x04034b50]), shared, name, body)
    // After `shared`: comment length, disk number, internal attributes, external attributes, local header's offset.
    centrals.push(fields([4, 0x02014b50], [2, versionMadeBy]), shared, fields([2, 0], [2, 0], [2, 0], [4, fileAttributes], [4, offset]), name)
    offset += 30 + name.length + body.length
    if (offset > maxBytes) throw new Error(`Unexpected zip larger than ${maxBytes} bytes at entry \`${entry.name}\` (needs zip64)`)
  }
  const central = Buffer.concat(centrals)
  if (offset + central.length > maxBytes) throw new Error(`Unexpected zip larger than ${maxBytes} bytes (needs zip64)`)
  // End of central directory: disk numbers, entries on this disk and in all, its size and offset, comment length.
  const end = fields([4, 0x06054b50], [2, 0], [2, 0], [2, entries.length], [2, entries.length], [4, central.length], [4, offset], [2, 0])
  return Buffer.concat([...locals, central, end])
}
