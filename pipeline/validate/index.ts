/**
 * Validate: frontmatter against schema/source-document.schema.json, judgements
 * against schema/judgements.schema.json, every record against its dataset's
 * schema, ids unique, every reference resolved. Problems become messages on
 * the file (and at the line) they came from.
 */
import type {ErrorObject} from 'ajv'
import type {VFile} from 'vfile'
import {isMap, isScalar} from 'yaml'
import {report} from '../messages.ts'
import {flowCommaReason} from '../parse/yaml-advice.ts'
import {frontmatterPlace} from '../parse/index.ts'
import type {ForeignKey} from '../extract/dataset.ts'
import type {Provenance} from '../types.ts'
import {schemas, validator} from './schemas.ts'

/** A dataset's records, as merged from every document; every record's id is its `id`. */
export interface DatasetRecords {
  name: string
  foreignKeys: readonly ForeignKey[]
  records: Provenance[]
}

/** Check YAML data (a document's frontmatter, or a reference file) against a schema; false when it must not be used. */
export function validateFrontmatter(file: VFile, schema = 'source-document'): boolean {
  const validate = validator(schema)
  if (validate(file.data.matter)) {
    const id = file.data.matter?.['id']
    if (file.extname === '.md' && id !== file.stem) {
      report(file, 'id-mismatch', `Unexpected id \`${String(id)}\`, expected \`${file.stem}\` (the file name)`, {place: frontmatterPlace(file, ['id'])})
      return false
    }
    // A pattern checks a date's form; whether the day exists in its month needs the calendar.
    const dates = schema === 'source-document' ? [['date_published'], ['date_updated'], ['date_written', 'earliest'], ['date_written', 'latest']] : []
    let real = true
    for (const path of dates) {
      const value = file.data.frontmatter?.document.getIn(path)
      if (typeof value !== 'string' || isCalendarDate(value)) continue
      report(file, 'schema-frontmatter', `Unexpected date \`${value}\` in \`${path.join('.')}\` that is not a day of the calendar, expected a real date`, {place: frontmatterPlace(file, path)})
      real = false
    }
    return real
  }
  // An `if` that failed is explained by its `then`'s own error.
  for (const error of (validate.errors ?? []).filter((error) => error.keyword !== 'if')) {
    const field = error.keyword === 'additionalProperties' && error.instancePath === '' ? String(error.params['additionalProperty']) : ''
    // Judgements written the old way, in the frontmatter, get told where they go now.
    const reason = schema === 'source-document' && judgementKeys.has(field) ? `Unexpected judgements \`${field}\` in the frontmatter, expected them in sources/judgements/${file.stem}.yml` : explainFlowComma(file, error) ?? describe(error)
    report(file, 'schema-frontmatter', reason, {place: frontmatterPlace(file, pathOf(error))})
  }
  return false
}

/** The lists a judgements file holds (schema/judgements.schema.json). */
const judgementKeys = new Set(Object.keys(schemas.get('judgements')!.properties))

