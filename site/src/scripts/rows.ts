/** What table.ts decides about rows of a rows.json: which match a filter, in which order they sort. Pure, so it is tested on its own. */

/** A cell of rows.json: its whole text, its link, its number to sort by. */
export interface IndexCell {
  t: string
  h?: string
  s?: number
}

export interface IndexRow {
  id: string
  cells: IndexCell[]
}

/** Whether every word (lower case) is in some cell of the row. */
export function matches(row: IndexRow, words: readonly string[]): boolean {
  if (words.length === 0) return true
  const text = row.cells.map((cell) => cell.t.toLowerCase()).join('\n')
  return words.every((word) => text.includes(word))
}

/** Order of two cells of one column: numbers by value, text as en-GB reads it; an empty cell last in either direction. */
export function compareCells(a: IndexCell, b: IndexCell, descending: boolean): number {
  const emptyA = a.t === ''
  const emptyB = b.t === ''
  if (emptyA || emptyB) return Number(emptyA) - Number(emptyB)
  const order = a.s !== undefined && b.s !== undefined ? a.s - b.s : a.t.localeCompare(b.t, 'en-GB', {numeric: true})
  return descending ? -order : order
}
