/**
 * CSV: RFC 4180, UTF-8, a header row, ISO dates, numbers without separators,
 * lists joined by `|`. The canonical file keeps every byte of the data; the
 * Excel variant adds a byte-order mark and CRLF and neutralises cells that a
 * spreadsheet would run as a formula.
 */
export const listDelimiter = '|'

/** A cell as text: empty for null, lists joined, numbers in plain notation. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(cell).join(listDelimiter)
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value)
  return String(value)
}

/**
 * The CSV text of `records`, header first, each record ended by `newline`.
 * Written out rather than through csv-stringify, which spent most of a build's
 * writing time on its per-field options; the bytes are those csv-stringify 6.9
 * gives with `quoted_match: /^\s|\s$/` (and `escape_formulas` for Excel), as
 * test/hardening/csv.test.ts proves on generated records.
 */
function stringify(records: ReadonlyArray<Record<string, unknown>>, columns: readonly string[], newline: string, formulas: boolean): string {
  let out = columns.map((column) => field(column, newline, formulas)).join(',') + newline
  for (const record of records) {
    let line = ''
    for (let index = 0; index < columns.length; index++) {
      if (index > 0) line += ','
      line += field(cell(record[columns[index]!]), newline, formulas)
    }
    out += line + newline
  }
  return out
}

/** First characters a spreadsheet reads as a formula (OWASP), and their full-width forms. */
const formulaStarts = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])
const edgeSpace = /^\s|\s$/

/**
 * One field: quoted when it holds a quote, a comma or the file's own line end
 * (a CR-LF file leaves a lone LF unquoted, as csv-stringify does), or starts or
 * ends with white space.
 */
function field(value: string, newline: string, formulas: boolean): string {
  if (value === '') return ''
  const quote = value.includes('"')
  const breaks = newline === '\n' ? value.includes('\n') : value.includes('\r\n') || value.endsWith('\r')
  const quoted = quote || value.includes(',') || breaks || edgeSpace.test(value)
  let text = formulas && formulaStarts.has(value[0]!) ? `'${value}` : value
  if (quote) text = text.replaceAll('"', '""')
  return quoted ? `"${text}"` : text
}

/** Canonical CSV: LF line ends, no byte-order mark, cells exactly as the data. */
export function toCsv(records: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  return stringify(records, columns, '\n', false)
}

/**
 * Excel-friendly CSV: BOM so Excel reads UTF-8 ("£", "–"), CRLF, and a `'`
 * before cells starting with = + - @ tab or CR (OWASP CSV injection advice).
 */
export function toExcelCsv(records: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  return '\uFEFF' + stringify(records, columns, '\r\n', true)
}
