/**
 * The site's view of every release's changes: each record's history, the
 * records removed from the data shown (their tombstone pages), and where a
 * changelog row links to.
 */
import {rowsOf} from './data.ts'
import {historyIndex, historyOf, removedRecords, type HistoryEvent, type Removed} from './history.ts'
import {releases} from './shown.ts'
import {pageOf, recordUrl} from './urls.ts'

export type {HistoryEvent, Removed}

export const history = historyIndex(releases)

/** A record's events across releases, oldest first. */
export const eventsOf = (dataset: string, id: string): HistoryEvent[] => historyOf(history, dataset, id)

/** Records of `dataset` removed in some release and absent from the data shown. */
export function removedFrom(dataset: string): Removed[] {
  return removedRecords(releases, history, dataset, new Set(rowsOf(dataset).map((row) => String(row['id']))))
}

// Datasets whose records have pages of their own, so a removed one has a tombstone page.
const ownPages = new Set(['documents', 'terms', 'organisations', 'statistics'])

/** Where a changelog names a record: its page, its row, or its tombstone; null when no page shows it now. */
export function linkOf(dataset: string, id: string): string | null {
  const record = rowsOf(dataset).find((row) => String(row['id']) === id)
  if (record) return recordUrl(dataset, record)
  return ownPages.has(dataset) && eventsOf(dataset, id).at(-1)?.change === 'removed' ? pageOf(dataset, id) : null
}
