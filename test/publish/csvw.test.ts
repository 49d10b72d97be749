/**
 * CSVW metadata for every CSV table of the real draft release
 * (dist-data/draft/datapackage.json), checked by reading each CSV back with
 * csv-parse as the metadata describes it: the header must be "compatible"
 * (the columns' names and titles, in order), every cell must be a value of
 * its column's datatype (list cells split at the separator), required
 * columns never empty, primary keys unique, foreign keys pointing at a CSV
 * described beside it. The metadata is also expanded as JSON-LD, in safe
 * mode, with the CSVW context copied into test/fixtures/specs/csvw/ and a
 * document loader that fetches nothing.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import jsonld from 'jsonld'
import {describe, expect, it} from 'vitest'
import {csvwMetadata, type CsvwTable} from '../../pipeline/publish/csvw.ts'
import {publicationOf} from '../../pipeline/publication.ts'
import {readYamlFile} from '../../pipeline/read/yaml-file.ts'
import {projectRoot} from '../helpers/project.ts'

const draft = path.join(projectRoot, 'dist-data/draft')
const publication = publicationOf(readYamlFile('sources/publication.yml', projectRoot))
const csvwContext = JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures/specs/csvw/csvw.jsonld'), 'utf8'))
const csvw = 'http://www.w3.org/ns/csvw#'

interface Resource {name: string; type?: string; path: string; title: string; description: string; schema?: Pick<CsvwTable, 'fields' | 'primaryKey' | 'foreignKeys'>}
const {resources} = JSON.parse(readFileSync(path.join(draft, 'datapackage.json'), 'utf8')) as {resources: Resource[]}
const tables: CsvwTable[] = resources.filter((resource) => resource.type === 'table').map((resource) => ({
  url: resource.path, title: resource.title, description: resource.description,
  fields: resource.schema!.fields, primaryKey: resource.schema!.primaryKey, foreignKeys: resource.schema!.foreignKeys
}))

type Json = Record<string, any>
interface Column {name: string; titles: string; datatype: string | {base: string; format?: string}; separator?: string; required: boolean}

/** Lexical forms of the XML Schema datatypes used, as CSVW reads them. */
const lexical: Record<string, RegExp> = {
  integer: /^[-+]?\d+$/,
  double: /^([-+]?(\d+(\.\d*)?|\.\d+)([Ee][-+]?\d+)?|[-+]?INF|NaN)$/
}

function isValue(text: string, datatype: Column['datatype']): boolean {
  const {base, format} = typeof datatype === 'string' ? {base: datatype, format: undefined} : datatype
  if (base === 'boolean') return format !== undefined && format.split('|').includes(text)
  if (base === 'string') return format === undefined || new RegExp(format).test(text)
  return lexical[base]?.test(text) ?? false
}

/** What is wrong with `csv` read as `metadata` describes it, one line per problem (none: it reads as described). */
function problemsReading(csv: string, metadata: Json): string[] {
  const {dialect, tableSchema} = metadata
  const columns = tableSchema.columns as Column[]
  const [header, ...rows] = parse(csv, {delimiter: dialect.delimiter, record_delimiter: dialect.lineTerminators, trim: dialect.trim, bom: false}) as string[][]
  const problems: string[] = []
  if (csv.startsWith('\uFEFF')) problems.push('a byte-order mark')
  // Compatible (tabular-metadata §5.4.3): as many columns as the header, each named and titled as its header cell.
  if (header!.length !== columns.length || columns.some((column, index) => column.name !== header![index] || column.titles !== header![index])) {
    problems.push(`header ${header!.join(',')} is not ${columns.map((column) => column.name).join(',')}`)
  }
  rows.forEach((row, index) => columns.forEach((column, at) => {
    const text = row[at] ?? ''
    const where = `row ${index + 2} ${column.name}`
    if (text === '') {
      if (column.required) problems.push(`${where}: empty, but required`)
      return
    }
    for (const item of column.separator ? text.split(column.separator) : [text]) {
      if (!isValue(item, column.datatype)) problems.push(`${where}: ${JSON.stringify(item)} is not ${JSON.stringify(column.datatype)}`)
    }
  }))
  const keys = rows.map((row) => (tableSchema.primaryKey as string[]).map((name) => row[columns.findIndex((column) => column.name === name)]).join('\u0000'))
  if (new Set(keys).size !== keys.length) problems.push('primary key values repeat')
  return problems
}

