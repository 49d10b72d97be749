/**
 * pipeline/write/csv.ts writes CSV itself (csv-stringify was the slowest part
 * of writing, see bench/results.md). Its bytes must stay those csv-stringify
 * gives with the options the pipeline used, for any text: this test keeps
 * csv-stringify as the oracle over generated records.
 */
import {stringify} from 'csv-stringify/sync'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {cell, toCsv, toExcelCsv} from '../../pipeline/write/csv.ts'

const oracleRows = (records: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]) => [columns.slice(), ...records.map((record) => columns.map((column) => cell(record[column])))]
const oracleCsv = (records: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]) => stringify(oracleRows(records, columns), {record_delimiter: 'unix', quoted_match: /^\s|\s$/})
const oracleExcel = (records: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]) =>
  '\uFEFF' + stringify(oracleRows(records, columns), {record_delimiter: 'windows', escape_formulas: true, quoted_match: /^\s|\s$/})

/** Characters that matter to CSV, spreadsheets and white space, among ordinary ones. */
const character = fc.constantFrom('a', 'Z', '0', ' ', ',', '"', "'", '\n', '\r', '\t', '=', '+', '-', '@', '|', '\u00a0', '\u2028', '\uFEFF', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '£', '–', '😀', '\ud800', '\\')
const text = fc.array(character, {maxLength: 12}).map((characters) => characters.join(''))
const value = fc.oneof(text, fc.constant(null), fc.constant(undefined), fc.integer(), fc.double({noNaN: true, noDefaultInfinity: true}), fc.boolean(), fc.array(fc.oneof(text, fc.integer()), {maxLength: 3}))
const columns = fc.uniqueArray(fc.oneof(fc.constantFrom('id', 'quote', 'disagrees_with'), text.filter((name) => name !== '')), {minLength: 1, maxLength: 5})

describe('CSV written without csv-stringify', () => {
  it('should give the bytes csv-stringify gives, canonical and for Excel', () => {
    fc.assert(
      fc.property(
        columns.chain((names) => fc.tuple(fc.constant(names), fc.array(fc.dictionary(fc.constantFrom(...names), value), {maxLength: 6}))),
        ([names, records]) => {
          expect(toCsv(records, names)).toBe(oracleCsv(records, names))
          expect(toExcelCsv(records, names)).toBe(oracleExcel(records, names))
        }
      ),
      {numRuns: 3000}
    )
  })

  it('should agree on the committed datasets too', async () => {
    const {build} = await import('../../pipeline/build.ts')
    const {columnsOf} = await import('../../pipeline/validate/schemas.ts')
    const {projectRoot} = await import('../helpers/project.ts')
    const result = await build({root: projectRoot, out: null})
    for (const dataset of result.datasets) {
      const records = dataset.records as unknown as Array<Record<string, unknown>>
      expect(toCsv(records, columnsOf(dataset.name))).toBe(oracleCsv(records, columnsOf(dataset.name)))
      expect(toExcelCsv(records, columnsOf(dataset.name))).toBe(oracleExcel(records, columnsOf(dataset.name)))
    }
  })
})
