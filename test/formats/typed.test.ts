/**
 * The typed formats, read back by real clients and compared cell by cell
 * with the canonical CSV: DuckDB reads every dataset's Parquet; better-sqlite3
 * (another SQLite build than the one that wrote it) reads the database, its
 * foreign keys and full-text search; exceljs and SheetJS read the workbook.
 * Whatever datasets and records the draft holds.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {DuckDBInstance, type DuckDBConnection} from '@duckdb/node-api'
import Database from 'better-sqlite3'
import {parse} from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cutMark} from '../../pipeline/write/xlsx.ts'
import {datapackage, draft, fieldsOf, names, type Field} from '../helpers/draft.ts'

const csv = (name: string) => parse(readFileSync(path.join(draft, `${name}.csv`)), {columns: false}) as string[][]
const bundle = (suffix: string) => path.join(draft, datapackage.name + suffix)

/** A typed value as the canonical CSV writes it: integers in full, numbers in JavaScript's shortest form, lists joined, null empty. */
function asCell(value: unknown, field: Field): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map((item) => asCell(item, field)).join(field.delimiter ?? '|')
  // SQLite has no booleans: 0 and 1.
  if (field.type === 'boolean' && typeof value !== 'boolean') return Number(value) === 1 ? 'true' : 'false'
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value)
}

/** The CSV's rows (header first) as the typed file gives them: rows of cells, each turned back into CSV text. */
function asRows(name: string, records: Array<Record<string, unknown>>): string[][] {
  const fields = fieldsOf(name)
  return [fields.map((field) => field.name), ...records.map((record) => fields.map((field) => asCell(record[field.name], field)))]
}

describe('Parquet, read by DuckDB', () => {
  let connection: DuckDBConnection
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(':memory:')).connect()
  })
  afterAll(() => connection.closeSync())

  it.each(names)('%s.parquet should hold the CSV\'s cells, typed as the Table Schema says', async (name) => {
    const file = path.join(draft, `${name}.parquet`).replaceAll("'", "''")
    const reader = await connection.runAndReadAll(`select * from read_parquet('${file}')`)
    expect(asRows(name, reader.getRowObjectsJS() as Array<Record<string, unknown>>)).toEqual(csv(name))
    const types = (await connection.runAndReadAll(`describe select * from read_parquet('${file}')`)).getRowObjectsJS() as Array<{column_name: string; column_type: string}>
    const expected: Record<string, string> = {string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', boolean: 'BOOLEAN', list: 'VARCHAR[]'}
    expect(types.map((row) => [row.column_name, row.column_type])).toEqual(fieldsOf(name).map((field) => [field.name, expected[field.type]]))
  })
})

describe('SQLite, read by better-sqlite3', () => {
  const db = new Database(bundle('.sqlite'), {readonly: true})
  db.defaultSafeIntegers(true)
  afterAll(() => db.close())

  it.each(names)('table %s should hold the CSV\'s cells, lists as JSON arrays', (name) => {
    const fields = fieldsOf(name)
    const records = (db.prepare(`select * from "${name}" order by rowid`).all() as Array<Record<string, unknown>>).map((row) => Object.fromEntries(fields.map((field) => [field.name, field.type === 'list' && row[field.name] !== null ? JSON.parse(String(row[field.name])) : row[field.name]])))
    expect(asRows(name, records)).toEqual(csv(name))
  })

  it('should have every foreign key resolve, and declare the document of every record as one', () => {
    expect(db.prepare('pragma foreign_key_check').all()).toEqual([])
    for (const name of names) expect(db.prepare(`select "table", "from" from pragma_foreign_key_list('${name}')`).all(), name).toContainEqual({table: 'documents', from: 'document'})
  })

  it.each(names)('should find a record of %s by a word of its text with full-text search', (name) => {
    const searchable = db.prepare(`select name from pragma_table_info('${name}_fts')`).all() as Array<{name: string}>
    const row = db.prepare(`select rowid, * from "${name}" order by rowid limit 1`).get() as Record<string, unknown> | undefined
    if (!row) return
    const word = searchable.map((column) => String(row[column.name] ?? '')).join(' ').match(/[A-Za-z]{4,}/)?.[0]
    expect(word, `a word in the first record of ${name}`).toBeDefined()
    const found = db.prepare(`select rowid from "${name}_fts" where "${name}_fts" match ?`).all(`"${word}"`) as Array<{rowid: bigint}>
    expect(found.map((hit) => hit.rowid)).toContain(row['rowid'])
  })

  it('should describe every column', () => {
    const described = db.prepare('select table_name, column_name from _columns order by rowid').all() as Array<{table_name: string; column_name: string}>
    for (const name of names) expect(described.filter((row) => row.table_name === name).map((row) => row.column_name)).toEqual(fieldsOf(name).map((field) => field.name))
  })
})

describe('the workbook', () => {
  const bytes = readFileSync(bundle('.xlsx'))
  /** The CSV's rows as a workbook holds them: a cell longer than Excel's 32,767 characters is cut, and says so. */
  const workbookRows = (name: string, got: string[][]) => csv(name).map((row, index) => row.map((cell, column) => {
    const held = got[index]?.[column] ?? ''
    return cell.length > 32767 && held.endsWith(cutMark) && cell.startsWith(held.slice(0, -cutMark.length)) ? held : cell
  }))

  it('should open in exceljs with an About sheet, then a sheet per dataset holding the CSV\'s cells', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['About', ...names])
    for (const name of names) {
      const sheet = workbook.getWorksheet(name)!
      const fields = fieldsOf(name)
      const rows: string[][] = []
      sheet.eachRow({includeEmpty: true}, (row, number) => {
        rows[number - 1] = fields.map((field, index) => {
          const value = row.getCell(index + 1).value
          return number === 1 ? String(value) : asCell(value, field)
        })
      })
      expect(rows, name).toEqual(workbookRows(name, rows))
      expect(sheet.views[0]).toMatchObject({state: 'frozen', ySplit: 1})
    }
  })

  it('should open in SheetJS with numbers as numbers and text as text', () => {
    const workbook = XLSX.read(bytes, {type: 'buffer', cellDates: true})
    expect(workbook.SheetNames).toEqual(['About', ...names])
    for (const name of names) {
      const fields = fieldsOf(name)
      const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[name]!, {header: 1, raw: true, defval: null})
      const cells = rows.map((row, index) => (index === 0 ? row.map(String) : fields.map((field, column) => asCell(row[column], field))))
      expect(cells, name).toEqual(workbookRows(name, cells))
      const sheet = workbook.Sheets[name]!
      for (const [column, field] of fields.entries()) {
        for (let row = 1; row < rows.length; row++) {
          const cell = sheet[XLSX.utils.encode_cell({r: row, c: column})] as {t: string} | undefined
          if (!cell) continue
          if (field.type === 'integer' || field.type === 'number') expect(cell.t, `${name} ${field.name}`).toBe('n')
          if (field.type === 'string' || field.type === 'list') expect(['s', 'd'], `${name} ${field.name}`).toContain(cell.t)
        }
      }
    }
  })
})
