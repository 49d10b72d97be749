/**
 * datapackage.json and the schemas published beside it, checked as a user's
 * tools would read them, from the release folder alone (dist-data/draft/).
 *
 * No npm package the project uses ships the official Frictionless v2
 * profiles, and tests read nothing outside the repository, so the v2 rules
 * that matter here are written out below, from the standard's text
 * (datapackage.org/standard: Data Package, Data Resource, Table Schema,
 * Table Dialect). Comparing with the official profiles is a separate script
 * outside the tests (scripts/check-specs.ts, `npm run check:specs`).
 *
 * The JSON Schemas are checked with ajv (draft 2020-12, strict), loading only
 * the published files, so every `$ref` is shown to resolve from them.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {datasets as registry} from '../../pipeline/datasets.ts'
import {publishedSchemas} from '../../pipeline/write/schemas.ts'
import type {Publication} from '../../pipeline/publication.ts'
import {projectRoot} from '../helpers/project.ts'

const draft = path.join(projectRoot, 'dist-data/draft')

interface Constraints {
  required?: boolean
  unique?: boolean
  enum?: unknown[]
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number | string
  maximum?: number | string
  exclusiveMinimum?: number | string
  exclusiveMaximum?: number | string
  jsonSchema?: object
}
interface Field {
  name: string
  type?: string
  format?: string
  itemType?: string
  delimiter?: string
  trueValues?: string[]
  falseValues?: string[]
  missingValues?: string[]
  constraints?: Constraints
}
interface ForeignKey {
  fields: string[]
  reference: {resource?: string; fields: string[]}
}
interface TableSchema {
  $schema?: string
  fields: Field[]
  missingValues?: string[]
  primaryKey?: string[]
  foreignKeys?: ForeignKey[]
}
interface Dialect {
  $schema?: string
  delimiter?: string
  lineTerminator?: string
  quoteChar?: string
  header?: boolean
}
interface Resource {
  name: string
  path: string
  type?: string
  format?: string
  mediatype?: string
  encoding?: string
  bytes?: number
  hash?: string
  dialect?: Dialect
  schema?: TableSchema
  jsonSchema?: string
}
interface Package {
  $schema?: string
  name?: string
  licenses?: Array<{name?: string; path?: string; title?: string}>
  sources?: Array<{title?: string; path?: string}>
  resources: Resource[]
}
interface JsonSchema {
  $id?: string
  type?: string | string[]
  pattern?: string
  enum?: unknown[]
  items?: JsonSchema | {$ref: string}
  required?: string[]
  properties?: Record<string, JsonSchema>
  allOf?: Array<{$ref: string}>
}

const read = (file: string) => readFileSync(path.join(draft, file))
const readJson = <T>(file: string) => JSON.parse(read(file).toString('utf8')) as T
const datapackage = readJson<Package>('datapackage.json')
const tables = datapackage.resources.filter((resource) => resource.type === 'table')
const jsonResources = datapackage.resources.filter((resource) => resource.format === 'json')
const tableNames = tables.map((resource) => resource.name)

// ------------------------------------------------------------------ the v2 rules, as the standard writes them

/** Field types of Table Schema v2 (list is new in v2). */
const fieldTypes = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'list', 'datetime', 'date', 'time', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any']
/** What a list's items may be: "string, integer, boolean, number, datetime, date, and time", `string` by default. */
const listItemTypes = ['string', 'integer', 'boolean', 'number', 'datetime', 'date', 'time']
/** Formats each type allows besides `default`; date and time types also take `any` or a strptime pattern. */
const formats: Record<string, string[]> = {string: ['default', 'email', 'uri', 'binary', 'uuid'], geopoint: ['default', 'array', 'object'], geojson: ['default', 'topojson']}
/** The field types each constraint applies to ("Fields:" in the standard); `required`, `unique` and `enum` apply to all. */
const constraintTypes: Record<string, string[] | 'all'> = {
  required: 'all',
  unique: 'all',
  enum: 'all',
  minLength: ['string', 'array', 'object'],
  maxLength: ['string', 'array', 'object'],
  minimum: ['integer', 'number', 'date', 'time', 'datetime', 'duration', 'year', 'yearmonth'],
  maximum: ['integer', 'number', 'date', 'time', 'datetime', 'duration', 'year', 'yearmonth'],
  exclusiveMinimum: ['integer', 'number', 'date', 'time', 'datetime', 'duration', 'year', 'yearmonth'],
  exclusiveMaximum: ['integer', 'number', 'date', 'time', 'datetime', 'duration', 'year', 'yearmonth'],
  jsonSchema: ['array', 'object'],
  pattern: ['string']
}
/** A relative POSIX path that stays inside the package: no scheme, no leading `/`, `.` or `~`, no `..`, no backslash. */
const relativePath = /^(?![./~])(?!.*(?:^|\/)\.\.(?:\/|$))(?!.*\\)(?![a-z][a-z0-9+.-]*:)[^\0]+$/i

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Whether a cell is a valid lexical value of a type in its default format (or the field's). */
function lexicallyValid(cell: string, type: string, field: Field): boolean {
  switch (type) {
    case 'string':
      switch (field.format ?? 'default') {
        case 'uri':
          return URL.canParse(cell)
        case 'email':
          return /^[^@\s]+@[^@\s]+$/.test(cell)
        case 'uuid':
          return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(cell)
        case 'binary':
          return /^[A-Za-z0-9+/]*={0,2}$/.test(cell)
        default:
          return true
      }
    case 'integer':
      return /^[+-]?[0-9]+$/.test(cell)
    case 'number':
      return /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(cell) || /^(nan|inf|-inf)$/i.test(cell)
    case 'boolean':
      return [...(field.trueValues ?? ['true', 'True', 'TRUE', '1']), ...(field.falseValues ?? ['false', 'False', 'FALSE', '0'])].includes(cell)
    case 'date': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell)
      return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))
    }
    case 'time':
      return /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(cell)
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(cell)
    case 'year':
      return /^-?\d{4,}$/.test(cell)
    case 'yearmonth':
      return /^-?\d{4,}-(0[1-9]|1[0-2])$/.test(cell)
    case 'object':
    case 'array':
    case 'geojson':
      try {
        const value: unknown = JSON.parse(cell)
        return type === 'array' ? Array.isArray(value) : typeof value === 'object' && value !== null && !Array.isArray(value)
      } catch {
        return false
      }
    case 'list':
      return cell.split(field.delimiter ?? ',').every((item) => lexicallyValid(item, field.itemType ?? 'string', {name: field.name}))
    default:
      return true
  }
}

