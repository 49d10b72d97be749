/**
 * Whatever text a record holds, a real CSV parser reads the canonical file
 * back to exactly the cells, and the Excel file to the same cells with
 * formula-like ones prefixed by `'`, one record per row; and a file made in
 * pieces of a thousand rows is the file made in one go.
 */
import {parse} from 'csv-parse/sync'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {stringify} from 'csv-stringify/sync'
import {cell, chunkRows, toCsv, toExcelCsv} from '../../pipeline/write/csv.ts'

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

describe('CSV in pieces', () => {
  it('should read back every record of a file made in pieces of a thousand rows, as from one made in one go', () => {
    fc.assert(
      fc.property(table, fc.integer({min: 1, max: 3}), ([columns, records], extra) => {
        if (records.length === 0) return
        // Past one piece's rows, so the file is made of several pieces.
        const many = Array.from({length: chunkRows + extra}, (_, index) => records[index % records.length]!)
        const expected = [columns, ...many.map((record) => columns.map((column) => cell(record[column])))]
        expect(toCsv(many, columns)).toBe(stringify(expected, {record_delimiter: 'unix', quoted_match: [/^\s|\s$/, /[\r\n]/]}))
        expect(parse(toCsv(many, columns))).toEqual(expected)
        expect(parse(toExcelCsv(many, columns), {bom: true, record_delimiter: '\r\n'})).toHaveLength(many.length + 1)
      }),
      {numRuns: 40}
    )
  })
})
