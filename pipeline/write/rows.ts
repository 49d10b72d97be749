/**
 * A dataset file as a head, the records' rows and a tail, made a thousand
 * rows at a time, so a large dataset is never one string in memory.
 */

export type Records = ReadonlyArray<Record<string, unknown>>

/** Rows per piece of a file made piece by piece. */
export const chunkRows = 1000

/** How one format lays out a dataset. */
export interface Layout {
  /** Before the first row (a CSV's header row). */
  head(columns: readonly string[]): string
  /** The rows of `records`, joined by the separator. */
  block(records: Records, columns: readonly string[]): string
  /** Between two rows. */
  separator: string
  /** After the last row. */
  tail: string
  /** The whole file for no records, when it is not head and tail. */
  empty?(columns: readonly string[]): string
}

/** The file in pieces of `chunkRows` rows, the head with the first. */
export function* fileChunks(layout: Layout, records: Records, columns: readonly string[]): Generator<string> {
  if (records.length === 0) {
    yield layout.empty ? layout.empty(columns) : layout.head(columns) + layout.tail
    return
  }
  for (let start = 0; start < records.length; start += chunkRows) {
    const lead = start === 0 ? layout.head(columns) : layout.separator
    yield lead + layout.block(records.slice(start, start + chunkRows), columns)
  }
  if (layout.tail) yield layout.tail
}
