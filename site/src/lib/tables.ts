/** A dataset as table rows: every column, links where a value names another record or a source line. */
import type {Cell} from '../components/DataTable.astro'
import {resourceOf, rowsOf} from './data.ts'
import {formatValue} from './format.ts'
import {recordUrl, urls} from './urls.ts'

/** Columns that hold the id of a record elsewhere, and where it lives. */
const references: Record<string, (value: string) => string> = {
  term: urls.term,
  subject: urls.term,
  object: urls.term,
  organisation: urls.organisation,
  publisher_organisation: urls.organisation,
  document: (value) => urls.source(value)
}

export function tableOf(name: string) {
  const resource = resourceOf(name)
  const columns = resource.schema.fields.map((field) => ({name: field.name, numeric: field.type === 'number' || field.type === 'integer'}))
  const rows = rowsOf(name).map((record) => {
    const cells: Cell[] = columns.map(({name: column}) => {
      const value = record[column]
      const text = formatValue(value)
      if (text === '') return {text}
      if (column === 'id') return {text, href: recordUrl(name, record)}
      if (column === 'line') return {text, href: urls.source(String(record['document']), Number(value))}
      const reference = references[column]
      return reference && typeof value === 'string' ? {text, href: reference(value)} : {text}
    })
    return {id: String(record['id']), cells, values: columns.map(({name: column}) => record[column])}
  })
  return {columns, rows}
}
