/**
 * Whatever text a record holds, a real CSV parser reads the canonical file
 * back to exactly the cells, and the Excel file to the same cells with
 * formula-like ones prefixed by `'`, one record per row; and each file splits
 * into exactly one row per record, as a rebuild reuses them.
 */
import {parse} from 'csv-parse/sync'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {cell, csvLayouts, toCsv, toExcelCsv} from '../../pipeline/write/csv.ts'

/** Characters that matter to CSV, spreadsheets and white space, among ordinary ones. */
const character = fc.constantFrom('a', 'Z', '0', ' ', ',', '"', "'", '\n', '\r', '\t', '=', '+', '-', '@', '|', '\u00a0', '\u2028', '\uFEFF', '£', '–', '😀', '\\')
const text = fc.array(character, {maxLength: 12}).map((characters) => characters.join(''))
const value = fc.oneof(text, fc.constant(null), fc.integer(), fc.double({noNaN: true, noDefaultInfinity: true}), fc.boolean(), fc.array(fc.oneof(text, fc.integer()), {maxLength: 3}))
const names = fc.uniqueArray(fc.constantFrom('id', 'quote', 'label', 'disagrees_with', 'value'), {minLength: 1, maxLength: 5})
const table = names.chain((columns) => fc.tuple(fc.constant(columns), fc.array(fc.dictionary(fc.constantFrom(...columns), value), {maxLength: 6})))

const formula = /^[=+\-@\t\r]/

describe('CSV round trip through csv-parse', () => {
  it('should give back every cell of the canonical file exactly, and of the Excel file with formulas neutralised', () => {
    fc.assert(
      fc.property(table, ([columns, records]) => {
        const expected = [columns, ...records.map((record) => columns.map((column) => cell(record[column])))]
        expect(parse(toCsv(records, columns), {relax_column_count: false})).toEqual(expected)
        const excel = toExcelCsv(records, columns)
        expect(excel.startsWith('\uFEFF')).toBe(true)
        expect(parse(excel, {bom: true, record_delimiter: '\r\n'})).toEqual(expected.map((row) => row.map((text) => (formula.test(text) ? `'${text}` : text))))
      }),
      {numRuns: 2000}
    )
  })
})

describe('CSV rows', () => {
  it('should refuse bytes that are not a file of the layout', () => {
    expect(csvLayouts.canonical.spans(Buffer.from('other,header\n'), ['id'])).toBeUndefined()
    expect(csvLayouts.canonical.spans(Buffer.from('id\n"unclosed\n'), ['id'])).toBeUndefined()
    expect(csvLayouts.canonical.spans(Buffer.from('id\nno end'), ['id'])).toBeUndefined()
  })

  it('should split csv-stringify’s text into one row per record, each the file of that record alone, and find them in the file’s bytes', () => {
    fc.assert(
      fc.property(table, ([columns, records]) => {
        for (const layout of [csvLayouts.canonical, csvLayouts.excel]) {
          const rows = layout.rows(records, columns)
          expect(rows).toHaveLength(records.length)
          rows.forEach((row, index) => expect(row).toBe(layout.rows([records[index]!], columns)[0]))
          const head = layout.head(columns)
          // The same rows found again in the file's bytes.
          const bytes = Buffer.from(layout === csvLayouts.canonical ? toCsv(records, columns) : toExcelCsv(records, columns))
          const spans = layout.spans(bytes, columns)!
          expect(Array.from({length: spans.length / 2}, (_, row) => bytes.subarray(spans[2 * row], spans[2 * row + 1]).toString('utf8'))).toEqual(rows)
          // Each row alone reads back as exactly one record.
          rows.forEach((row) => expect(parse(head.replace('\uFEFF', '') + row, {record_delimiter: layout === csvLayouts.excel ? '\r\n' : '\n'})).toHaveLength(2))
        }
      }),
      {numRuns: 500}
    )
  })
})
