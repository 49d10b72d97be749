/** A dataset as table rows: every column, links where a value names another record or a source line. */
import type {Cell} from '../components/DataTable.astro'
import {datasetOf, resourceOf, rowsOf} from './data.ts'
import {formatValue} from './format.ts'
import {pageOf, recordUrl, urls} from './urls.ts'

export function tableOf(name: string) {
  const resource = resourceOf(name)
  // Columns that hold the id of one record elsewhere, and its dataset: every record's document, and the registry's foreign keys.
  const references = new Map([['document', 'documents'], ...datasetOf(name).foreignKeys.filter((key) => !key.list).map((key) => [key.field, key.resource] as [string, string])])
  const columns = resource.schema.fields.map((field) => ({name: field.name, numeric: field.type === 'number' || field.type === 'integer'}))
  const rows = rowsOf(name).map((record) => {
    const cells: Cell[] = columns.map(({name: column}) => {
      const value = record[column]
      const text = formatValue(value)
      if (text === '') return {text}
      if (column === 'id') return {text, href: recordUrl(name, record)}
      if (column === 'line') return {text, href: urls.source(String(record['document']), Number(value))}
      const reference = references.get(column)
      return reference && typeof value === 'string' ? {text, href: pageOf(reference, value)} : {text}
    })
    return {id: String(record['id']), cells, values: columns.map(({name: column}) => record[column])}
  })
  return {columns, rows}
}
