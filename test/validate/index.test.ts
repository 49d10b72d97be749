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
    const file = parsed('a', frontmatter('a').replace('geography: Kent and Medway', 'geography: [Kent, Medway]') + '\nText\n')
    expect(validateFrontmatter(file)).toBe(false)
    expect(messagesOf(file)).toEqual(['12:12 schema-frontmatter Unexpected value of `geography`, expected a string or `null`'])
  })

  it('should ask for a note when the title or the area is null', () => {
    const file = parsed('a', frontmatter('a').replace('title: Test document', 'title: null').replace('geography: Kent and Medway', 'geography: null\ngeography_note: Not stated.') + '\nText\n')
    expect(validateFrontmatter(file)).toBe(false)
    expect(messagesOf(file)).toEqual(['2:1 schema-frontmatter Unexpected missing field `title_note` in record, expected it to be present'])
  })

  it('should report an unknown field at its key and a missing one', () => {
    const file = parsed('a', frontmatter('a').replace('language: en-GB\n', 'langauge: en-GB\n') + '\nText\n')
    validateFrontmatter(file)
    expect(messagesOf(file)).toEqual([
      "2:1 schema-frontmatter Unexpected missing field `language` in record, expected it to be present",
      "11:11 schema-frontmatter Unexpected field `langauge` in record, expected only the fields the schema lists"
    ])
  })

  it('should refuse judgements in the frontmatter: they belong in the judgements file', () => {
    const file = parsed('a', frontmatter('a', 'timeline:\n  - {id: x, quote: Text here, event: Thing, status: happened}\n') + '\nText\n')
    expect(validateFrontmatter(file)).toBe(false)
    expect(messagesOf(file)).toEqual(['14:3 schema-frontmatter Unexpected judgements `timeline` in the frontmatter, expected them in sources/judgements/a.yml'])
  })

  it('should report a date of the right form that is not a day of the calendar, at its value', () => {
    const file = parsed('a', frontmatter('a').replace("earliest: '2022-07-01'", "earliest: '2022-02-30'") + '\nText\n')
    expect(validateFrontmatter(file)).toBe(false)
    expect(messagesOf(file)).toEqual(["8:26 schema-frontmatter Unexpected date `2022-02-30` in `date_written.earliest` that is not a day of the calendar, expected a real date"])
    const leap = parsed('a', frontmatter('a').replace("earliest: '2022-07-01'", "earliest: '2024-02-29'") + '\nText\n')
    expect(validateFrontmatter(leap)).toBe(true)
  })

  it('should report an id that differs from the file name', () => {
    const file = parsed('a', frontmatter('b') + '\nText\n')
    expect(validateFrontmatter(file)).toBe(false)
    expect(messagesOf(file)).toEqual(['2:5 id-mismatch Unexpected id `b`, expected `a` (the file name)'])
  })
})

describe('validateFrontmatter of a judgements file', () => {
  const judgementsOf = (yaml: string) => parsed('a', frontmatter('a') + '\nText here.\n', yaml).data.judgements!

  it('should say what a comma inside `{…}` did, and how to write the value', () => {
    const file = judgementsOf('ignore:\n  - {quote: "Objective 1", reason: Heading number, not a figure}\n')
    expect(validateFrontmatter(file, 'judgements')).toBe(false)
    expect(messagesOf(file)).toEqual(['2:5 schema-frontmatter Unexpected field `not a figure` in `ignore.0`: in `{…}` a comma ends a value, so YAML read `reason: Heading number` and a field `not a figure`, expected the value in double quotes: `reason: "Heading number, not a figure"`'])
  })

  it('should accept valid judgements, and an empty file', () => {
    const file = judgementsOf('timeline:\n  - {id: x, quote: Text here, event: Thing, status: happened}\n')
    expect(validateFrontmatter(file, 'judgements')).toBe(true)
    expect(file.messages).toEqual([])
    expect(validateFrontmatter(judgementsOf(''), 'judgements')).toBe(true)
    expect(validateFrontmatter(judgementsOf('# Nothing judged yet.\n'), 'judgements')).toBe(true)
  })

  it('should report a judgement field of the wrong type inside a list, at its line and column in the judgements file', () => {
    const file = judgementsOf('timeline:\n  - {id: x, quote: Text here, event: Thing, status: maybe}\n')
    expect(validateFrontmatter(file, 'judgements')).toBe(false)
    expect(messagesOf(file)).toEqual(['2:53 schema-frontmatter Unexpected value of `timeline.0.status`, expected one of `happened`, `planned`, `expected`'])
    expect(file.messages[0]?.file).toBe('sources/judgements/a.yml')
  })

  it('should refuse metadata in the judgements file, and a key that is not an id', () => {
    const file = judgementsOf('title: Test document\nstatistics:\n  - {id: Not A Slug, quote: Text here, label: Some label, unit: things}\n')
    expect(validateFrontmatter(file, 'judgements')).toBe(false)
    expect(messagesOf(file)).toEqual([
      '1:8 schema-frontmatter Unexpected field `title` in record, expected only the fields the schema lists',
      '3:10 schema-frontmatter Unexpected value of `statistics.0.id`: it must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"'
    ])
  })
})

