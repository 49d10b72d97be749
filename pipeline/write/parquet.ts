/**
 * Parquet: the dataset with its types, so an analyst opens it in one step
 * (pandas.read_parquet, DuckDB's read_parquet, R's arrow::read_parquet) and
 * gets integers, numbers, booleans, text and lists without parsing a CSV or
 * guessing its types. The values are the JSON's and the CSV's; the bytes are
 * the same on every build (nothing here reads the clock).
 *
 * - integer → INT64 always, never INT32 by range, so no column changes type
 *   between releases; number → DOUBLE (-0 written as 0, as the JSON and CSV
 *   write it); boolean → BOOLEAN; string → BYTE_ARRAY, UTF8 / STRING.
 * - list → the spec's 3-level LIST (`<column> (LIST) { repeated group list
 *   { required <item> element } }`, Arrow's and DuckDB's names; items are
 *   never null in the JSON Schema); an empty list stays an empty list, as in
 *   the JSON, never null.
 * - A `required` column is REQUIRED, others OPTIONAL. A null in a required
 *   column, or a value not of its column's type, is an error naming the
 *   record and column (the writer's own says only "expected bigint value").
 * - SNAPPY, the writer's own pure-JS compressor: the default of pyarrow and
 *   DuckDB, read by every Parquet reader, with no native dependency.
 * - Key/value metadata: `title` and `description` of the dataset and
 *   `column_descriptions`, a JSON object of each column's description by name
 *   (Parquet's schema has no place for them). `created_by` names the writer.
 */
import {parquetWriteBuffer, type SchemaElement} from 'hyparquet-writer'
import type {Column, Table} from './table.ts'

/** The writer that made the file (Parquet's `created_by`): its bytes change with it, so it says which. */
export const createdBy = 'hyparquet-writer version 0.17.0'

type Scalar = Exclude<Column['type'], 'list'>

/** Each scalar type's Parquet leaf and its value as the writer takes it (undefined: not a value of that type). */
const scalars: Record<Scalar, {leaf: Omit<SchemaElement, 'name'>, value: (value: unknown) => unknown}> = {
  string: {
    leaf: {type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: {type: 'STRING'}},
    value: (value) => (typeof value === 'string' ? value : undefined)
  },
  // INT64 takes bigints; an integer too large for it is the writer's RangeError.
  integer: {leaf: {type: 'INT64'}, value: (value) => (Number.isInteger(value) ? BigInt(value as number) : undefined)},
  // `+ 0` turns -0 into 0; NaN and Infinity have no JSON form, so they are not values.
  number: {leaf: {type: 'DOUBLE'}, value: (value) => (typeof value === 'number' && Number.isFinite(value) ? value + 0 : undefined)},
  boolean: {leaf: {type: 'BOOLEAN'}, value: (value) => (typeof value === 'boolean' ? value : undefined)}
}

const itemTypeOf = (column: Column): Scalar => column.itemType ?? 'string'

/** The column's schema elements, depth first: one leaf, or a list's group, its repeated group and its element. */
function schemaOf(column: Column): SchemaElement[] {
  const repetition_type = column.required ? 'REQUIRED' : 'OPTIONAL'
  if (column.type !== 'list') return [{name: column.name, repetition_type, ...scalars[column.type].leaf}]
  return [
    {name: column.name, repetition_type, num_children: 1, converted_type: 'LIST', logical_type: {type: 'LIST'}},
    {name: 'list', repetition_type: 'REPEATED', num_children: 1},
    {name: 'element', repetition_type: 'REQUIRED', ...scalars[itemTypeOf(column)].leaf}
  ]
}

/** A record's value as the writer takes it; anything not of the column's type is an error that names it. */
function valueOf(table: Table, column: Column, index: number): unknown {
  const value = table.records[index]![column.name] ?? null
  const where = `${table.name} record ${index} ${column.name}`
  if (value === null) {
    if (column.required) throw new Error(`${where} is null, but the column is required`)
    return null
  }
  const convert = (type: Scalar, item: unknown) => {
    const converted = scalars[type].value(item)
    if (converted === undefined) throw new Error(`${where}: ${JSON.stringify(item)} is not of type ${type}`)
    return converted
  }
  if (column.type !== 'list') return convert(column.type, value)
  if (!Array.isArray(value)) throw new Error(`${where}: ${JSON.stringify(value)} is not of type list`)
  return value.map((item) => convert(itemTypeOf(column), item))
}

/** The dataset as a Parquet file: typed columns, the same values as its JSON and CSV, the same bytes on every build. */
export function toParquet(table: Table): Uint8Array {
  const columnData = table.columns.map((column) => ({
    name: column.name,
    data: table.records.map((_, index) => valueOf(table, column, index))
  }))
  const descriptions = Object.fromEntries(table.columns.map((column) => [column.name, column.description]))
  const buffer = parquetWriteBuffer({
    columnData,
    schema: [{name: 'root', num_children: table.columns.length}, ...table.columns.flatMap(schemaOf)],
    codec: 'SNAPPY',
    kvMetadata: [
      {key: 'title', value: table.title},
      {key: 'description', value: table.description},
      {key: 'column_descriptions', value: JSON.stringify(descriptions)}
    ],
    createdBy
  })
  return new Uint8Array(buffer)
}
