/**
 * A dataset as the typed formats (Parquet, the workbook, SQLite) write it:
 * its title and description, its columns with the Table Schema type and
 * meaning datapackage.json gives them, and its records as the JSON has them.
 */

export interface Column {
  name: string
  /** Table Schema type (datapackage.json): a list holds `itemType` values. */
  type: 'string' | 'integer' | 'number' | 'boolean' | 'list'
  itemType?: 'string' | 'integer' | 'number'
  description: string
  /** True when every record has a value (the column is never null). */
  required: boolean
}

export interface Table {
  /** The dataset's name: file, sheet and table names. */
  name: string
  title: string
  description: string
  columns: Column[]
  /** Records in the dataset's order; a missing value is null, a list is an array. */
  records: ReadonlyArray<Record<string, unknown>>
}
