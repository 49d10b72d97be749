/**
 * Real readers open our Parquet: DuckDB (as an analyst would) and hyparquet
 * (another implementation than the writer's) read made-up tables with every
 * type and awkward values back to the records value by value, numbers
 * exactly, lists as lists, nulls as nulls; and every draft dataset back to
 * its JSON. The bytes are the same on every call, whatever the clock says.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {DuckDBInstance, type DuckDBConnection} from '@duckdb/node-api'
import {parquetMetadata, parquetReadObjects} from 'hyparquet'
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest'
import {tableOf} from '../../pipeline/write/datapackage.ts'
import {createdBy, toParquet} from '../../pipeline/write/parquet.ts'
import type {Table} from '../../pipeline/write/table.ts'
import type {DatasetRecords} from '../../pipeline/validate/index.ts'
import {projectRoot} from '../helpers/project.ts'

const columns: Table['columns'] = [
  {name: 'id', type: 'string', description: 'The record’s id', required: true},
  {name: 'text', type: 'string', description: 'Awkward text: “£”, “–”, emoji', required: false},
  {name: 'count', type: 'integer', description: 'A count', required: true},
  {name: 'maybe_count', type: 'integer', description: 'A count, or null', required: false},
  {name: 'share', type: 'number', description: 'A share', required: false},
  {name: 'flag', type: 'boolean', description: 'Always a flag', required: true},
  {name: 'maybe_flag', type: 'boolean', description: 'A flag, or null', required: false},
  {name: 'names', type: 'list', itemType: 'string', description: 'Names, | and all', required: false},
  {name: 'years', type: 'list', itemType: 'integer', description: 'Years', required: false},
  {name: 'values', type: 'list', itemType: 'number', description: 'Values', required: false}
]

const records = [
  {id: 'a', text: '£86m – 20% of it', count: 9007199254740991, maybe_count: -9007199254740991, share: 0.3333333333333333, flag: true, maybe_flag: false, names: ['a|b', 'c'], years: [2024, -1], values: [0.1, 1e-300]},
  {id: '0123', text: 'Says "hello", then\nleaves 😀', count: -4000000000, maybe_count: null, share: -0, flag: false, maybe_flag: null, names: [], years: [], values: []},
  {id: 'c', text: null, count: 0, maybe_count: 0, share: null, flag: true, maybe_flag: true, names: ['£', '😀', ' padded '], years: [9007199254740991], values: [-0, 3400000000]},
  {id: 'd', text: '0123', count: -1, maybe_count: 42, share: 3400000000, flag: false, maybe_flag: null, names: null, years: null, values: null}
]

const table: Table = {name: 'everything', title: 'Every type – £ and 😀', description: 'Made-up records with every type and awkward values.', columns, records}

/** The records as a reader should give them: integers as bigints (INT64), -0 as 0 (the JSON and CSV write 0). */
function expected(table: Table): Array<Record<string, unknown>> {
  const value = (type: string | undefined, item: unknown): unknown => (item === null ? null : type === 'integer' ? BigInt(item as number) : type === 'number' ? (item as number) + 0 : item)
  return table.records.map((record) =>
    Object.fromEntries(
      table.columns.map((column) => {
        const cell = record[column.name] ?? null
        return [column.name, column.type === 'list' && Array.isArray(cell) ? cell.map((item) => value(column.itemType, item)) : value(column.type, cell)]
      })
    )
  )
}

const folder = mkdtempSync(path.join(tmpdir(), 'parquet-test-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))
let files = 0
/** The file's bytes on disk, for DuckDB; its path quoted for SQL. */
function fileOf(bytes: Uint8Array): string {
  const file = path.join(folder, `${files++}.parquet`)
  writeFileSync(file, bytes)
  return `'${file.replaceAll("'", "''")}'`
}

/**
 * hyparquet's records, a null list as null: hyparquet 1.31.5 gives a null
 * LIST as undefined (a null scalar as null; DuckDB both as NULL), never as [].
 */
async function hyparquet(bytes: Uint8Array): Promise<Array<Record<string, unknown>>> {
  const read = await parquetReadObjects({file: bytes.slice().buffer})
  return read.map((record) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value === undefined ? null : value])))
}

