/**
 * A dataset file as rows: a head, one text per record joined by a separator,
 * and a tail. Seen this way, a file can be made piece by piece, and the rows
 * of records unchanged since the last release can be copied, as bytes, from
 * that release's file instead of rendered again (see ../cache/release.ts).
 */

export type Records = ReadonlyArray<Record<string, unknown>>

/** A piece of a file: text (written as UTF-8) or bytes. */
export type Chunk = string | Uint8Array

/** Rows per piece of a file made piece by piece. */
export const chunkRows = 1000

/** How one format lays out a dataset. */
export interface Layout {
  /** Before the first row (a CSV's header row). */
  head(columns: readonly string[]): string
  /** The text of each record, in order. */
  rows(records: Records, columns: readonly string[]): string[]
  /** The rows of `records` joined by the separator, as `rows` would give them, made without splitting them apart. */
  block(records: Records, columns: readonly string[]): string
  /** Between two rows. */
  separator: string
  /** After the last row. */
  tail: string
  /** The whole file for no records, when it is not head and tail. */
  empty?(columns: readonly string[]): string
  /**
   * Where each row of a file this layout made lies in its bytes (row i is bytes
   * `spans[2i]` to `spans[2i + 1]`), or undefined when `bytes` is not such a file.
   */
  spans(bytes: Uint8Array, columns: readonly string[]): Uint32Array | undefined
}

/** The same dataset's file in the last release, and which of its rows are this build's records. */
export interface PreviousFile {
  bytes: Uint8Array
  /** As `Layout.spans` finds them. */
  spans: Uint32Array
  /** The row record `index` has in that file, or -1 when it is new or changed. */
  rowOf(index: number): number
}

/**
 * The file in pieces of `chunkRows` rows, the head with the first. Records
 * with a row in `previous` take it from there, consecutive rows in one copy
 * (separators included); the others are rendered together, a piece at a time,
 * since most formats render many records faster than one.
 */
export function fileChunks(layout: Layout, records: Records, columns: readonly string[]): Generator<string>
export function fileChunks(layout: Layout, records: Records, columns: readonly string[], previous: PreviousFile | undefined): Generator<Chunk>
export function* fileChunks(layout: Layout, records: Records, columns: readonly string[], previous?: PreviousFile): Generator<Chunk> {
  if (records.length === 0) {
    yield layout.empty ? layout.empty(columns) : layout.head(columns) + layout.tail
    return
  }
  for (let start = 0; start < records.length; start += chunkRows) {
    const end = Math.min(start + chunkRows, records.length)
    const lead = start === 0 ? layout.head(columns) : layout.separator
    // Nothing to take from the last release (a cold build): the piece in one go, never split into rows.
    if (!previous) {
      yield lead + layout.block(records.slice(start, end), columns)
      continue
    }
    const segments: Chunk[] = []
    const fresh: number[] = []
    const slots: number[] = []
    let first = -1
    let last = -1
    const copy = () => {
      if (first >= 0) segments.push(previous.bytes.subarray(previous.spans[2 * first], previous.spans[2 * last + 1]))
      first = -1
    }
    for (let index = start; index < end; index++) {
      const row = previous.rowOf(index)
      if (row >= 0 && first >= 0 && row === last + 1) {
        last = row
        continue
      }
      copy()
      if (row >= 0) {
        first = last = row
      } else {
        slots.push(segments.length)
        segments.push('')
        fresh.push(index)
      }
    }
    copy()
    if (fresh.length > 0) {
      const rendered = layout.rows(fresh.length === end - start ? records.slice(start, end) : fresh.map((index) => records[index]!), columns)
      slots.forEach((slot, at) => (segments[slot] = rendered[at]!))
    }
    if (segments.every((segment) => typeof segment === 'string')) {
      yield lead + segments.join(layout.separator)
    } else {
      const parts: Chunk[] = [lead]
      segments.forEach((segment, at) => parts.push(...(at === 0 ? [segment] : [layout.separator, segment])))
      yield Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)))
    }
  }
  if (layout.tail) yield layout.tail
}

/** Bytes as a Latin-1 string: one character per byte, so offsets found in it are offsets in the bytes. */
export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}
