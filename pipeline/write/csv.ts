/**
 * CSV: RFC 4180, UTF-8, a header row, ISO dates, numbers without separators,
 * lists joined by `|`. The canonical file keeps every byte of the data; the
 * Excel variant adds a byte-order mark and CRLF and neutralises cells that a
 * spreadsheet would run as a formula.
 */
import {stringify, type Options} from 'csv-stringify/sync'
import {fileChunks, type Layout, type Records} from './rows.ts'

export {chunkRows} from './rows.ts'

export const listDelimiter = '|'

/** A cell as text: empty for null, lists joined, numbers in plain notation. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(cell).join(listDelimiter)
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value)
  return String(value)
}

// Quote cells with edge white space (so no reader trims it) and any line break,
// bare CR or LF included: csv-stringify quotes only its own record delimiter.
const quoted = [/^\s|\s$/, /[\r\n]/]

const canonical: Options = {record_delimiter: 'unix', quoted_match: quoted}
// OWASP's advice on CSV injection: a `'` before cells starting with = + - @ tab or CR.
const excel: Options = {record_delimiter: 'windows', escape_formulas: true, quoted_match: quoted}

function csvLayout(options: Options, prefix: string): Layout {
  const delimiter = options.record_delimiter === 'windows' ? '\r\n' : '\n'
  // The byte-order mark lets Excel read UTF-8 ("£", "–").
  const head = (columns: readonly string[]) => prefix + stringify([columns.slice()], options)
  const block = (records: Records, columns: readonly string[]) => stringify(records.map((record) => columns.map((column) => cell(record[column]))), options)
  return {head, block, separator: '', tail: ''}
}

/** The two CSV variants (see ./rows.ts). */
export const csvLayouts = {canonical: csvLayout(canonical, ''), excel: csvLayout(excel, '\uFEFF')} as const

/**
 * The CSV in pieces of `chunkRows` rows, the header row first, so a large
 * dataset is never one string. csv-stringify writes each row on its own, so
 * the pieces joined are exactly the file made in one go.
 */
export function csvChunks(records: Records, columns: readonly string[], variant: keyof typeof csvLayouts = 'canonical'): Generator<string> {
  return fileChunks(csvLayouts[variant], records, columns)
}

/** Canonical CSV: LF line ends, no byte-order mark, cells exactly as the data. */
export function toCsv(records: Records, columns: readonly string[]): string {
  return [...csvChunks(records, columns)].join('')
}

/** Excel-friendly CSV: BOM so Excel reads UTF-8, CRLF, and formula-like cells made inert. */
export function toExcelCsv(records: Records, columns: readonly string[]): string {
  return [...csvChunks(records, columns, 'excel')].join('')
}