/** Check every dataset; messages go to the document a record came from. */
export function validateDatasets(datasets: readonly DatasetRecords[], files: readonly VFile[]): void {
  // A document's id is its file name (validateFrontmatter checks it).
  const fileOf = new Map(files.map((file) => [file.stem ?? '', file]))
  const fieldsOf = (record: Provenance) => record as unknown as Record<string, unknown>
  // A message goes to the record's document, at the record's evidence: its text line, counted in the file.
  const complain = (record: Provenance, ruleId: 'schema-record' | 'duplicate-id' | 'unresolved-reference', reason: string) => {
    const file = fileOf.get(record.document) ?? files[0]!
    report(file, ruleId, reason, {place: {line: record.line + (file.data.bodyLine ?? 1) - 1, column: record.column}})
  }
  const idOf = (_: DatasetRecords, record: Provenance) => String(fieldsOf(record)['id'])
  const ids = new Map(datasets.map((dataset) => [dataset.name, new Set(dataset.records.map((record) => idOf(dataset, record)))]))
  for (const dataset of datasets) {
    const validate = validator(dataset.name)
    const keys = [{field: 'document', resource: 'documents'}, ...dataset.foreignKeys].map((key) => ({field: key.field, ids: ids.get(key.resource), resource: key.resource}))
    const resolves = (key: (typeof keys)[number], reference: unknown) => key.ids?.has(typeof reference === 'string' ? reference : String(reference)) ?? false
    // As many distinct ids as records: none is repeated, so no record's id need be looked up again.
    const seen = ids.get(dataset.name)!.size < dataset.records.length ? new Map<string, Provenance>() : undefined
    for (const record of dataset.records) {
      const fields = fieldsOf(record)
      if (!validate(record)) {
        for (const error of validate.errors ?? []) {
          complain(record, 'schema-record', `Unexpected ${dataset.name} record \`${idOf(dataset, record)}\`: ${describe(error)}`)
        }
      }
      if (seen) {
        const id = idOf(dataset, record)
        const first = seen.get(id)
        if (first) complain(record, 'duplicate-id', `Unexpected duplicate ${dataset.name} id \`${id}\`, first in ${first.document} at text line ${first.line}, column ${first.column}, expected unique ids`)
        else seen.set(id, record)
      }
      for (const key of keys) {
        const value = fields[key.field]
        if (value === null || value === undefined) continue
        for (const reference of Array.isArray(value) ? value : [value]) {
          if (resolves(key, reference)) continue
          complain(record, 'unresolved-reference', `Unexpected ${key.field} \`${String(reference)}\` in ${dataset.name} record \`${idOf(dataset, record)}\`, expected an id of ${key.resource}`)
        }
      }
    }
  }
}

/** Whether an ISO 8601 date, month or year (or an `a/b` interval of them) names days that exist. */
function isCalendarDate(value: string): boolean {
  return value.split('/').every((part) => {
    const [year, month, day] = part.split('-').map(Number)
    return day === undefined || new Date(Date.UTC(year!, month! - 1, day)).getUTCDate() === day
  })
}

/** A field with no value that a comma inside `{…}` made (see flowCommaReason), explained; undefined for any other error. */
function explainFlowComma(file: VFile, error: ErrorObject): string | undefined {
  if (error.keyword !== 'additionalProperties') return undefined
  const field = String(error.params['additionalProperty'])
  const parent = file.data.frontmatter?.document.getIn(pathOf(error).slice(0, -1), true)
  if (!isMap(parent) || !parent.flow) return undefined
  const index = parent.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === field)
  const pair = parent.items[index]
  const previous = parent.items[index - 1]
  if (!pair || (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null)) || !previous || !isScalar(previous.key) || !isScalar(previous.value)) return undefined
  return flowCommaReason(field, whereOf(error), {key: String(previous.key.value), value: String(previous.value.source ?? previous.value.value)})
}

function whereOf(error: ErrorObject): string {
  return error.instancePath === '' ? 'record' : `\`${error.instancePath.slice(1).replaceAll('/', '.')}\``
}

/** "Unexpected …, expected …" from an ajv error. */
function describe(error: ErrorObject): string {
  const where = whereOf(error)
  switch (error.keyword) {
    case 'type':
      return `Unexpected value of ${where}, expected ${String(error.params['type']).split(',').map((type) => (type === 'null' ? '`null`' : `a ${type === 'array' ? 'list' : type === 'object' ? 'mapping' : type}`)).join(' or ')}`
    case 'required':
      return `Unexpected missing field \`${String(error.params['missingProperty'])}\` in ${where}, expected it to be present`
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `Unexpected field \`${String(error.params['additionalProperty'] ?? error.params['unevaluatedProperty'])}\` in ${where}, expected only the fields the schema lists`
    case 'enum':
      return `Unexpected value of ${where}, expected one of ${(error.params['allowedValues'] as unknown[]).map((value) => `\`${String(value)}\``).join(', ')}`
    default:
      return `Unexpected value of ${where}: it ${error.message ?? 'is invalid'}`
  }
}

/** The frontmatter path of an ajv error, as keys and indices. */
function pathOf(error: ErrorObject): Array<string | number> {
  const parts = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part.replaceAll('~1', '/').replaceAll('~0', '~')))
  if (error.keyword === 'additionalProperties') parts.push(String(error.params['additionalProperty']))
  return parts
}
