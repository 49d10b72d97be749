/** JSON: an array of typed records, fields in the schema's column order, two-space indent, final newline. */
import {fileChunks, latin1, type Layout, type Records} from './rows.ts'

/**
 * Each record as `JSON.stringify(records, null, 2)` writes it inside the
 * array: one more level of indent (JSON strings hold no raw line break).
 */
export const jsonLayout: Layout = {
  head: () => '[\n',
  rows: (records, columns) =>
    records.map((record) => {
      const ordered: Record<string, unknown> = {}
      for (const column of columns) ordered[column] = record[column] ?? null
      return '  ' + JSON.stringify(ordered, null, 2).replaceAll('\n', '\n  ')
    }),
  separator: ',\n',
  tail: '\n]\n',
  empty: () => '[]\n',
  // Rows are objects indented by two and their fields by four, so `\n  },\n  {\n` is only ever between two rows.
  spans(bytes) {
    const text = latin1(bytes)
    if (text === '[]\n') return new Uint32Array()
    if (!text.startsWith('[\n  {\n') || !text.endsWith('\n  }\n]\n')) return undefined
    const spans = [2]
    for (let at = text.indexOf('\n  },\n  {\n'); at !== -1; at = text.indexOf('\n  },\n  {\n', at + 6)) spans.push(at + 4, at + 6)
    spans.push(text.length - 3)
    return Uint32Array.from(spans)
  }
}

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