/** Serves the CSVW context for the URL every metadata file names; any other URL is an error, never a fetch. */
async function documentLoader(url: string) {
  if (url === 'http://www.w3.org/ns/csvw') return {contextUrl: undefined, documentUrl: url, document: csvwContext}
  throw new Error(`Refusing to load ${url}: only the bundled CSVW context is served`)
}
const expand = (metadata: object, file: string) => jsonld.expand(metadata as jsonld.JsonLdDocument, {documentLoader, safe: true, base: `https://data.example.org/data/draft/${file}-metadata.json`} as jsonld.Options.Expand)

const csvOf = (table: CsvwTable) => readFileSync(path.join(draft, table.url), 'utf8')
const columnsOf = (metadata: Json) => metadata['tableSchema']['columns'] as Column[]

describe('csvwMetadata', () => {
  it('should describe every CSV table of the draft release so that it reads back typed, cell by cell', () => {
    expect(tables.length).toBeGreaterThan(0)
    for (const table of tables) {
      const metadata = csvwMetadata(table, publication) as Json
      // The build publishes it beside the CSV, where CSVW tools look for it.
      expect(JSON.parse(readFileSync(path.join(draft, `${table.url}-metadata.json`), 'utf8')), table.url).toEqual(metadata)
      expect(problemsReading(csvOf(table), metadata), table.url).toEqual([])
      expect(metadata).toMatchObject({
        '@context': ['http://www.w3.org/ns/csvw', {'@language': 'en'}], url: table.url, 'dc:title': table.title, 'dc:description': table.description,
        'dc:license': {'@id': publication.licences.data.url},
        dialect: {header: true, delimiter: ',', encoding: 'utf-8', lineTerminators: ['\n'], trim: false}
      })
      expect(columnsOf(metadata).map((column) => column.name)).toEqual(table.fields.map((field) => field.name))
      // A column name must be usable as a URI template variable and must not start with `_`.
      for (const column of columnsOf(metadata)) expect(column.name).toMatch(/^[A-Za-z0-9][A-Za-z0-9_]*$/)
      for (const key of metadata['tableSchema']['foreignKeys']) {
        const target = tables.find((other) => other.url === key.reference.resource)!
        expect(existsSync(path.join(draft, key.reference.resource)), key.reference.resource).toBe(true)
        for (const name of key.reference.columnReference) expect(target.fields.map((field) => field.name)).toContain(name)
      }
    }
  })

  it('should map Table Schema types to CSVW datatypes: double, true|false booleans, lists split at |, patterns and allowed values as formats', () => {
    const byName = (url: string) => new Map(columnsOf(csvwMetadata(tables.find((table) => table.url === url)!, publication)).map((column) => [column.name, column]))
    const statistics = byName('statistics.csv')
    expect(statistics.get('value')).toMatchObject({datatype: 'double', required: false})
    expect(statistics.get('line')).toMatchObject({datatype: 'integer', required: true})
    expect(statistics.get('disagrees_with')).toMatchObject({datatype: 'string', separator: '|', required: false})
    expect(statistics.get('id')).toMatchObject({datatype: {base: 'string', format: '^[a-z0-9]+(-[a-z0-9]+)*$'}})
    expect(statistics.get('date_precision')).toMatchObject({datatype: {base: 'string', format: '^(?:day|month|year)$'}})
    expect(byName('board-members.csv').get('statutory')).toMatchObject({datatype: {base: 'boolean', format: 'true|false'}})
    const made = csvwMetadata({url: 'x.csv', title: 'X', description: 'X.', primaryKey: ['n'], foreignKeys: [], fields: [
      {name: 'n', type: 'list', itemType: 'integer', delimiter: ';', description: 'Numbers.'},
      {name: 'code', type: 'string', description: 'A code.', constraints: {pattern: '[A-Z]{3}|[0-9]{3}'}},
      {name: 'kind', type: 'string', description: 'A kind.', constraints: {enum: ['a.b', 'c(d)']}}
    ]}, publication) as Json
    expect(columnsOf(made)).toMatchObject([
      {datatype: 'integer', separator: ';'},
      {datatype: {base: 'string', format: '^(?:[A-Z]{3}|[0-9]{3})$'}},
      {datatype: {base: 'string', format: '^(?:a\\.b|c\\(d\\))$'}}
    ])
    expect(() => csvwMetadata({...tables[0]!, fields: [{name: 'when', type: 'date', description: 'A date.'}]}, publication)).toThrow(/date/)
  })

  it('should expand as JSON-LD with the CSVW context alone: table, columns in order, datatypes, licence', async () => {
    for (const table of tables) {
      const [node] = await expand(csvwMetadata(table, publication), table.url) as Json[]
      expect(node![`${csvw}url`]).toEqual([{'@value': table.url, '@type': 'http://www.w3.org/2001/XMLSchema#anyURI'}])
      expect(node!['http://purl.org/dc/terms/title']).toEqual([{'@value': table.title, '@language': 'en'}])
      expect(node!['http://purl.org/dc/terms/license']).toEqual([{'@id': publication.licences.data.url}])
      const [schema] = node![`${csvw}tableSchema`]
      const columns = schema[`${csvw}column`][0]['@list'] as Json[]
      expect(columns.map((column) => column[`${csvw}name`][0]['@value'])).toEqual(table.fields.map((field) => field.name))
      for (const column of columns) expect(column[`${csvw}datatype`]).toBeDefined()
    }
  })

  it('should catch metadata that does not match the CSV (the checks can fail)', async () => {
    const terms = tables.find((table) => table.url === 'terms.csv')!
    const csv = csvOf(terms)
    const metadata = csvwMetadata(terms, publication) as Json
    const withColumns = (columns: Column[]) => ({...metadata, tableSchema: {...metadata['tableSchema'], columns}})
    const columns = columnsOf(metadata)
    // A wrong datatype: the evidence quotes are text, not integers.
    const quote = columns.findIndex((column) => column.name === 'quote')
    const wrongType = columns.map((column, index) => index === quote ? {...column, datatype: 'integer'} : column)
    expect(problemsReading(csv, withColumns(wrongType))).toContainEqual(expect.stringMatching(/ quote: .* is not "integer"$/))
    // Columns out of order: the header is no longer compatible.
    const swapped = [columns[1]!, columns[0]!, ...columns.slice(2)]
    expect(problemsReading(csv, withColumns(swapped))).toContainEqual(expect.stringMatching(/^header /))
    // An optional column with empty cells, said to be required.
    const rows = parse(csv, {columns: true}) as Array<Record<string, string>>
    const sometimesEmpty = columns.findIndex((column) => !column.required && rows.some((row) => row[column.name] === ''))
    const required = columns.map((column, index) => index === sometimesEmpty ? {...column, required: true} : column)
    expect(problemsReading(csv, withColumns(required))).toContainEqual(expect.stringMatching(/: empty, but required$/))
    // A mistyped CSVW term is dropped by JSON-LD, which safe mode refuses.
    await expect(expand({...metadata, tableSchema: {colums: columns}}, terms.url)).rejects.toThrow(/Safe mode/)
    await expect(expand({...metadata, '@context': 'https://example.org/csvw'}, terms.url)).rejects.toThrow()
  })
})
