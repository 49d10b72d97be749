/**
 * CSV: RFC 4180, UTF-8, a header row, ISO dates, numbers without separators,
 * lists joined by `|`. The canonical file keeps every byte of the data; the
 * Excel variant adds a byte-order mark and CRLF and neutralises cells that a
 * spreadsheet would run as a formula.
 */
import {stringify} from 'csv-stringify/sync'

export const listDelimiter = '|'

/** A cell as text: empty for null, lists joined, numbers in plain notation. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(cell).join(listDelimiter)
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value)
  return String(value)
}

function rows(records: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string[][] {
  return [columns.slice(), ...records.map((record) => columns.map((column) => cell(record[column])))]
}

// Quote cells with edge white space (so no reader trims it) and any line break,
// bare CR or LF included: csv-stringify quotes only its own record delimiter.
const quoted = [/^\s|\s$/, /[\r\n]/]

/** Canonical CSV: LF line ends, no byte-order mark, cells exactly as the data. */
export function toCsv(records: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  return stringify(rows(records, columns), {record_delimiter: 'unix', quoted_match: quoted})
}

/**
 * Excel-friendly CSV: BOM so Excel reads UTF-8 ("£", "–"), CRLF, and a `'`
 * before cells starting with = + - @ tab or CR (OWASP CSV injection advice).
 */
export function toExcelCsv(records: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  return '\uFEFF' + stringify(rows(records, columns), {record_delimiter: 'windows', escape_formulas: true, quoted_match: quoted})
}
