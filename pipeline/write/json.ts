/** JSON: an array of typed records, fields in the schema's column order, two-space indent, final newline. */
import {fileChunks, type Layout, type Records} from './rows.ts'

/** Records as `JSON.stringify(records, null, 2)` writes them inside an array: fields in column order, missing ones null. */
function block(records: Records, columns: readonly string[]): string {
  const ordered = records.map((record) => {
    const fields: Record<string, unknown> = {}
    for (const column of columns) fields[column] = record[column] ?? null
    return fields
  })
  // Between `[\n` and `\n]\n`.
  return JSON.stringify(ordered, null, 2).slice(2, -2)
}

const jsonLayout: Layout = {head: () => '[\n', block, separator: ',\n', tail: '\n]\n', empty: () => '[]\n'}

/**
 * The JSON in pieces of `chunkRows` records, so a large dataset is never one
 * string; joined, they are exactly `JSON.stringify(records, null, 2)` and a newline.
 */
export function jsonChunks(records: Records, columns: readonly string[]): Generator<string> {
  return fileChunks(jsonLayout, records, columns)
}

export function toJson(records: Records, columns: readonly string[]): string {
  return [...jsonChunks(records, columns)].join('')
}
