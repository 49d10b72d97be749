/**
 * The record-level change and the version it calls for, from two releases'
 * files as snapshotOf reads them: datasets and columns added, removed or
 * retyped, records added, removed and changed, and the bump each makes.
 */
import {describe, expect, it} from 'vitest'
import {changesBetween} from '../../pipeline/release/changes.ts'
import {snapshotOf} from '../../pipeline/release/snapshot.ts'
import {compareVersions, decide, nextVersion, raise} from '../../pipeline/release/version.ts'

type Row = Record<string, unknown>
interface Table {name: string; fields: Array<[string, string, string?]>; rows: Row[]}

/** The files of a release holding `tables`: datapackage.json with Table Schemas, and each dataset's JSON. */
function release(tables: Table[]): (file: string) => string {
  const files = new Map<string, string>()
  const resources = tables.flatMap((table) => [
    {name: table.name, type: 'table', path: `${table.name}.csv`, schema: {fields: table.fields.map(([name, type, itemType]) => ({name, type, ...(itemType ? {itemType} : {})})), primaryKey: ['id']}},
    {name: `${table.name}-json`, path: `${table.name}.json`}
  ])
  files.set('datapackage.json', JSON.stringify({resources}))
  for (const table of tables) files.set(`${table.name}.json`, JSON.stringify(table.rows))
  return (file) => files.get(file)!
}

const documents: Table = {name: 'documents', fields: [['id', 'string'], ['title', 'string']], rows: [{id: 'a', title: 'A'}, {id: 'b', title: 'B'}]}
const statistics: Table = {
  name: 'statistics',
  fields: [['id', 'string'], ['value', 'number'], ['topics', 'list', 'string'], ['document', 'string']],
  rows: [{id: 'x-a', value: 42, topics: ['pcn'], document: 'a'}, {id: 'y-b', value: 7, topics: [], document: 'b'}]
}
const base = snapshotOf(release([documents, statistics]))
const after = (tables: Table[]) => {
  const changes = changesBetween(base, snapshotOf(release(tables)))
  return {changes, decision: decide(changes)}
}

describe('changes between releases', () => {
  it('should find no change, and no bump, between the same files', () => {
    const {changes, decision} = after([documents, statistics])
    expect(changes).toEqual({datasets: {added: [], removed: []}, columns: [], records: []})
    expect(decision.bump).toBeNull()
  })

  it('should make changed values a patch, field by field with old and new values', () => {
    const {changes, decision} = after([documents, {...statistics, rows: [{...statistics.rows[0]!, value: 43, topics: ['pcn', 'gp']}, statistics.rows[1]!]}])
    expect(changes.records).toEqual([{dataset: 'statistics', id: 'x-a', change: 'changed', fields: [{field: 'value', old: 42, new: 43}, {field: 'topics', old: ['pcn'], new: ['pcn', 'gp']}]}])
    expect(decision).toEqual({bump: 'patch', reasons: {major: [], minor: [], patch: ['1 record changed in statistics']}})
  })

  it('should make added records, columns and datasets minor', () => {
    const timeline: Table = {name: 'timeline', fields: [['id', 'string']], rows: [{id: 't'}]}
    const {changes, decision} = after([
      {...documents, fields: [...documents.fields, ['url', 'string']], rows: [...documents.rows.map((row) => ({...row, url: null})), {id: 'c', title: 'C', url: null}]},
      statistics,
      timeline
    ])
    expect(changes.datasets).toEqual({added: ['timeline'], removed: []})
    expect(changes.columns).toEqual([{dataset: 'documents', column: 'url', change: 'added', old_type: null, new_type: 'string'}])
    expect(decision.bump).toBe('minor')
    expect(decision.reasons.minor).toEqual(['dataset timeline added', 'column documents.url added', '1 record added to documents', '1 record added to timeline'])
  })

  it('should make a removed record, column or dataset, or a changed type, major, and say why a record went', () => {
    const {changes, decision} = after([{...documents, rows: [documents.rows[0]!]}, {...statistics, fields: [['id', 'string'], ['value', 'string'], ['document', 'string']], rows: [{id: 'x-a', value: '42', document: 'a'}]}])
    expect(changes.columns).toEqual([
      {dataset: 'statistics', column: 'value', change: 'retyped', old_type: 'number', new_type: 'string'},
      {dataset: 'statistics', column: 'topics', change: 'removed', old_type: 'list<string>', new_type: null}
    ])
    expect(changes.records.filter((record) => record.change === 'removed')).toEqual([
      {dataset: 'documents', id: 'b', change: 'removed', reason: 'The document was removed from the sources (sources/documents/b.md).'},
      {dataset: 'statistics', id: 'y-b', change: 'removed', reason: 'Its source document, b, was removed from the sources.'}
    ])
    expect(decision.bump).toBe('major')
    expect(decision.reasons.major).toEqual(['column statistics.value changed type from number to string', 'column statistics.topics removed', '1 record removed from documents', '1 record removed from statistics'])
    expect(after([documents]).decision.reasons.major).toEqual(['dataset statistics removed', '2 records removed from statistics'])
  })

  it('should say a record still in its document went because it is no longer extracted', () => {
    const {changes} = after([documents, {...statistics, rows: [statistics.rows[1]!]}])
    expect(changes.records).toEqual([{dataset: 'statistics', id: 'x-a', change: 'removed', reason: 'It is no longer extracted from its source document, a: its judgement was removed or now gives another id.'}])
  })
})

describe('published files', () => {
  const none = {datasets: {added: [], removed: []}, columns: [], records: []}

  it('should make a removed file major, an added file minor and a file changed with no record changed a patch', () => {
    expect(decide(none, {added: [], removed: ['texts/b.json'], changed: []})).toEqual({bump: 'major', reasons: {major: ['1 file removed (texts/b.json)'], minor: [], patch: []}})
    expect(decide(none, {added: ['statistics.parquet'], removed: [], changed: []}).bump).toBe('minor')
    expect(decide(none, {added: [], removed: [], changed: ['schema/terms.schema.json', 'schema/terms.json.schema.json']}).reasons.patch).toEqual(['2 files changed with no record changed (schema/terms.schema.json, schema/terms.json.schema.json)'])
  })
})

describe('versions', () => {
  it('should count up by the bump, 1.0.0 first', () => {
    expect(nextVersion(null, 'patch')).toBe('1.0.0')
    expect(['patch', 'minor', 'major'].map((bump) => nextVersion('1.4.2', bump as 'patch'))).toEqual(['1.4.3', '1.5.0', '2.0.0'])
  })

  it('should raise a bump on request and never lower it', () => {
    expect(raise('minor', 'major')).toBe('major')
    expect(raise('minor', 'patch')).toBe('minor')
    expect(raise('patch', undefined)).toBe('patch')
  })

  it('should order versions by number, not text', () => {
    expect(['1.10.0', '1.2.0', '10.0.0', '2.0.0'].sort(compareVersions)).toEqual(['1.2.0', '1.10.0', '2.0.0', '10.0.0'])
    expect(() => compareVersions('1.0', '1.0.0')).toThrow('Unexpected version `1.0`')
  })
})
