/**
 * A dataset file as rows: a head, one text per record joined by a separator,
 * and a tail. Seen this way, a file can be made piece by piece, and a row whose
 * record is unchanged since the last release can be taken from that release's
 * file instead of rendered again (see ../cache/release.ts).
 */

export type Records = ReadonlyArray<Record<string, unknown>>

/** Rows per piece of a file made piece by piece. */
export const chunkRows = 1000

/** How one format lays out a dataset. */
export interface Layout {
  /** Before the first row (a CSV's header row). */
  head(columns: readonly string[]): string
  /** The text of each record, in order. */
  rows(records: Records, columns: readonly string[]): string[]
  /** Between two rows. */
  separator: string
  /** After the last row. */
  tail: string
  /** The whole file for no records, when it is not head and tail. */
  empty?(columns: readonly string[]): string
  /** The rows of a file this layout made, or undefined when `text` is not such a file. */
  split(text: string, columns: readonly string[]): string[] | undefined
}

export interface RowOptions {
  /** The row of record `index` as the last release has it, when that record is unchanged since. */
  previous?: ((index: number) => string | undefined) | undefined
}

/**
 * The file in pieces of `chunkRows` rows, the head with the first. Rows not
 * given by `previous` are rendered together, a piece at a time, since most
 * formats render many records faster than one.
 */
export function* fileChunks(layout: Layout, records: Records, columns: readonly string[], options: RowOptions = {}): Generator<string> {
  if (records.length === 0) {
    yield layout.empty ? layout.empty(columns) : layout.head(columns) + layout.tail
    return
  }
  for (let start = 0; start < records.length; start += chunkRows) {
    const end = Math.min(start + chunkRows, records.length)
    const rows: string[] = new Array(end - start)
    const fresh: number[] = []
    for (let index = start; index < end; index++) {
      const row = options.previous?.(index)
      if (row === undefined) fresh.push(index)
      else rows[index - start] = row
    }
    if (fresh.length > 0) {
      const rendered = layout.rows(fresh.length === end - start ? records.slice(start, end) : fresh.map((index) => records[index]!), columns)
      fresh.forEach((index, at) => (rows[index - start] = rendered[at]!))
    }
    yield (start === 0 ? layout.head(columns) : layout.separator) + rows.join(layout.separator)
  }
  if (layout.tail) yield layout.tail
}
