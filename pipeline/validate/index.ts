/**
 * Validate: frontmatter against schema/source-document.schema.json, every
 * record against its dataset's schema, ids unique, every reference resolved.
 * Problems become messages on the file (and at the line) they came from.
 */
import type {ErrorObject} from 'ajv'
import type {VFile} from 'vfile'
import {report} from '../messages.ts'
import {frontmatterPlace} from '../parse/index.ts'
import type {Provenance} from '../types.ts'
import {validator} from './schemas.ts'

export interface ForeignKey {
  field: string
  resource: string
  /** The field is a list of ids (each must resolve); Table Schema cannot express it, so it stays out of datapackage.json. */
  list?: boolean
}

export interface DatasetRecords {
  name: string
  primaryKey: string
  foreignKeys: ForeignKey[]
  records: Provenance[]
  /** A digest of all the records were made from, when known (see ../cache/merge.ts): equal digests, equal records. */
  digest?: string
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
    return true
  }
  for (const error of validate.errors ?? []) {
    report(file, 'schema-frontmatter', describe(error), {place: frontmatterPlace(file, pathOf(error))})
  }
  return false
}

export interface ValidateOptions {
  /**
   * Records that passed their schema before, unchanged since (see ../cache/release.ts): all of a dataset's
   * (true), or those a function of their index picks. Only their ids and references are checked.
   */
  checked?: ((dataset: DatasetRecords) => boolean | ((index: number) => boolean)) | undefined
}

/** Check every dataset; messages go to the document a record came from. */
export function validateDatasets(datasets: readonly DatasetRecords[], files: readonly VFile[], options: ValidateOptions = {}): void {
  // A document's id is its file name (validateFrontmatter checks it).
  const fileOf = new Map(files.map((file) => [file.stem ?? '', file]))
  const fieldsOf = (record: Provenance) => record as unknown as Record<string, unknown>
  // A message goes to the record's document, at the record's evidence.
  const complain = (record: Provenance, ruleId: 'schema-record' | 'duplicate-id' | 'unresolved-reference', reason: string) =>
    report(fileOf.get(record.document) ?? files[0]!, ruleId, reason, {place: {line: record.line, column: record.column}})
  const idOf = (dataset: DatasetRecords, record: Provenance) => String(fieldsOf(record)[dataset.primaryKey])
  const ids = new Map(datasets.map((dataset) => [dataset.name, new Set(dataset.records.map((record) => idOf(dataset, record)))]))
  for (const dataset of datasets) {
    const checked = options.checked?.(dataset) ?? false
    const validate = checked === true ? undefined : validator(dataset.name)
    const passed = typeof checked === 'function' ? checked : () => false
    const keys = [{field: 'document', resource: 'documents'}, ...dataset.foreignKeys].map((key) => ({field: key.field, ids: ids.get(key.resource), resource: key.resource}))
    const resolves = (key: (typeof keys)[number], reference: unknown) => key.ids?.has(typeof reference === 'string' ? reference : String(reference)) ?? false
    // As many distinct ids as records: none is repeated, so no record's id need be looked up again.
    const seen = ids.get(dataset.name)!.size < dataset.records.length ? new Map<string, Provenance>() : undefined
    dataset.records.forEach((record, index) => {
      const fields = fieldsOf(record)
      if (validate && !passed(index) && !validate(record)) {
        for (const error of validate.errors ?? []) {
          complain(record, 'schema-record', `Unexpected ${dataset.name} record \`${idOf(dataset, record)}\`: ${describe(error)}`)
        }
      }
      if (seen) {
        const id = idOf(dataset, record)
        const first = seen.get(id)
        if (first) complain(record, 'duplicate-id', `Unexpected duplicate ${dataset.name} id \`${id}\`, first at ${first.document}:${first.line}:${first.column}, expected unique ids`)
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
    })
  }
}

/** "Unexpected …, expected …" from an ajv error. */
function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'record' : `\`${error.instancePath.slice(1).replaceAll('/', '.')}\``
  switch (error.keyword) {
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
