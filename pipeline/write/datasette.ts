/**
 * The SQLite database's metadata for Datasette (`datasette <db> --metadata
 * <this file>`): the publication's title, description, licence and source,
 * and each table's title, description, column meanings, search index and
 * label column; the `_columns` table is hidden, as it repeats the same.
 */
import type {Publication} from '../publication.ts'
import {searchColumns, type ForeignKey} from './sqlite.ts'
import type {Table} from './table.ts'

export function datasetteMetadata(publication: Publication, database: string, tables: readonly Table[], foreignKeys: readonly ForeignKey[]): string {
  const data = publication.licences.data
  const metadata = {
    title: publication.title,
    description: `${publication.description} Version ${publication.version}.`,
    license: data.title,
    license_url: data.url,
    source: 'Public documents about integrated care systems, listed in the documents table',
    ...(publication.base_url ? {source_url: publication.base_url} : {}),
    databases: {
      [database]: {
        tables: {
          ...Object.fromEntries(tables.map((table) => [table.name, {
            title: table.title,
            description: table.description,
            columns: Object.fromEntries(table.columns.map((column) => [column.name, column.description])),
            ...(searchColumns(table, foreignKeys).length > 0 ? {fts_table: `${table.name}_fts`, fts_pk: 'rowid'} : {}),
            ...(table.columns.some((column) => column.name === 'name') ? {label_column: 'name'} : table.columns.some((column) => column.name === 'title') ? {label_column: 'title'} : {})
          }])),
          _columns: {hidden: true, description: 'The meaning and type of every column of every table.'}
        }
      }
    }
  }
  return JSON.stringify(metadata, null, 2) + '\n'
}
