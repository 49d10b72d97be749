/**
 * CSV: RFC 4180, UTF-8, a header row, ISO dates, numbers without separators,
 * lists joined by `|`. The canonical file keeps every byte of the data; the
 * Excel variant adds a byte-order mark and CRLF and neutralises cells that a
 * spreadsheet would run as a formula.
 */
import {stringify, type Options} from 'csv-stringify/sync'
import {fileChunks, latin1, type Layout, type Records} from './rows.ts'

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

/**
 * Where each row of csv-stringify's text ends, from `from` on. It ends each
 * row with `delimiter` and quotes any cell holding a quote or a line break,
 * so a row ends at the first delimiter outside quotes. Only ASCII matters
 * here, so the text may be bytes read as Latin-1, giving offsets in bytes.
 */
function rowEnds(text: string, delimiter: string, from = 0): number[] {
  const ends: number[] = []
  let at = from
  let quote = text.indexOf('"', at)
  while (at < text.length) {
    const end = text.indexOf(delimiter, at)
    if (end === -1) throw new Error('Unexpected CSV text without a final record delimiter')
    if (quote !== -1 && quote < end) {
      // Skip the quoted cell; a doubled quote inside it is an escaped one.
      let close = text.indexOf('"', quote + 1)
      while (close !== -1 && text.charCodeAt(close + 1) === 34) close = text.indexOf('"', close + 2)
      if (close === -1) throw new Error('Unexpected CSV text with an unclosed quote')
      at = close + 1
      quote = text.indexOf('"', at)
      continue
    }
    at = end + delimiter.length
    ends.push(at)
  }
  return ends
}

function csvLayout(options: Options, prefix: string): Layout {
  const delimiter = options.record_delimiter === 'windows' ? '\r\n' : '\n'
  // The byte-order mark lets Excel read UTF-8 ("£", "–").
  const head = (columns: readonly string[]) => prefix + stringify([columns.slice()], options)
  const block = (records: Records, columns: readonly string[]) => stringify(records.map((record) => columns.map((column) => cell(record[column]))), options)
  return {
    head,
    rows(records, columns) {
      const text = block(records, columns)
      return rowEnds(text, delimiter).map((end, index, ends) => text.slice(ends[index - 1] ?? 0, end))
    },
    block,
    separator: '',
    tail: '',
    spans(bytes, columns) {
      const header = Buffer.from(head(columns))
      if (!header.equals(bytes.subarray(0, header.length))) return undefined
      try {
        const ends = rowEnds(latin1(bytes), delimiter, header.length)
        const spans = new Uint32Array(ends.length * 2)
        ends.forEach((end, index) => {
          spans[2 * index] = ends[index - 1] ?? header.length
          spans[2 * index + 1] = end
        })
        return spans
      } catch {
        return undefined
      }
    }
  }
}

/** The two CSV variants, as rows (see ./rows.ts). */
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
