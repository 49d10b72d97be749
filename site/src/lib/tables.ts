/**
 * A dataset as table rows: every column, codes as their labels, links where a
 * value names another record or a source line; built once per dataset and
 * build. The same rows make the dataset's pages and its rows.json, the index
 * that table.ts filters and sorts on the reader's request.
 */
import {datasetOf, resourceOf, rowsOf} from './data.ts'
import {formatValue} from './format.ts'
import {labelOf} from './labels.ts'
import {pageOf, recordUrl, urls} from './urls.ts'

/** A cell: its whole text (the table shortens long text), the page it links to, its number for sorting. */
export interface Cell {
  text: string
  href?: string
  sort?: number
}

export interface Column {
  name: string
  numeric: boolean
}

export interface Row {
  id: string
  cells: Cell[]
}

export interface Table {
  columns: Column[]
  rows: Row[]
}

const built = new Map<string, Table>()

export function tableOf(name: string): Table {
  if (!built.has(name)) built.set(name, buildTable(name))
  return built.get(name)!
}

function buildTable(name: string): Table {
  const resource = resourceOf(name)
  // Columns that hold the id of one record elsewhere, and its dataset: every record's document, and the registry's foreign keys.
  const references = new Map([['document', 'documents'], ...datasetOf(name).foreignKeys.filter((key) => !key.list).map((key) => [key.field, key.resource] as [string, string])])
  const columns = resource.schema.fields.map((field) => ({name: field.name, numeric: field.type === 'number' || field.type === 'integer'}))
  const rows = rowsOf(name).map((record) => ({
    id: String(record['id']),
    cells: columns.map(({name: column}): Cell => {
      const value = record[column]
      const text = typeof value === 'string' ? (labelOf(column, value) ?? value) : formatValue(value)
      const sort = typeof value === 'number' ? {sort: value} : {}
      if (text === '') return {text}
      if (column === 'id') return {text, href: recordUrl(name, record)}
      if (column === 'line') return {text, href: urls.source(String(record['document']), Number(value)), ...sort}
      const reference = references.get(column)
      return reference && typeof value === 'string' ? {text, href: pageOf(reference, value)} : {text, ...sort}
    })
  }))
  return {columns, rows}
}
