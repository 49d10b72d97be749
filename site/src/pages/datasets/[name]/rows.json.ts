/**
 * /datasets/<name>/rows.json: every row of a dataset as its table shows it
 * (whole text, links, numbers to sort by), fetched by table.ts only when a
 * reader filters or sorts, so the table's pages stay small.
 */
import type {APIRoute} from 'astro'
import {datasets} from '../../../lib/data.ts'
import {tableOf} from '../../../lib/tables.ts'

export function getStaticPaths() {
  return datasets.map((dataset) => ({params: {name: dataset.name}}))
}

export const GET: APIRoute = ({params}) => {
  const table = tableOf(String(params['name']))
  // Short keys: the file is read by table.ts alone (t text, h link, s number to sort by).
  const rows = table.rows.map((row) => ({id: row.id, cells: row.cells.map((cell) => ({t: cell.text, ...(cell.href ? {h: cell.href} : {}), ...(cell.sort === undefined ? {} : {s: cell.sort})}))}))
  return new Response(JSON.stringify({columns: table.columns, rows}), {headers: {'content-type': 'application/json'}})
}