describe('toParquet, read by DuckDB', () => {
  let connection: DuckDBConnection
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(':memory:')).connect()
  })
  afterAll(() => connection.closeSync())
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS()

  it('should type each column as its Table Schema type says', async () => {
    const described = await rows(`DESCRIBE SELECT * FROM read_parquet(${fileOf(toParquet(table))})`)
    expect(Object.fromEntries(described.map((row) => [row['column_name'], row['column_type']]))).toEqual({
      id: 'VARCHAR', text: 'VARCHAR', count: 'BIGINT', maybe_count: 'BIGINT', share: 'DOUBLE', flag: 'BOOLEAN', maybe_flag: 'BOOLEAN',
      names: 'VARCHAR[]', years: 'BIGINT[]', values: 'DOUBLE[]'
    })
  })

  it('should read every value back exactly: text byte for byte, integers beyond 2^53 signed, doubles bit for bit, lists as lists, nulls as nulls', async () => {
    const read = await rows(`SELECT * FROM read_parquet(${fileOf(toParquet(table))})`)
    expect(read).toEqual(expected(table))
    expect(Object.is(read[1]!['share'], 0)).toBe(true)
    expect(read[1]!['names']).toEqual([])
    expect(read[3]!['names']).toBeNull()
  })

  it('should keep the title, the description and each column’s description in the key/value metadata', async () => {
    const metadata = await rows(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${fileOf(toParquet(table))})`)
    expect(Object.fromEntries(metadata.map((row) => [row['key'], row['value']]))).toEqual({
      title: table.title,
      description: table.description,
      column_descriptions: JSON.stringify(Object.fromEntries(columns.map((column) => [column.name, column.description])))
    })
  })

  it('should write a 3-level LIST of REQUIRED elements, REQUIRED columns as required, SNAPPY and the fixed created_by', async () => {
    const file = fileOf(toParquet(table))
    const schema = await rows(`SELECT name, type, repetition_type, converted_type FROM parquet_schema(${file}) WHERE name IN ('count', 'share', 'names', 'list', 'element')`)
    expect(schema.slice(0, 5)).toEqual([
      {name: 'count', type: 'INT64', repetition_type: 'REQUIRED', converted_type: null},
      {name: 'share', type: 'DOUBLE', repetition_type: 'OPTIONAL', converted_type: null},
      {name: 'names', type: null, repetition_type: 'OPTIONAL', converted_type: 'LIST'},
      {name: 'list', type: null, repetition_type: 'REPEATED', converted_type: null},
      {name: 'element', type: 'BYTE_ARRAY', repetition_type: 'REQUIRED', converted_type: 'UTF8'}
    ])
    expect(await rows(`SELECT DISTINCT compression FROM parquet_metadata(${file})`)).toEqual([{compression: 'SNAPPY'}])
    expect(await rows(`SELECT created_by FROM parquet_file_metadata(${file})`)).toEqual([{created_by: createdBy}])
  })

  it('should read a table with no records as no rows, typed', async () => {
    const file = fileOf(toParquet({...table, records: []}))
    expect(await rows(`SELECT * FROM read_parquet(${file})`)).toEqual([])
    expect((await rows(`DESCRIBE SELECT * FROM read_parquet(${file})`)).map((row) => row['column_type'])).toContain('BIGINT[]')
  })

  it('should read a table of several row groups in order', async () => {
    const many = {...table, records: Array.from({length: 2500}, (_, index) => ({...records[index % records.length]!, id: `r${index}`, count: index}))}
    const file = fileOf(toParquet(many))
    expect(await rows(`SELECT count(DISTINCT row_group_id) AS groups FROM parquet_metadata(${file})`)).toEqual([{groups: 2n}])
    expect(await rows(`SELECT * FROM read_parquet(${file})`)).toEqual(expected(many))
  })

  it('should find each record by each of its values, through the statistics (strings longer than their 16-byte bounds included)', async () => {
    const file = fileOf(toParquet(table))
    for (const record of expected(table)) {
      for (const column of ['id', 'text', 'count', 'maybe_count', 'share', 'flag']) {
        const value = record[column]
        if (value === null) continue
        const literal = typeof value === 'string' ? `'${value.replaceAll("'", "''")}'` : String(value)
        const found = await rows(`SELECT id FROM read_parquet(${file}) WHERE "${column}" = ${literal}`)
        expect(found.map((row) => row['id']), `${column} = ${literal}`).toContain(record['id'])
      }
    }
  })

  describe('every draft dataset', () => {
    const draft = path.join(projectRoot, 'dist-data/draft')
    const datapackage = JSON.parse(readFileSync(path.join(draft, 'datapackage.json'), 'utf8')) as {resources: Array<{name: string, type?: string}>}
    const names = datapackage.resources.filter((resource) => resource.type === 'table').map((resource) => resource.name)
    const tableNamed = (name: string) => tableOf({name, foreignKeys: [], records: JSON.parse(readFileSync(path.join(draft, `${name}.json`), 'utf8'))} as DatasetRecords)

    it.each(names)('should read %s back to its JSON’s values', async (name) => {
      const real = tableNamed(name)
      const read = await rows(`SELECT * FROM read_parquet(${fileOf(toParquet(real))})`)
      expect(read).toEqual(expected(real))
      expect(await hyparquet(toParquet(real))).toEqual(expected(real))
    })
  })
})

