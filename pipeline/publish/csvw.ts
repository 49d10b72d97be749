/**
 * CSVW metadata (W3C "Metadata Vocabulary for Tabular Data"): the
 * `<file>-metadata.json` beside a canonical CSV, which CSVW tools find by
 * its name and use to read the CSV typed. Made from the same Table Schema
 * as datapackage.json, so the two never disagree.
 *
 * Columns are matched by position and by name, so the metadata lists them
 * in the CSV's order with `titles` equal to the header text. Table Schema
 * types become XML Schema datatypes (number is a double; booleans are
 * written `true`/`false`; a list is its items' type split at `|`), and a
 * pattern or a list of allowed values becomes the datatype's `format`
 * regular expression. The dialect is the canonical CSV's; the Excel
 * variant (BOM, CRLF, inert formulas) is not described.
 */
import type {Publication} from '../publication.ts'

export interface CsvwField {
  name: string
  /** Table Schema type: string, integer, number, boolean, list. */
  type: string
  description: string
  itemType?: string
  delimiter?: string
  constraints?: {required?: boolean; enum?: string[]; pattern?: string}
}

export interface CsvwTable {
  /** The CSV's file name, relative to the metadata file, e.g. `terms.csv`. */
  url: string
  title: string
  description: string
  fields: CsvwField[]
  primaryKey: string[]
  foreignKeys: Array<{fields: string[]; reference: {resource: string; fields: string[]}}>
}

/** XML Schema datatypes of the Table Schema types CSVW has a name for. */
const datatypes: Record<string, string> = {string: 'string', integer: 'integer', number: 'double', boolean: 'boolean'}

/** The metadata of one CSV, to be written as `<url>-metadata.json` beside it. */
export function csvwMetadata(table: CsvwTable, publication: Publication): Record<string, unknown> {
  return {
    '@context': ['http://www.w3.org/ns/csvw', {'@language': 'en'}],
    url: table.url,
    'dc:title': table.title,
    'dc:description': table.description,
    'dc:license': {'@id': publication.licences.data.url},
    tableSchema: {
      columns: table.fields.map(column),
      primaryKey: table.primaryKey,
      foreignKeys: table.foreignKeys.map((key) => ({
        columnReference: key.fields,
        reference: {resource: `${key.reference.resource}.csv`, columnReference: key.reference.fields}
      }))
    },
    // Cells keep every byte (a quoted cell may start or end with a space), so nothing is trimmed.
    dialect: {header: true, delimiter: ',', encoding: 'utf-8', lineTerminators: ['\n'], trim: false}
  }
}

function column(field: CsvwField): Record<string, unknown> {
  const list = field.type === 'list'
  return {
    name: field.name,
    titles: field.name,
    'dc:description': field.description,
    datatype: datatype(list ? field.itemType ?? 'string' : field.type, field.constraints),
    ...(list ? {separator: field.delimiter ?? '|'} : {}),
    // An empty cell is null (CSVW's default `null` is ""); a required column never has one.
    required: field.constraints?.required === true
  }
}

function datatype(type: string, constraints: CsvwField['constraints']): string | Record<string, unknown> {
  if (type === 'boolean') return {base: 'boolean', format: 'true|false'}
  const base = datatypes[type]
  if (base === undefined) throw new Error(`No CSVW datatype for the Table Schema type ${type}`)
  const format = base === 'string' ? formatOf(constraints) : undefined
  return format === undefined ? base : {base, format}
}

/**
 * A Table Schema pattern matches a whole value; CSVW's format is a
 * regular expression in ECMAScript syntax, so it is anchored to say the
 * same whatever the reader does (kept as it is when already anchored at
 * both ends with no alternation).
 */
function formatOf(constraints: CsvwField['constraints']): string | undefined {
  const pattern = constraints?.pattern
  if (pattern !== undefined) return /^\^[^|]*[^\\]\$$/.test(pattern) ? pattern : `^(?:${pattern})$`
  const values = constraints?.enum
  if (values !== undefined && values.length > 0) return `^(?:${values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`
  return undefined
}
