/**
 * A release as the record-level changelog compares it: each dataset's
 * columns with their types (from datapackage.json's Table Schemas) and its
 * records by id (from the dataset's JSON file). Read the same way from a
 * frozen release folder and from a build that has not been written yet.
 */

export interface Column {
  name: string
  /** Table Schema type; a list says what it holds, as `list<string>`. */
  type: string
}

export interface DatasetSnapshot {
  name: string
  columns: Column[]
  /** Records by their primary key, in file order. */
  records: Map<string, Record<string, unknown>>
}

/** The datasets of a release, in its order. */
export type Snapshot = Map<string, DatasetSnapshot>

interface Table {
  name: string
  type?: string
  path: string
  schema: {fields: Array<{name: string; type: string; itemType?: string}>; primaryKey: string[]}
}

/** The snapshot of the release whose files `read` gives, by name (`datapackage.json`, `<dataset>.json`). */
export function snapshotOf(read: (file: string) => string): Snapshot {
  const datapackage = JSON.parse(read('datapackage.json')) as {resources: Table[]}
  const snapshot: Snapshot = new Map()
  for (const table of datapackage.resources.filter((resource) => resource.type === 'table')) {
    const key = table.schema.primaryKey[0]!
    const rows = JSON.parse(read(table.path.replace(/\.csv$/, '.json'))) as Array<Record<string, unknown>>
    snapshot.set(table.name, {
      name: table.name,
      columns: table.schema.fields.map((field) => ({name: field.name, type: field.itemType ? `${field.type}<${field.itemType}>` : field.type})),
      records: new Map(rows.map((row) => [String(row[key]), row]))
    })
  }
  return snapshot
}
