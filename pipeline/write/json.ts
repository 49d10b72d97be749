/** JSON: an array of typed records, fields in the schema's column order, two-space indent, final newline. */
import {fileChunks, latin1, type Layout, type Records} from './rows.ts'

/** Records as `JSON.stringify` writes an array of them: fields in column order, missing ones null. */
function arrayText(records: Records, columns: readonly string[]): string {
  const ordered = records.map((record) => {
    const fields: Record<string, unknown> = {}
    for (const column of columns) fields[column] = record[column] ?? null
    return fields
  })
  return JSON.stringify(ordered, null, 2) + '\n'
}

/**
 * Where each row lies in the text of a JSON file of records (`[]` or rows
 * between `[\n` and `\n]\n`), in the text's own units: row i is `spans[2i]`
 * to `spans[2i + 1]`. Rows are objects indented by two and their fields by
 * four, and JSON strings hold no raw line break, so `\n  },\n  {\n` is only
 * ever between two rows. Undefined when the text is not such a file.
 */
function rowSpans(text: string): Uint32Array | undefined {
  if (text === '[]\n') return new Uint32Array()
  if (!text.startsWith('[\n  {\n') || !text.endsWith('\n  }\n]\n')) return undefined
  const spans = [2]
  for (let at = text.indexOf('\n  },\n  {\n'); at !== -1; at = text.indexOf('\n  },\n  {\n', at + 6)) spans.push(at + 4, at + 6)
  spans.push(text.length - 3)
  return Uint32Array.from(spans)
}

export const jsonLayout: Layout = {
  head: () => '[\n',
  // Each record as `JSON.stringify(records, null, 2)` writes it inside the array.
  rows(records, columns) {
    const text = arrayText(records, columns)
    const spans = rowSpans(text)!
    return Array.from({length: spans.length / 2}, (_, row) => text.slice(spans[2 * row], spans[2 * row + 1]))
  },
  // `[\n` + the rows + `\n]\n`: what lies between.
  block: (records, columns) => arrayText(records, columns).slice(2, -3),
  separator: ',\n',
  tail: '\n]\n',
  empty: () => '[]\n',
  spans: (bytes) => rowSpans(latin1(bytes))
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
