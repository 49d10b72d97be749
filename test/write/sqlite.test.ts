/**
 * The SQLite database (pipeline/write/sqlite.ts), read back by another
 * SQLite than the one that wrote it (better-sqlite3's bundled build): typed
 * STRICT tables, primary and foreign keys, lists as JSON, full-text search,
 * column meanings, and the same bytes on every build.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import {afterAll, describe, expect, it} from 'vitest'
import {toSqlite, type ForeignKey} from '../../pipeline/write/sqlite.ts'
import type {Table} from '../../pipeline/write/table.ts'

const documents: Table = {
  name: 'documents', title: 'Source documents', description: 'The documents.',
  columns: [
    {name: 'id', type: 'string', description: 'Document id.', required: true},
    {name: 'title', type: 'string', description: 'Its title.', required: true}
  ],
  records: [{id: 'a', title: 'Our integrated care system'}, {id: 'b', title: 'Glossary – terms & "quotes"'}]
}
const statistics: Table = {
  name: 'statistics', title: 'Statistics', description: 'Figures.',
  columns: [
    {name: 'id', type: 'string', description: 'Record id.', required: true},
    {name: 'label', type: 'string', description: 'What is counted.', required: true},
    {name: 'value', type: 'number', description: 'The value.', required: false},
    {name: 'count', type: 'integer', description: 'A count.', required: false},
    {name: 'estimate', type: 'boolean', description: 'An estimate?', required: true},
    {name: 'disagrees_with', type: 'list', itemType: 'string', description: 'Other records.', required: false},
    {name: 'document', type: 'string', description: 'Source document.', required: true}
  ],
  records: [
    {id: 'pcns-a', label: 'Primary care networks', value: 42, count: 9007199254740991, estimate: false, disagrees_with: ['pcns-b'], document: 'a'},
    {id: 'pcns-b', label: 'Primary care networks (£3.4 billion budget)', value: 0.3333333333333333, count: null, estimate: true, disagrees_with: [], document: 'b'},
    {id: 'share-a', label: '20% of people', value: null, count: -5, estimate: false, disagrees_with: [], document: 'a'}
  ]
}
const keys: ForeignKey[] = [{table: 'statistics', column: 'document', references: 'documents'}]
const folder = mkdtempSync(path.join(tmpdir(), 'icb-sqlite-'))
const bytes = toSqlite([documents, statistics], keys)
const file = path.join(folder, 'test.sqlite')
writeFileSync(file, bytes)
const db = new Database(file, {readonly: true})
db.defaultSafeIntegers(true)

afterAll(() => {
  db.close()
  rmSync(folder, {recursive: true, force: true})
})

describe('the SQLite database', () => {
  it('should hold a STRICT table per dataset with typed columns, primary key and NOT NULL where required', () => {
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name").all()
    expect(tables).toEqual([{name: '_columns', strict: 1n}, {name: 'documents', strict: 1n}, {name: 'statistics', strict: 1n}])
    const columns = db.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info('statistics')").all()
    expect(columns).toEqual([
      {name: 'id', type: 'TEXT', notnull: 1n, pk: 1n},
      {name: 'label', type: 'TEXT', notnull: 1n, pk: 0n},
      {name: 'value', type: 'REAL', notnull: 0n, pk: 0n},
      {name: 'count', type: 'INTEGER', notnull: 0n, pk: 0n},
      {name: 'estimate', type: 'INTEGER', notnull: 1n, pk: 0n},
      {name: 'disagrees_with', type: 'TEXT', notnull: 0n, pk: 0n},
      {name: 'document', type: 'TEXT', notnull: 1n, pk: 0n}
    ])
  })

  it('should give back every value exactly, lists as JSON arrays and booleans as 0 or 1', () => {
    const rows = db.prepare('SELECT * FROM statistics ORDER BY rowid').all() as Array<Record<string, unknown>>
    expect(rows.map((row) => ({...row, disagrees_with: JSON.parse(String(row['disagrees_with']))}))).toEqual([
      {id: 'pcns-a', label: 'Primary care networks', value: 42, count: 9007199254740991n, estimate: 0n, disagrees_with: ['pcns-b'], document: 'a'},
      {id: 'pcns-b', label: 'Primary care networks (£3.4 billion budget)', value: 0.3333333333333333, count: null, estimate: 1n, disagrees_with: [], document: 'b'},
      {id: 'share-a', label: '20% of people', value: null, count: -5n, estimate: 0n, disagrees_with: [], document: 'a'}
    ])
    expect(db.prepare('SELECT typeof(value) AS type FROM statistics ORDER BY rowid').all()).toEqual([{type: 'real'}, {type: 'real'}, {type: 'null'}])
  })

  it('should declare the foreign keys, all of which resolve', () => {
    expect(db.prepare("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list('statistics')").all()).toEqual([{from: 'document', table: 'documents', to: 'id'}])
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
  })

  it('should find records by full-text search over their text columns', () => {
    const found = db.prepare("SELECT statistics.id FROM statistics_fts JOIN statistics ON statistics.rowid = statistics_fts.rowid WHERE statistics_fts MATCH 'billion' ORDER BY statistics.id").all()
    expect(found).toEqual([{id: 'pcns-b'}])
    expect(db.prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'glossary'").all()).toHaveLength(1)
  })

  it('should describe every column in _columns', () => {
    const described = db.prepare("SELECT column_name, type, description FROM _columns WHERE table_name = 'statistics' ORDER BY rowid").all()
    expect(described).toContainEqual({column_name: 'disagrees_with', type: 'list of string', description: 'Other records.'})
    expect(described).toHaveLength(statistics.columns.length)
  })

  it('should be the same bytes on every build, and differ when a value does', () => {
    expect(Buffer.from(toSqlite([documents, statistics], keys)).equals(Buffer.from(bytes))).toBe(true)
    const changed = {...statistics, records: [{...statistics.records[0]!, value: 43}, ...statistics.records.slice(1)]}
    expect(Buffer.from(toSqlite([documents, changed], keys)).equals(Buffer.from(bytes))).toBe(false)
  })

  it('should refuse a reference to nothing rather than write a broken database', () => {
    const orphan = {...statistics, records: [{...statistics.records[0]!, document: 'missing'}]}
    expect(() => toSqlite([documents, orphan], keys)).toThrow('Unexpected broken foreign keys')
  })
})
