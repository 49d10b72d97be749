/**
 * The change from one release to the next, record by record and by id:
 * datasets and columns added, removed or retyped; records added, removed (with
 * why, where the sources say) and changed, with each changed field's old and
 * new value.
 */
import type {Snapshot} from './snapshot.ts'

export interface FieldChange {
  field: string
  old: unknown
  new: unknown
}

export interface RecordChange {
  dataset: string
  id: string
  change: 'added' | 'removed' | 'changed'
  /** For a changed record: each field whose value differs, in column order. */
  fields?: FieldChange[]
  /** For a removed record: why it went. */
  reason?: string
}

export interface ColumnChange {
  dataset: string
  column: string
  change: 'added' | 'removed' | 'retyped'
  old_type: string | null
  new_type: string | null
}

export interface Changes {
  datasets: {added: string[]; removed: string[]}
  columns: ColumnChange[]
  records: RecordChange[]
}

/** Everything that differs from `previous` (null before the first release) to `next`. */
export function changesBetween(previous: Snapshot | null, next: Snapshot): Changes {
  const before: Snapshot = previous ?? new Map()
  const changes: Changes = {datasets: {added: [], removed: []}, columns: [], records: []}
  const documentsNow = next.get('documents')?.records
  for (const name of new Set([...next.keys(), ...before.keys()])) {
    const old = before.get(name)
    const now = next.get(name)
    if (!old) changes.datasets.added.push(name)
    if (!now) changes.datasets.removed.push(name)
    if (old && now) {
      const oldTypes = new Map(old.columns.map((column) => [column.name, column.type]))
      const newTypes = new Map(now.columns.map((column) => [column.name, column.type]))
      for (const column of new Set([...newTypes.keys(), ...oldTypes.keys()])) {
        const [was, is] = [oldTypes.get(column) ?? null, newTypes.get(column) ?? null]
        const change = was === null ? 'added' : is === null ? 'removed' : was !== is ? 'retyped' : undefined
        if (change) changes.columns.push({dataset: name, column, change, old_type: was, new_type: is})
      }
    }
    const columns = [...new Set([...(now?.columns ?? []), ...(old?.columns ?? [])].map((column) => column.name))]
    const ids = [...new Set([...(now?.records.keys() ?? []), ...(old?.records.keys() ?? [])])].sort()
    for (const id of ids) {
      const [was, is] = [old?.records.get(id), now?.records.get(id)]
      if (!was) changes.records.push({dataset: name, id, change: 'added'})
      else if (!is) changes.records.push({dataset: name, id, change: 'removed', reason: whyRemoved(name, was, now === undefined, documentsNow)})
      else {
        const fields = columns.filter((field) => !same(was[field], is[field])).map((field) => ({field, old: was[field] ?? null, new: is[field] ?? null}))
        if (fields.length > 0) changes.records.push({dataset: name, id, change: 'changed', fields})
      }
    }
  }
  return changes
}

/** Why a record went, as far as the sources tell. */
function whyRemoved(dataset: string, record: Record<string, unknown>, datasetGone: boolean, documents: ReadonlyMap<string, unknown> | undefined): string {
  if (datasetGone) return `The dataset ${dataset} is no longer published.`
  if (dataset === 'documents') return `The document was removed from the sources (sources/documents/${String(record['id'])}.md).`
  const document = typeof record['document'] === 'string' ? record['document'] : undefined
  if (document && !documents?.has(document)) return `Its source document, ${document}, was removed from the sources.`
  if (document) return `It is no longer extracted from its source document, ${document}: its judgement was removed or now gives another id.`
  return 'It is no longer extracted from the sources.'
}

/** Two JSON values are the same when they serialise alike (records come from JSON, so key order is the writer's). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** How many records of each kind of change, per dataset. */
export function countChanges(changes: Changes): Map<string, Record<RecordChange['change'], number>> {
  const counts = new Map<string, Record<RecordChange['change'], number>>()
  for (const record of changes.records) {
    const count = counts.get(record.dataset) ?? {added: 0, removed: 0, changed: 0}
    count[record.change]++
    counts.set(record.dataset, count)
  }
  return counts
}
