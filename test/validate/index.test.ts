import {describe, expect, it} from 'vitest'
import type {Provenance} from '../../pipeline/types.ts'
import {validateDatasets, validateFrontmatter, type DatasetRecords} from '../../pipeline/validate/index.ts'
import {frontmatter, messagesOf, parsed} from '../helpers/project.ts'

describe('validateFrontmatter', () => {
  it('should accept valid frontmatter', () => {
    const file = parsed('a', frontmatter('a') + '\nText\n')
    expect(validateFrontmatter(file)).toBe(true)
    expect(file.messages).toEqual([])
  })

  it('should report a wrong value at the value’s line and column', () => {
    const file = parsed('a', frontmatter('a').replace('geography: Kent and Medway', 'geography: Narnia') + '\nText\n')
    expect(validateFrontmatter(file)).toBe(false)
    expect(messagesOf(file)).toEqual(['12:12 schema-frontmatter Unexpected value of `geography`, expected one of `England`, `Kent and Medway`, `Kent`, `Medway`, `east Kent`, `South East`'])
  })

  it('should report an unknown field at its key and a missing one', () => {
    const file = parsed('a', frontmatter('a').replace('language: en-GB\n', 'langauge: en-GB\n') + '\nText\n')
    validateFrontmatter(file)
    expect(messagesOf(file)).toEqual([
      "2:1 schema-frontmatter Unexpected missing field `language` in record, expected it to be present",
      "11:11 schema-frontmatter Unexpected field `langauge` in record, expected only the fields the schema lists"
    ])
  })

  it('should report a judgement field of the wrong type inside a list', () => {
    const file = parsed('a', frontmatter('a', 'timeline:\n  - {id: x, quote: Text here, event: Thing, status: maybe}\n') + '\nText\n')
    validateFrontmatter(file)
    expect(messagesOf(file)).toEqual(['14:53 schema-frontmatter Unexpected value of `timeline.0.status`, expected one of `happened`, `planned`, `expected`'])
  })

  it('should report an id that differs from the file name', () => {
    const file = parsed('a', frontmatter('b') + '\nText\n')
    expect(validateFrontmatter(file)).toBe(false)
    expect(messagesOf(file)).toEqual(['2:5 id-mismatch Unexpected id `b`, expected `a` (the file name)'])
  })
})

describe('validateDatasets', () => {
  const file = parsed('a', frontmatter('a') + '\nText\n')
  const provenance = {document: 'a', line: 14, column: 1, quote: 'Text'}
  const documents: DatasetRecords = {name: 'documents', primaryKey: 'id', foreignKeys: [], records: []}
  const record = (fields: Provenance & Record<string, unknown>): Provenance => fields
  const relation = (id: string, object: string) => record({id, subject: 'pcn', relation: 'part-of', object, ...provenance})

  it('should report a record that breaks its schema, a duplicate id and a reference to nothing, at the record', () => {
    documents.records = [record({id: 'a', title: 'T', publisher: null, publisher_organisation: null, publisher_note: null, url: null, url_note: null, date_published: null, date_written_earliest: null, date_written_latest: null, date_basis: 'B', licence: null, licence_note: null, language: 'en-GB', geography: 'England', path: 'p', sha256: '0'.repeat(64), ...provenance})]
    validateDatasets([
      documents,
      {name: 'terms', primaryKey: 'id', foreignKeys: [], records: [record({id: 'pcn', name: 'PCN', abbreviation: null, sense: null, defined_in: [], ...provenance})]},
      {name: 'term-relations', primaryKey: 'id', foreignKeys: [{field: 'subject', resource: 'terms'}, {field: 'object', resource: 'terms'}], records: [relation('r1', 'pcn'), relation('r1', 'pcn'), relation('r2', 'nowhere'), record({...relation('r3', 'pcn'), relation: 'sits-in'})]}
    ], [file])
    expect(messagesOf(file)).toEqual([
      '14:1 duplicate-id Unexpected duplicate term-relations id `r1`, first at a:14:1, expected unique ids',
      '14:1 unresolved-reference Unexpected object `nowhere` in term-relations record `r2`, expected an id of terms',
      '14:1 schema-record Unexpected term-relations record `r3`: Unexpected value of `relation`, expected one of `replaced-by`, `part-of`, `kind-of`'
    ])
  })

  it('should skip the schema of a dataset checked before, but never its references', () => {
    const other = parsed('a', frontmatter('a') + '\nText\n')
    const terms: DatasetRecords = {name: 'terms', primaryKey: 'id', foreignKeys: [], records: [record({id: 'pcn', name: 'PCN', abbreviation: null, sense: null, defined_in: [], ...provenance})]}
    const relations: DatasetRecords = {name: 'term-relations', primaryKey: 'id', foreignKeys: [{field: 'object', resource: 'terms'}], records: [record({...relation('r1', 'nowhere'), relation: 'sits-in'})]}
    validateDatasets([documents, terms, relations], [other], {checked: (dataset) => dataset === relations})
    expect(messagesOf(other)).toEqual(['14:1 unresolved-reference Unexpected object `nowhere` in term-relations record `r1`, expected an id of terms'])
  })

  it('should skip the schema of exactly the records checked before', () => {
    const other = parsed('a', frontmatter('a') + '\nText\n')
    const relations: DatasetRecords = {
      name: 'term-relations',
      primaryKey: 'id',
      foreignKeys: [],
      records: [record({...relation('r1', 'pcn'), relation: 'sits-in'}), record({...relation('r2', 'pcn'), relation: 'sits-in'})]
    }
    validateDatasets([documents, relations], [other], {checked: () => (index) => index === 0})
    expect(messagesOf(other)).toEqual(['14:1 schema-record Unexpected term-relations record `r2`: Unexpected value of `relation`, expected one of `replaced-by`, `part-of`, `kind-of`'])
  })
})
