/** JSON: an array of typed records, fields in the schema's column order, two-space indent, final newline. */
import {chunkRows} from './csv.ts'

type Records = ReadonlyArray<Record<string, unknown>>

/**
 * The JSON in pieces of `chunkRows` records, so a large dataset is never one
 * string; joined, they are exactly `JSON.stringify(records, null, 2)` and a newline.
 */
export function* jsonChunks(records: Records, columns: readonly string[]): Generator<string> {
  if (records.length === 0) {
    yield '[]\n'
    return
  }
  const ordered = (record: Record<string, unknown>) => Object.fromEntries(columns.map((column) => [column, record[column] ?? null]))
  for (let start = 0; start < records.length; start += chunkRows) {
    // `[\n  {…},\n  {…}\n]`: the records between the brackets, joined as one array would join them.
    const items = JSON.stringify(records.slice(start, start + chunkRows).map(ordered), null, 2).slice(2, -2)
    yield (start === 0 ? '[\n' : ',\n') + items
  }
  yield '\n]\n'
}

export function toJson(records: Records, columns: readonly string[]): string {
  return [...jsonChunks(records, columns)].join('')
}
