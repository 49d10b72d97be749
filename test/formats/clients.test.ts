/**
 * Real clients read what we publish: DuckDB (as an analyst would) and
 * csv-parse (as a script would) agree with the JSON, row for row.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {DuckDBInstance, type DuckDBConnection} from '@duckdb/node-api'
import {parse} from 'csv-parse/sync'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {projectRoot} from '../helpers/project.ts'

const draft = path.join(projectRoot, 'dist-data/draft')
const datapackage = JSON.parse(readFileSync(path.join(draft, 'datapackage.json'), 'utf8'))
const names: string[] = datapackage.resources.map((resource: {name: string}) => resource.name)
const json = (name: string) => JSON.parse(readFileSync(path.join(draft, `${name}.json`), 'utf8')) as Array<Record<string, unknown>>

describe('DuckDB', () => {
  let connection: DuckDBConnection
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(':memory:')).connect()
  })
  afterAll(() => connection.closeSync())

  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson()

  it.each(names)('should read %s.csv, %s.excel.csv and %s.json with as many rows as the JSON has', async (name) => {
    const expected = json(name).length
    const count = async (reader: string) => Number((await rows(`select count(*) as n from ${reader}`))[0]!['n'])
    expect(await count(`read_csv('${path.join(draft, `${name}.csv`)}', header = true, all_varchar = true)`)).toBe(expected)
    expect(await count(`read_csv('${path.join(draft, `${name}.excel.csv`)}', header = true, all_varchar = true)`)).toBe(expected)
    expect(await count(`read_json('${path.join(draft, `${name}.json`)}')`)).toBe(expected)
  })

  it('should type figures as numbers, so they can be summed', async () => {
    const [row] = await rows(`select any_value(typeof(value)) as type, max(value) as largest from read_csv('${path.join(draft, 'statistics.csv')}', header = true)`)
    expect(row!['type']).toBe('DOUBLE')
    expect(Number(row!['largest'])).toBe(Math.max(...json('statistics').map((record) => Number(record['value'] ?? 0))))
  })

  it('should read the Excel variant’s "£" and "–" correctly', async () => {
    const quotes = await rows(`select quote from read_csv('${path.join(draft, 'statistics.excel.csv')}', header = true, all_varchar = true) where quote like '%£%'`)
    expect(quotes.length).toBeGreaterThan(0)
    expect(quotes.every((row) => String(row['quote']).includes('£'))).toBe(true)
  })
})

describe('csv-parse', () => {
  it.each(names)('should read %s.csv back into the JSON’s values', (name) => {
    const records = parse(readFileSync(path.join(draft, `${name}.csv`)), {columns: true}) as Array<Record<string, string>>
    const expected = json(name).map((record) =>
      Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value === null ? '' : Array.isArray(value) ? value.join('|') : String(value)]))
    )
    expect(records).toEqual(expected)
  })
})
