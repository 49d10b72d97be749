/** JSON: an array of typed records, fields in the schema's column order, two-space indent, final newline. */
export function toJson(records: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  const ordered = records.map((record) => Object.fromEntries(columns.map((column) => [column, record[column] ?? null])))
  return JSON.stringify(ordered, null, 2) + '\n'
}
