/**
 * A release's record-level changelog as the site shows it, bounded at any
 * size: a dataset with few change rows is shown on the release's page; one
 * with more has pages of its own (`/releases/<v>/changes/<dataset>/`, then
 * `pages/<n>/`), as the dataset tables are paged. The whole changelog is
 * always one click away as changes.csv and changes.json.
 */
import type {ChangesFile, FieldChange, RecordChange} from './releases.ts'
import {pageHolding, pageUrl} from './paging.ts'

/** Most change rows of a dataset shown on the release's page itself (eight datasets at most make 200 rows). */
export const inlineRows = 25
/** Longest value a changelog cell shows, in characters; changes.csv and changes.json have it whole. */
export const valueRoom = 160

/** One row of the changelog, as changes.csv has them: an added or removed record, or one changed field. */
export interface ChangeRow {
  change: RecordChange
  field: FieldChange | undefined
  /** The record's first row, which carries its anchor. */
  first: boolean
}

// Each release's rows by dataset, made once: every page of a dataset's changes and every record's history link reads them.
const rowsByChanges = new WeakMap<object, Map<string, ChangeRow[]>>()

/** The rows of `dataset`'s changes, in changes.json's order. */
export function changeRows(changes: Pick<ChangesFile, 'records'>, dataset: string): ChangeRow[] {
  let byDataset = rowsByChanges.get(changes)
  if (!byDataset) rowsByChanges.set(changes, (byDataset = new Map()))
  let rows = byDataset.get(dataset)
  if (!rows) {
    rows = changes.records
      .filter((change) => change.dataset === dataset)
      .flatMap((change) => (change.fields ?? [undefined]).map((field, index) => ({change, field, first: index === 0})))
    byDataset.set(dataset, rows)
  }
  return rows
}

/** True when a dataset's changes have pages of their own rather than a table on the release's page. */
export const pagedChanges = (rows: number) => rows > inlineRows

/** The datasets of a release whose changes have pages of their own, with their number of rows. */
export function pagedDatasets(changes: Pick<ChangesFile, 'records'>): Array<{dataset: string; rows: number}> {
  const datasets = [...new Set(changes.records.map((change) => change.dataset))]
  return datasets.map((dataset) => ({dataset, rows: changeRows(changes, dataset).length})).filter(({rows}) => pagedChanges(rows))
}

/** The address of the first page of `dataset`'s changes in `version`. */
export const changesUrl = (version: string, dataset: string) => `/releases/${version}/changes/${dataset}/`

/** The anchor of a record's first row in its release's changelog. */
export const changeAnchor = (dataset: string, id: string) => `change-${dataset}-${id}`

/** A value's text as a changelog cell shows it: long text cut at a word. */
export function shownValue(text: string): string {
  if (text.length <= valueRoom) return text
  const cut = text.slice(0, valueRoom)
  const space = cut.lastIndexOf(' ')
  return `${cut.slice(0, space > valueRoom / 2 ? space : valueRoom - 1).replace(/[\s,;:.]+$/, '')}…`
}

// Per list of rows: the index of each record's first row.
const firstRows = new WeakMap<ChangeRow[], Map<string, number>>()

function firstRowOf(rows: ChangeRow[], id: string): number {
  let first = firstRows.get(rows)
  if (!first) {
    first = new Map()
    for (const [index, row] of rows.entries()) if (row.first && !first.has(row.change.id)) first.set(row.change.id, index)
    firstRows.set(rows, first)
  }
  return first.get(id) ?? 0
}

/** Where a record's change in `version` is shown: the release's page or the page of its dataset's changes that holds it, at its anchor. */
export function changeUrl(version: string, changes: Pick<ChangesFile, 'records'>, dataset: string, id: string): string {
  const rows = changeRows(changes, dataset)
  const anchor = `#${changeAnchor(dataset, id)}`
  if (!pagedChanges(rows.length)) return `/releases/${version}/${anchor}`
  return `${pageUrl(changesUrl(version, dataset), pageHolding(firstRowOf(rows, id)))}${anchor}`
}

/** Where a dataset's changes in `version` start: its section of the release's page, or its own pages. */
export function datasetChangesUrl(version: string, changes: Pick<ChangesFile, 'records'>, dataset: string): string {
  return pagedChanges(changeRows(changes, dataset).length) ? changesUrl(version, dataset) : `/releases/${version}/#changes-${dataset}`
}