/** A CSV resource's rows, header first, read with its own dialect. */
function rowsOf(resource: Resource): string[][] {
  const dialect = resource.dialect ?? {}
  return parse(read(resource.path), {
    delimiter: dialect.delimiter ?? ',',
    quote: dialect.quoteChar ?? '"',
    record_delimiter: dialect.lineTerminator ?? '\r\n',
    bom: false
  }) as string[][]
}

/** A CSV resource's records as objects by field name (the header is checked against the fields separately). */
function recordsOf(resource: Resource): Array<Record<string, string>> {
  const [header = [], ...rows] = rowsOf(resource)
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])))
}

const tableByName = new Map(tables.map((resource) => [resource.name, resource]))
const records = new Map(tables.map((resource) => [resource.name, recordsOf(resource)]))
const missingValuesOf = (schema: TableSchema, field: Field) => field.missingValues ?? schema.missingValues ?? ['']

// ------------------------------------------------------------------ the package

describe('datapackage.json: the package', () => {
  it('should claim the v2 profile, and have a lower-case name and resources', () => {
    expect(datapackage.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json')
    expect(datapackage.name).toMatch(/^[a-z0-9._-]+$/)
    expect(Array.isArray(datapackage.resources)).toBe(true)
    expect(datapackage.resources.length).toBeGreaterThan(0)
  })

  it('should name its licences by Open Definition id and link them', () => {
    expect(datapackage.licenses?.length).toBeGreaterThan(0)
    for (const licence of datapackage.licenses ?? []) {
      expect(licence.name).toMatch(/^[-a-zA-Z0-9._]+$/)
      expect(URL.canParse(licence.path ?? ''), `${licence.name} path`).toBe(true)
    }
  })

  it('should give each source a title, and a path only when it is a URL or a relative path', () => {
    for (const source of datapackage.sources ?? []) {
      expect(typeof source.title).toBe('string')
      if (source.path !== undefined) expect(/^https?:\/\//.test(source.path) || relativePath.test(source.path), source.path).toBe(true)
    }
  })

  it('should describe every data file of the release (the Excel variants aside)', () => {
    const files = readdirSync(draft).filter((name) => /\.(csv|json|parquet|sqlite|xlsx)$/.test(name) && !/(\.excel\.csv|metadata\.json)$/.test(name) && name !== 'datapackage.json')
    expect(files.length).toBeGreaterThan(0)
    expect(files.sort()).toEqual(datapackage.resources.map((resource) => resource.path).sort())
  })
})

// ------------------------------------------------------------------ every resource

describe('datapackage.json: resources', () => {
  it('should have unique names of lower-case letters, digits, `.`, `-` and `_`', () => {
    const names = datapackage.resources.map((resource) => resource.name)
    expect(new Set(names).size).toBe(names.length)
    for (const name of names) expect(name).toMatch(/^[a-z0-9._-]+$/)
  })

  it('should accept safe relative paths and refuse the others (the path rule itself)', () => {
    for (const good of ['terms.csv', 'data/terms.csv', 'a..b.csv']) expect(relativePath.test(good), good).toBe(true)
    for (const bad of ['/etc/passwd', '../terms.csv', 'data/../../x.csv', './terms.csv', '~/x.csv', 'data\\x.csv', 'file:///x.csv', 'https://example.org/x.csv']) {
      expect(relativePath.test(bad), bad).toBe(false)
    }
  })

  describe.each(datapackage.resources.map((resource) => [resource.name, resource] as const))('%s', (_, resource) => {
    const bytes = read(resource.path)

    it('should point at a file inside the package by a relative path', () => {
      expect(typeof resource.path).toBe('string')
      expect(resource.path).toMatch(relativePath)
      expect(statSync(path.join(draft, resource.path)).isFile()).toBe(true)
    })

    const text = resource.format === 'csv' || resource.format === 'json'
    it(`should give its format and media type${text ? ', and its encoding, UTF-8 without a byte-order mark' : ''}`, () => {
      const expected = {csv: 'text/csv', json: 'application/json', parquet: 'application/vnd.apache.parquet', sqlite: 'application/vnd.sqlite3', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}[resource.format ?? '']
      expect(expected, `format ${resource.format}`).toBeDefined()
      expect(resource.path.endsWith(`.${resource.format}`)).toBe(true)
      expect(resource.mediatype).toBe(expected)
      if (!text) return
      expect(resource.encoding).toBe('utf-8')
      expect(() => new TextDecoder('utf-8', {fatal: true}).decode(bytes)).not.toThrow()
      expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf])
    })

    it('should give the exact size and SHA-256 of the file on disk', () => {
      expect(resource.bytes).toBe(bytes.length)
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`)
    })

    if (resource.format === 'csv') {
      it('should be a table with a Table Schema and a dialect that reads the file', () => {
        expect(resource.type).toBe('table')
        expect(resource.schema?.$schema).toBe('https://datapackage.org/profiles/2.0/tableschema.json')
        expect(resource.dialect?.$schema).toBe('https://datapackage.org/profiles/2.0/tabledialect.json')
        expect(resource.dialect?.header).toBe(true)
        // Every row ends with the dialect's line terminator, the last included.
        const terminator = resource.dialect?.lineTerminator ?? '\r\n'
        expect(bytes.toString('utf8').endsWith(terminator)).toBe(true)
        if (terminator === '\n') expect(bytes.includes('\r\n')).toBe(false)
      })
    } else if (resource.format === 'json') {
      it('should not claim to be a table, and name its JSON Schema, which is published', () => {
        expect(resource.type).toBeUndefined()
        expect(resource.schema).toBeUndefined()
        expect(resource.jsonSchema).toMatch(relativePath)
        expect(existsSync(path.join(draft, resource.jsonSchema!))).toBe(true)
        expect(Array.isArray(JSON.parse(bytes.toString('utf8')))).toBe(true)
      })
    } else {
      it('should not claim to be a table: its columns are typed inside the file', () => {
        expect(resource.type).toBeUndefined()
        expect(resource.schema).toBeUndefined()
      })
    }
  })
})

// ------------------------------------------------------------------ Table Schemas

describe.each(tables.map((resource) => [resource.name, resource] as const))('Table Schema of %s', (name, resource) => {
  const schema = resource.schema!
  const fields = schema.fields
  const rows = records.get(name)!
  const recordSchema = readJson<JsonSchema>(`schema/${name}.schema.json`)
  const provenanceSchema = readJson<JsonSchema>('schema/provenance.schema.json')
  const jsonProperty = (field: string) => recordSchema.properties?.[field] ?? provenanceSchema.properties?.[field]

  it('should list the fields in the order of the CSV header, each name once', () => {
    const [header] = rowsOf(resource)
    expect(header).toEqual(fields.map((field) => field.name))
    expect(new Set(header).size).toBe(header!.length)
  })

  it('should give every field a type of Table Schema v2 and a format that type allows', () => {
    for (const field of fields) {
      expect(fieldTypes, field.name).toContain(field.type)
      if (field.format === undefined || field.format === 'default') continue
      if (['date', 'time', 'datetime'].includes(field.type!)) continue
      expect(formats[field.type!] ?? ['default'], `${field.name} format`).toContain(field.format)
    }
  })

  it('should give list fields an item type and a delimiter that cannot be confused with the CSV’s, and no one else', () => {
    for (const field of fields) {
      if (field.type === 'list') {
        expect(listItemTypes, `${field.name} itemType`).toContain(field.itemType)
        expect(typeof field.delimiter).toBe('string')
        expect(field.delimiter!.length).toBeGreaterThan(0)
        expect(field.delimiter).not.toBe(resource.dialect?.delimiter ?? ',')
        expect(field.delimiter).not.toBe(resource.dialect?.quoteChar ?? '"')
      } else {
        expect(field.itemType, field.name).toBeUndefined()
        expect(field.delimiter, field.name).toBeUndefined()
      }
    }
  })

  it('should use each constraint only on the types it applies to, with values of the right kind', () => {
    for (const field of fields) {
      for (const [key, value] of Object.entries(field.constraints ?? {})) {
        const applies = constraintTypes[key]
        expect(applies, `${field.name}: unknown constraint ${key}`).toBeDefined()
        if (applies !== 'all') expect(applies, `${field.name}: ${key} on a ${field.type}`).toContain(field.type)
        if (key === 'required' || key === 'unique') expect(typeof value).toBe('boolean')
        if (key === 'enum') {
          expect(Array.isArray(value) && value.length > 0).toBe(true)
          expect(new Set(value as unknown[]).size).toBe((value as unknown[]).length)
        }
        if (key === 'pattern') expect(() => new RegExp(value as string, 'u')).not.toThrow()
      }
    }
  })

  it('should say what the published JSON Schema says: required, enum and pattern', () => {
    for (const field of fields) {
      const property = jsonProperty(field.name)
      expect(property, `${field.name} in ${name}.schema.json`).toBeDefined()
      const types = [property!.type ?? []].flat()
      const list = types.includes('array')
      expect(field.type === 'list', `${field.name} is a list exactly when its JSON is an array`).toBe(list)
      // A list may be empty, which is an empty cell, so no list is required; others are required unless null is allowed.
      expect(field.constraints?.required ?? false, `${field.name} required`).toBe(!list && !types.includes('null'))
      expect(field.constraints?.enum, `${field.name} enum`).toEqual(property!.enum?.filter((value) => value !== null))
      expect(field.constraints?.pattern, `${field.name} pattern`).toEqual(property!.pattern)
      if (list) expect(field.itemType).toBe([(property!.items as JsonSchema | undefined)?.type ?? 'string'].flat()[0])
    }
  })

  it('should have a missing value the CSV uses for null, and every cell valid for its field', () => {
    expect(Array.isArray(schema.missingValues ?? [''])).toBe(true)
    const problems: string[] = []
    for (const field of fields) {
      const missing = missingValuesOf(schema, field)
      const constraints = field.constraints ?? {}
      const seen = new Set<string>()
      rows.forEach((row, index) => {
        const cell = row[field.name] ?? ''
        const where = `${name} row ${index + 2} ${field.name} ${JSON.stringify(cell)}`
        if (missing.includes(cell)) {
          if (constraints.required) problems.push(`${where}: missing but required`)
          return
        }
        if (!lexicallyValid(cell, field.type ?? 'any', field)) problems.push(`${where}: not a ${field.type}${field.itemType ? ` of ${field.itemType}` : ''}`)
        if (constraints.enum && !constraints.enum.map(String).includes(cell)) problems.push(`${where}: not in enum`)
        // Table Schema patterns are XML Schema regular expressions: they match the whole value.
        if (constraints.pattern && !new RegExp(`^(?:${constraints.pattern})$`, 'u').test(cell)) problems.push(`${where}: does not match ${constraints.pattern}`)
        if (constraints.maxLength !== undefined && [...cell].length > constraints.maxLength) problems.push(`${where}: longer than ${constraints.maxLength}`)
        if (constraints.unique) {
          if (seen.has(cell)) problems.push(`${where}: repeated but unique`)
          seen.add(cell)
        }
      })
    }
    expect(problems).toEqual([])
  })

  it('should have a primary key of its own fields whose values are present and unique', () => {
    const key = schema.primaryKey ?? []
    expect(key.length).toBeGreaterThan(0)
    for (const field of key) expect(fields.map((candidate) => candidate.name)).toContain(field)
    const values = rows.map((row) => key.map((field) => row[field] ?? '').join('\u0000'))
    expect(values.filter((value) => value.split('\u0000').some((part) => part === ''))).toEqual([])
    expect(new Set(values).size).toBe(values.length)
  })

  it('should have foreign keys from its own fields to the primary key of a resource of the package, every value resolving', () => {
    for (const key of schema.foreignKeys ?? []) {
      expect(Array.isArray(key.fields) && Array.isArray(key.reference.fields)).toBe(true)
      expect(key.reference.fields.length).toBe(key.fields.length)
      for (const field of key.fields) expect(fields.map((candidate) => candidate.name)).toContain(field)
      // v2: a self-reference omits `resource`.
      const target = key.reference.resource === undefined ? resource : tableByName.get(key.reference.resource)
      expect(target, `${name} → ${key.reference.resource}`).toBeDefined()
      expect(key.reference.fields, 'a foreign key refers to a primary key').toEqual(target!.schema!.primaryKey)
      const targets = new Set(records.get(target!.name)!.map((row) => key.reference.fields.map((field) => row[field]).join('\u0000')))
      const dangling = rows
        .filter((row) => key.fields.every((field) => !missingValuesOf(schema, {name: field}).includes(row[field] ?? '')))
        .map((row) => key.fields.map((field) => row[field]).join('\u0000'))
        .filter((value) => !targets.has(value))
      expect(dangling, `${name}.${key.fields.join(',')} → ${target!.name}`).toEqual([])
    }
  })

  it('should have every id in a list of ids resolve too (lists cannot be Table Schema foreign keys)', () => {
    const dataset = registry.find((candidate) => candidate.name === name)
    expect(dataset, `${name} in pipeline/datasets.ts`).toBeDefined()
    for (const key of dataset!.foreignKeys.filter((candidate) => candidate.list)) {
      const field = fields.find((candidate) => candidate.name === key.field)!
      expect(field.type).toBe('list')
      const target = tableByName.get(key.resource)!
      const targets = new Set(records.get(key.resource)!.map((row) => row[target.schema!.primaryKey![0]!]))
      const dangling = rows.flatMap((row) => (row[key.field] ? row[key.field]!.split(field.delimiter!) : [])).filter((id) => !targets.has(id))
      expect(dangling, `${name}.${key.field} → ${key.resource}`).toEqual([])
    }
  })
})

describe('Table Schemas: the checks themselves', () => {
  const list: Field = {name: 'ids', type: 'list', itemType: 'integer', delimiter: '|'}
  it('should read numbers, integers, booleans, dates and lists as the standard writes them', () => {
    expect(['1', '-1.5', '2e3', '.5', 'NaN', '-INF'].every((cell) => lexicallyValid(cell, 'number', {name: 'n'}))).toBe(true)
    expect(['1,000', '1.2.3', '£3', ''].some((cell) => lexicallyValid(cell, 'number', {name: 'n'}))).toBe(false)
    expect(lexicallyValid('42', 'integer', {name: 'n'}) && !lexicallyValid('4.2', 'integer', {name: 'n'})).toBe(true)
    expect(lexicallyValid('true', 'boolean', {name: 'b'}) && !lexicallyValid('yes', 'boolean', {name: 'b'})).toBe(true)
    expect(lexicallyValid('2024-02-29', 'date', {name: 'd'}) && !lexicallyValid('2023-02-29', 'date', {name: 'd'})).toBe(true)
    expect(lexicallyValid('1|2|3', 'list', list) && !lexicallyValid('1|a', 'list', list)).toBe(true)
  })
})

// ------------------------------------------------------------------ the published JSON Schemas

const schemaFiles = readdirSync(path.join(draft, 'schema')).filter((name) => name.endsWith('.json')).sort()
const published = new Map(schemaFiles.map((file) => [file, readJson<JsonSchema & Record<string, unknown>>(`schema/${file}`)]))

/** An ajv (draft 2020-12, strict: unknown keywords, ignored keywords and loose types are errors) holding `schemas` alone. */
function strictAjv(schemas: Iterable<object>): Ajv2020.default {
  const ajv = new Ajv2020.default({strict: true, allErrors: true})
  addFormats.default(ajv)
  for (const schema of schemas) ajv.addSchema(schema)
  return ajv
}

/** Every `$ref` in a schema. */
function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsOf)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refsOf(inner)))
}

describe('the JSON Schemas published with the data', () => {
  it('should publish a record schema for each table and the provenance schema they share', () => {
    for (const name of [...tableNames, 'provenance']) expect(schemaFiles, name).toContain(`${name}.schema.json`)
  })

  it('should give each schema an `$id` that is its own file name, relative or under one base URL', () => {
    const bases = new Set<string>()
    for (const [file, schema] of published) {
      const id = String(schema.$id)
      if (id === file) bases.add('')
      else {
        expect(URL.canParse(id), `${file}: ${id}`).toBe(true)
        expect(id.endsWith(`/schema/${file}`), `${file}: ${id}`).toBe(true)
        bases.add(id.slice(0, -file.length))
      }
    }
    expect(bases.size).toBe(1)
  })

  it('should refer only to schemas published beside it', () => {
    for (const [file, schema] of published) {
      for (const ref of refsOf(schema)) {
        const target = new URL(ref, new URL(String(schema.$id), 'relative:/schema/')).href
        const found = [...published.values()].some((other) => new URL(String(other.$id), 'relative:/schema/').href === target.split('#')[0])
        expect(found || ref.startsWith('#'), `${file}: $ref ${ref}`).toBe(true)
      }
    }
  })

  it.each(schemaFiles)('%s should be a valid draft 2020-12 schema that compiles in strict mode', (file) => {
    const ajv = strictAjv(published.values())
    const schema = published.get(file)!
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true)
    expect(() => ajv.getSchema(String(schema.$id))).not.toThrow()
    expect(ajv.getSchema(String(schema.$id))).toBeTypeOf('function')
  })

  it.each(jsonResources.map((resource) => [resource.path, resource] as const))('%s should be valid against the file schema datapackage.json names', (_, resource) => {
    const ajv = strictAjv(published.values())
    const schema = readJson<JsonSchema>(resource.jsonSchema!)
    expect(schema.type).toBe('array')
    const validate = ajv.getSchema(String(schema.$id))!
    const data: unknown = JSON.parse(read(resource.path).toString('utf8'))
    expect(validate(data) ? [] : validate.errors).toEqual([])
  })

  it('should reject a record that breaks its schema (the check is not vacuous)', () => {
    const ajv = strictAjv(published.values())
    for (const resource of jsonResources) {
      const validate = ajv.getSchema(String(readJson<JsonSchema>(resource.jsonSchema!).$id))!
      const [first] = JSON.parse(read(resource.path).toString('utf8')) as Array<Record<string, unknown>>
      if (!first) continue
      expect(validate([{...first, id: 'Not A Slug'}]), resource.path).toBe(false)
      expect(validate([{...first, unexpected: true}]), resource.path).toBe(false)
      expect(validate([{...first, line: 0}]), resource.path).toBe(false)
    }
  })

  it('should resolve every `$ref` under a base URL too, as when sources/publication.yml sets one', () => {
    const publication = {name: 'test', version: 'draft', base_url: 'https://data.example.org/'} as Publication
    const schemas = publishedSchemas(tableNames, publication).map(([, text]) => JSON.parse(text) as JsonSchema)
    for (const schema of schemas) expect(schema.$id).toMatch(/^https:\/\/data\.example\.org\/.+\/schema\/[a-z-]+(\.json)?\.schema\.json$/)
    const ajv = strictAjv(schemas)
    for (const schema of schemas) expect(ajv.getSchema(schema.$id!)).toBeTypeOf('function')
  })
})

// ------------------------------------------------------------------ dates

/** Every date pattern of the published schemas and Table Schemas: the patterns of fields whose name says date. */
const datePatterns = [
  ...new Set([
    ...[...published.values()].flatMap((schema) => Object.entries(schema.properties ?? {}).filter(([name, property]) => /date/.test(name) && property.pattern).map(([, property]) => property.pattern!)),
    ...tables.flatMap((resource) => resource.schema!.fields.filter((field) => /date/.test(field.name) && field.constraints?.pattern).map((field) => field.constraints!.pattern!))
  ])
]

describe('date patterns', () => {
  it('should exist wherever a date is written', () => {
    expect(datePatterns.length).toBeGreaterThan(0)
  })

  // A pattern checks the form: year, month 01–12, day 01–31, and intervals of those. Whether a day exists in its
  // month (30 February, 31 April, 29 February of a common year) is beyond a pattern a reader can check; the data
  // test below checks that every published date is a real day.
  it.each(datePatterns)('%s should accept years, months, days and intervals', (pattern) => {
    for (const date of ['2021', '2021-02', '2021-12-31', '2021-01-01', '2021-04/2022-03-31', '2019/2020']) {
      expect(new RegExp(pattern, 'u').test(date), date).toBe(true)
    }
  })

  it.each(datePatterns)('%s should reject month 13, month 00, day 32 and day 00', (pattern) => {
    for (const date of ['2021-13', '2021-00', '2021-13-01', '2021-01-32', '2021-01-00', '2021-1-1', '21-01', '2021-01/2021-13', '2021-01-01/2021-02-32', '2021-01-01 ']) {
      expect(new RegExp(pattern, 'u').test(date), date).toBe(false)
    }
  })

  it('should only be met by real days in the published data', () => {
    const problems: string[] = []
    for (const resource of tables) {
      for (const field of resource.schema!.fields.filter((candidate) => datePatterns.includes(candidate.constraints?.pattern ?? ''))) {
        for (const row of records.get(resource.name)!) {
          for (const part of (row[field.name] ?? '').split('/')) {
            const [year, month, day] = part.split('-').map(Number)
            if (day !== undefined && !isRealDate(year!, month!, day)) problems.push(`${resource.name} ${row['id']} ${field.name} ${row[field.name]}`)
          }
        }
      }
    }
    expect(problems).toEqual([])
  })
})
