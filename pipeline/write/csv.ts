/**
 * CSV: RFC 4180, UTF-8, a header row, ISO dates, numbers without separators,
 * lists joined by `|`. The canonical file keeps every byte of the data; the
 * Excel variant adds a byte-order mark and CRLF and neutralises cells that a
 * spreadsheet would run as a formula.
 */
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

/**
 * A cell is quoted when it holds a comma, a quote or a line break (CR or LF),
 * or starts or ends with white space (so no reader trims it). The rules are
 * csv-stringify's with `quoted_match: [/^\s|\s$/, /[\r\n]/]`, and the bytes
 * the same (test/write/csv.test.ts compares them): written here, a cell costs
 * a test and a join instead of csv-stringify's per-record machinery, which
 * was the largest single cost of writing a release (bench/results.md).
 */
const mustQuote = /[",\r\n]|^\s|\s$/
// OWASP's advice on CSV injection: a `'` before cells starting with = + - @ tab or CR (and the full-width = + - @).
const formula = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

function field(value: string, formulas: boolean): string {
  if (value === '') return value
  const quote = mustQuote.test(value)
  if (formulas && formula.test(value)) value = `'${value}`
  if (!quote) return value
  return `"${value.includes('"') ? value.replaceAll('"', '""') : value}"`
}

function csvLayout(delimiter: '\n' | '\r\n', formulas: boolean, prefix: string): Layout {
  const row = (cells: readonly string[]) => {
    let line = ''
    for (let index = 0; index < cells.length; index++) line += (index === 0 ? '' : ',') + field(cells[index]!, formulas)
    return line + delimiter
  }
  // The byte-order mark lets Excel read UTF-8 ("£", "–").
  const head = (columns: readonly string[]) => prefix + row(columns)
  const block = (records: Records, columns: readonly string[]) => {
    let text = ''
    for (const record of records) text += row(columns.map((column) => cell(record[column])))
    return text
  }
  return {head, block, separator: '', tail: ''}
}

/** The two CSV variants (see ./rows.ts): canonical keeps every byte of the data; Excel's has CRLF and inert formulas. */
const csvLayouts = {canonical: csvLayout('\n', false, ''), excel: csvLayout('\r\n', true, '\uFEFF')} as const

/**
 * The CSV in pieces of `chunkRows` rows, the header row first, so a large
 * dataset is never one string. Each row is written on its own, so the
 * pieces joined are exactly the file made in one go.
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
