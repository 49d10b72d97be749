/**
 * Real clients read what we publish: DuckDB (as an analyst would, typing each
 * column as the Table Schema says) and csv-parse (as a script would) read
 * every CSV back to the JSON's values, row for row; a list column split at
 * its delimiter is the JSON's array.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {DuckDBInstance, type DuckDBConnection} from '@duckdb/node-api'
import {parse} from 'csv-parse/sync'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {datapackage, draft, fieldsOf, names, type Field} from '../helpers/draft.ts'

const json = (name: string) => JSON.parse(readFileSync(path.join(draft, `${name}.json`), 'utf8')) as Array<Record<string, unknown>>
const file = (name: string) => path.join(draft, name).replaceAll("'", "''")

/** The JSON's value as a CSV cell: empty for null and for an empty list, lists joined by their delimiter. */
function cellOf(value: unknown, field: Field): string {
  if (value === null) return ''
  if (Array.isArray(value)) return value.map(String).join(field.delimiter)
  return String(value)
}

describe('the JSON, as every client reads it through a CSV', () => {
  it.each(names)('%s.json should hold nothing a CSV cannot carry: no empty strings, no list item with the delimiter or empty', (name) => {
    const problems: string[] = []
    for (const record of json(name)) {
      for (const field of fieldsOf(name)) {
        const value = record[field.name]
        if (value === '') problems.push(`${String(record['id'])}.${field.name} is an empty string, which a CSV reads as null`)
        if (field.type === 'list') {
          expect(Array.isArray(value), `${String(record['id'])}.${field.name}`).toBe(true)
          for (const item of value as unknown[]) {
            if (String(item) === '' || String(item).includes(field.delimiter!)) problems.push(`${String(record['id'])}.${field.name} item ${JSON.stringify(item)}`)
          }
        }
      }
    }
    expect(problems).toEqual([])
  })
})

describe('DuckDB', () => {
  let connection: DuckDBConnection
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(':memory:')).connect()
  })
  afterAll(() => connection.closeSync())

  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson()
  const duckType: Record<string, string> = {string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', boolean: 'BOOLEAN', list: 'VARCHAR'}

  it.each(names)('should read %s.csv, its Excel variant and its JSON with as many rows as the JSON has', async (name) => {
    const expected = json(name).length
    const count = async (reader: string) => Number((await rows(`select count(*) as n from ${reader}`))[0]!['n'])
    expect(await count(`read_csv('${file(`${name}.csv`)}', header = true, all_varchar = true)`)).toBe(expected)
    expect(await count(`read_csv('${file(`${name}.excel.csv`)}', header = true, all_varchar = true)`)).toBe(expected)
    expect(await count(`read_json('${file(`${name}.json`)}')`)).toBe(expected)
  })

  it.each(names)('should read %s.csv, typed as its Table Schema says, back to the JSON’s values, lists split at their delimiter', async (name) => {
    const fields = fieldsOf(name)
    const columns = fields.map((field) => `'${field.name}': '${duckType[field.type] ?? 'VARCHAR'}'`).join(', ')
    const select = fields
      .map((field) => {
        const column = `"${field.name}"`
        if (field.type !== 'list') return column
        const items = `string_split(${column}, '${field.delimiter}')`
        return `case when ${column} is null then []::varchar[] else ${field.itemType === 'string' ? items : `list_transform(${items}, item -> try_cast(item as ${duckType[field.itemType!]}))`} end as ${column}`
      })
      .join(', ')
    const read = await rows(
      `select ${select} from read_csv('${file(`${name}.csv`)}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n', columns = {${columns}})`
    )
    // DuckDB gives BIGINTs as strings (they may exceed a double); the JSON's integers are numbers.
    const normalised = read.map((row) => Object.fromEntries(fields.map((field) => [field.name, field.type === 'integer' && row[field.name] !== null ? Number(row[field.name]) : row[field.name]])))
    expect(normalised).toEqual(json(name))
  })

  it('should type figures as numbers, so they can be summed', async () => {
    const [row] = await rows(`select any_value(typeof(value)) as type, max(value) as largest from read_csv('${file('statistics.csv')}', header = true)`)
    expect(row!['type']).toBe('DOUBLE')
    expect(Number(row!['largest'])).toBe(Math.max(...json('statistics').map((record) => Number(record['value'] ?? -Infinity))))
  })

  it.each(names)('should read the Excel variant of %s.csv (byte-order mark, CRLF) to the canonical cells, "£" and "–" included', async (name) => {
    const canonical = await rows(`select * from read_csv('${file(`${name}.csv`)}', header = true, all_varchar = true)`)
    const excel = await rows(`select * from read_csv('${file(`${name}.excel.csv`)}', header = true, all_varchar = true)`)
    // The Excel variant neutralises a cell a spreadsheet would run as a formula with a leading `'` (OWASP's advice).
    const inert = (value: unknown) => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value)
    expect(excel).toEqual(canonical.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, inert(value)]))))
  })
})

describe('csv-parse', () => {
  it.each(names)('should read %s.csv back into the JSON’s values', (name) => {
    const fields = fieldsOf(name)
    const records = parse(readFileSync(path.join(draft, `${name}.csv`)), {columns: true}) as Array<Record<string, string>>
    const expected = json(name).map((record) => Object.fromEntries(fields.map((field) => [field.name, cellOf(record[field.name], field)])))
    expect(records).toEqual(expected)
  })

  it.each(names)('should split each list column of %s.csv at its delimiter into the JSON’s array', (name) => {
    const lists = fieldsOf(name).filter((field) => field.type === 'list')
    const records = parse(readFileSync(path.join(draft, `${name}.csv`)), {columns: true}) as Array<Record<string, string>>
    const expected = json(name)
    records.forEach((record, index) => {
      for (const field of lists) {
        const items = record[field.name] === '' ? [] : record[field.name]!.split(field.delimiter!)
        expect(items, `${name} row ${index + 2} ${field.name}`).toEqual(expected[index]![field.name])
      }
    })
  })
})