describe('toParquet, read by hyparquet', () => {
  it('should read every value back exactly, lists as lists and nulls as nulls', async () => {
    const read = await hyparquet(toParquet(table))
    expect(read).toEqual(expected(table))
    expect(Object.is(read[1]!['share'], 0)).toBe(true)
  })

  it('should see REQUIRED columns, OPTIONAL ones and the metadata', () => {
    const metadata = parquetMetadata(toParquet(table).slice().buffer)
    const repetition = Object.fromEntries(metadata.schema.slice(1).map((element) => [element.name, element.repetition_type]))
    expect(repetition).toMatchObject({id: 'REQUIRED', text: 'OPTIONAL', count: 'REQUIRED', maybe_count: 'OPTIONAL', flag: 'REQUIRED', names: 'OPTIONAL', list: 'REPEATED', element: 'REQUIRED'})
    expect(metadata.schema.find((element) => element.name === 'id')).toMatchObject({type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: {type: 'STRING'}})
    expect(metadata.created_by).toBe(createdBy)
    expect(metadata.key_value_metadata?.map((entry) => entry.key)).toEqual(['title', 'description', 'column_descriptions'])
    expect(metadata.num_rows).toBe(BigInt(records.length))
  })
})

describe('toParquet', () => {
  afterEach(() => vi.useRealTimers())

  it('should give the same bytes on every call, whatever the clock says', () => {
    const first = toParquet(table)
    expect(toParquet(table)).toEqual(first)
    vi.useFakeTimers({now: new Date('2031-07-04T12:34:56Z')})
    expect(toParquet(structuredClone(table))).toEqual(first)
  })

  it('should name the writer it pins in created_by', () => {
    const installed = JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/hyparquet-writer/package.json'), 'utf8')) as {version: string}
    expect(createdBy).toBe(`hyparquet-writer version ${installed.version}`)
  })

  it('should refuse a null or missing value in a required column, naming it', () => {
    expect(() => toParquet({...table, records: [{...records[0]!, count: null}]})).toThrow('everything record 0 count is null, but the column is required')
    const {flag: _, ...noFlag} = records[0]!
    expect(() => toParquet({...table, records: [noFlag]})).toThrow('everything record 0 flag is null, but the column is required')
  })

  it('should read a missing value in an optional column as null', async () => {
    const {text: _, names: __, ...sparse} = records[0]!
    const [read] = await hyparquet(toParquet({...table, records: [sparse]}))
    expect(read).toMatchObject({text: null, names: null})
  })

  it('should refuse a value that is not of its column’s type', () => {
    const broken = (change: Record<string, unknown>) => () => toParquet({...table, records: [{...records[0]!, ...change}]})
    expect(broken({count: 1.5})).toThrow('everything record 0 count: 1.5 is not of type integer')
    expect(broken({count: '12'})).toThrow('is not of type integer')
    expect(broken({share: Number.NaN})).toThrow('is not of type number')
    expect(broken({flag: 'true'})).toThrow('is not of type boolean')
    expect(broken({id: 7})).toThrow('is not of type string')
    expect(broken({names: 'a|b'})).toThrow('is not of type list')
    expect(broken({years: [2024, '2025']})).toThrow('"2025" is not of type integer')
    expect(broken({names: ['a', null]})).toThrow('null is not of type string')
    expect(broken({count: 2 ** 63})).toThrow(RangeError)
  })
})
