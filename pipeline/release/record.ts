/**
 * What a release says of itself: release.json (version, date, notes, the
 * version before, why this bump, record counts) and its record-level
 * changelog as data, changes.json and changes.csv.
 */
import {cell, csvChunks} from '../write/csv.ts'
import type {Changes} from './changes.ts'
import type {Bump} from './version.ts'

export interface ReleaseRecord {
  name: string
  version: string
  /** YYYY-MM-DD. */
  date: string
  /** The release before, null for the first. */
  previous: string | null
  bump: Bump
  /** Why each level of bump applies, e.g. `minor: ["3 records added to statistics"]`. */
  reasons: Record<Bump, string[]>
  notes: string
  /** Records per dataset, in the registry's order. */
  counts: Record<string, number>
  /** Records added, removed and changed since the release before. */
  changes: {added: number; removed: number; changed: number}
  /** The zip of every file but itself and SHA256SUMS. */
  zip: string
}

/** The release files that the build does not make: everything else in a release is the build's output for its version. */
export const releaseOnly = ['release.json', 'changes.json', 'changes.csv', 'README.md', 'SHA256SUMS'] as const

export const changeColumns = ['dataset', 'id', 'change', 'field', 'old_value', 'new_value', 'reason'] as const

/** changes.json: the release's versions and every change. */
export function changesJson(from: string | null, to: string, changes: Changes): string {
  return JSON.stringify({from, to, ...changes}, null, 2) + '\n'
}

/** changes.csv: a row per added or removed record, and a row per changed field of a changed record. */
export function changesCsv(changes: Changes): string {
  const value = (field: unknown) => (field !== null && typeof field === 'object' && !Array.isArray(field) ? JSON.stringify(field) : cell(field))
  const rows = changes.records.flatMap((record) =>
    record.fields
      ? record.fields.map((field) => ({dataset: record.dataset, id: record.id, change: record.change, field: field.field, old_value: value(field.old), new_value: value(field.new), reason: ''}))
      : [{dataset: record.dataset, id: record.id, change: record.change, field: '', old_value: '', new_value: '', reason: record.reason ?? ''}]
  )
  return [...csvChunks(rows, changeColumns)].join('')
}