describe('validateDatasets', () => {
  // The text starts on file line 14: its line 2 ("Text") is file line 15.
  const file = parsed('a', frontmatter('a') + '\nText\n')
  const provenance = {document: 'a', line: 2, column: 1, quote: 'Text'}
  const documents: DatasetRecords = {name: 'documents', foreignKeys: [], records: []}
  const record = (fields: Provenance & Record<string, unknown>): Provenance => fields
  const relation = (id: string, object: string) => record({id, subject: 'pcn', relation: 'part-of', object, ...provenance})

  it('should report a record that breaks its schema, a duplicate id and a reference to nothing, at the record’s file line', () => {
    documents.records = [record({id: 'a', title: 'T', title_note: null, publisher: null, publisher_organisation: null, publisher_note: null, url: null, url_note: null, date_published: null, date_updated: null, date_written_earliest: null, date_written_latest: null, date_basis: 'B', licence: null, licence_note: null, language: 'en-GB', geography: 'England', geography_code: 'E92000001', path: 'p', sha256: '0'.repeat(64), ...provenance})]
    validateDatasets([
      documents,
      {name: 'terms', foreignKeys: [], records: [record({id: 'pcn', name: 'PCN', abbreviation: null, sense: null, defined_in: [], ...provenance})]},
      {name: 'term-relations', foreignKeys: [{field: 'subject', resource: 'terms'}, {field: 'object', resource: 'terms'}], records: [relation('r1', 'pcn'), relation('r1', 'pcn'), relation('r2', 'nowhere'), record({...relation('r3', 'pcn'), relation: 'sits-in'})]}
    ], [file])
    expect(messagesOf(file)).toEqual([
      '15:1 duplicate-id Unexpected duplicate term-relations id `r1`, first in a at text line 2, column 1, expected unique ids',
      '15:1 unresolved-reference Unexpected object `nowhere` in term-relations record `r2`, expected an id of terms',
      '15:1 schema-record Unexpected term-relations record `r3`: Unexpected value of `relation`, expected one of `replaced-by`, `part-of`, `kind-of`'
    ])
  })

  it('should resolve every id of a list reference, and every record’s document', () => {
    const other = parsed('a', frontmatter('a') + '\nText\n')
    const terms: DatasetRecords = {
      name: 'terms',
      foreignKeys: [{field: 'defined_in', resource: 'documents', list: true}],
      records: [record({id: 'pcn', name: 'PCN', abbreviation: null, sense: null, defined_in: ['a', 'b'], ...provenance}), record({id: 'icb', name: 'ICB', abbreviation: null, sense: null, defined_in: [], ...provenance, document: 'c'})]
    }
    validateDatasets([documents, terms], [other])
    expect(messagesOf(other)).toEqual([
      '15:1 unresolved-reference Unexpected defined_in `b` in terms record `pcn`, expected an id of documents',
      '15:1 unresolved-reference Unexpected document `c` in terms record `icb`, expected an id of documents'
    ])
  })

  it('should report a record id that breaks the id rule', () => {
    const other = parsed('a', frontmatter('a') + '\nText\n')
    validateDatasets([documents, {name: 'term-relations', foreignKeys: [], records: [relation('R1--x', 'pcn'), relation(`r${'-x'.repeat(40)}`, 'pcn')]}], [other])
    expect(messagesOf(other)).toEqual([
      expect.stringMatching(/^15:1 schema-record Unexpected term-relations record `R1--x`: /),
      expect.stringMatching(/^15:1 schema-record Unexpected term-relations record `r(-x){40}`: /)
    ])
  })
})
