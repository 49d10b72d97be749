/**
 * A record's history across releases, read from every release's
 * changes.json: the releases in which it was added, changed (which fields)
 * or removed (why). A record whose last change is its removal keeps a page,
 * a tombstone, pointing at the last release that had it. Pure functions of
 * the releases given, so tests can pass fixture releases.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {FieldChange, Release} from './releases.ts'

export interface HistoryEvent {
  version: string
  date: string
  change: 'added' | 'removed' | 'changed'
  fields?: FieldChange[]
  reason?: string
  /** The release before this one: for a removal, the last release that had the record. */
  previous: string | null
}

export type History = Map<string, HistoryEvent[]>

const keyOf = (dataset: string, id: string) => `${dataset}\u0000${id}`

/** Every record's events, oldest first, indexed by dataset and id. */
export function historyIndex(releases: readonly Release[]): History {
  const index: History = new Map()
  for (const release of releases) {
    for (const {dataset, id, change, fields, reason} of release.changes.records) {
      const event: HistoryEvent = {version: release.version, date: release.date, change, previous: release.changes.from ?? release.record.previous}
      if (fields) event.fields = fields
      if (reason) event.reason = reason
      const key = keyOf(dataset, id)
      index.set(key, [...(index.get(key) ?? []), event])
    }
  }
  return index
}

/** The events of one record, oldest first (none when it is in no release). */
export function historyOf(index: History, dataset: string, id: string): HistoryEvent[] {
  return index.get(keyOf(dataset, id)) ?? []
}

export interface Removed {
  dataset: string
  id: string
  /** The release that removed it. */
  removal: HistoryEvent
  /** The last release that had it, and the record as that release published it (null if that file lacks it). */
  last: {version: string; date: string}
  record: Record<string, unknown> | null
}

/**
 * The records of `dataset` whose last change is their removal and that are
 * not in the data shown (`present`): each gets a tombstone page.
 */
export function removedRecords(releases: readonly Release[], index: History, dataset: string, present: ReadonlySet<string>): Removed[] {
  const removed: Removed[] = []
  const published = new Map<string, Array<Record<string, unknown>>>()
  for (const [key, events] of index) {
    const [name, id] = key.split('\u0000') as [string, string]
    const removal = events.at(-1)!
    if (name !== dataset || removal.change !== 'removed' || present.has(id) || removal.previous === null) continue
    const last = releases.find((release) => release.version === removal.previous)
    if (!last) throw new Error(`Missing release ${removal.previous}, the last to have ${dataset} ${id}`)
    if (!published.has(last.version)) published.set(last.version, JSON.parse(readFileSync(path.join(last.folder, `${dataset}.json`), 'utf8')))
    const record = published.get(last.version)!.find((candidate) => candidate['id'] === id) ?? null
    removed.push({dataset, id, removal, last: {version: last.version, date: last.date}, record})
  }
  return removed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export interface DatasetEvent {
  version: string
  date: string
  added: number
  removed: number
  changed: number
}

/** The releases that changed a dataset's records, oldest first, with how many of each kind. */
export function datasetHistory(releases: readonly Release[], dataset: string): DatasetEvent[] {
  return releases.flatMap((release) => {
    const event = {version: release.version, date: release.date, added: 0, removed: 0, changed: 0}
    for (const record of release.changes.records) if (record.dataset === dataset) event[record.change]++
    return event.added + event.removed + event.changed > 0 ? [event] : []
  })
}
