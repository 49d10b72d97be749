/**
 * Semantic versioning from the record-level change: major when a dataset, a
 * column or a record id disappears or a column changes type (a reader's code
 * or citation may break); minor when datasets, columns or records are added;
 * patch when only values change. No change, no release.
 */
import {countChanges, type Changes} from './changes.ts'

export const bumps = ['patch', 'minor', 'major'] as const
export type Bump = (typeof bumps)[number]

export interface Decision {
  /** The computed bump; null when nothing changed. */
  bump: Bump | null
  /** Why, per level, e.g. `3 records added to statistics`. */
  reasons: Record<Bump, string[]>
}

/** Published files added, removed, or changed though no record did (a schema's description, a text), since the release before. */
export interface FileChanges {
  added: string[]
  removed: string[]
  changed: string[]
}

/** The bump that `changes` and `files` call for: a file that goes breaks its URL (major), a new one is an addition (minor). */
export function decide(changes: Changes, files: FileChanges = {added: [], removed: [], changed: []}): Decision {
  const reasons: Record<Bump, string[]> = {major: [], minor: [], patch: []}
  for (const name of changes.datasets.removed) reasons.major.push(`dataset ${name} removed`)
  for (const name of changes.datasets.added) reasons.minor.push(`dataset ${name} added`)
  for (const column of changes.columns) {
    const where = `${column.dataset}.${column.column}`
    if (column.change === 'removed') reasons.major.push(`column ${where} removed`)
    if (column.change === 'retyped') reasons.major.push(`column ${where} changed type from ${column.old_type} to ${column.new_type}`)
    if (column.change === 'added') reasons.minor.push(`column ${where} added`)
  }
  for (const [dataset, count] of countChanges(changes)) {
    if (count.removed) reasons.major.push(`${plural(count.removed, 'record')} removed from ${dataset}`)
    if (count.added) reasons.minor.push(`${plural(count.added, 'record')} added to ${dataset}`)
    if (count.changed) reasons.patch.push(`${plural(count.changed, 'record')} changed in ${dataset}`)
  }
  if (files.removed.length > 0) reasons.major.push(`${plural(files.removed.length, 'file')} removed (${files.removed.join(', ')})`)
  if (files.added.length > 0) reasons.minor.push(`${plural(files.added.length, 'file')} added (${files.added.join(', ')})`)
  if (files.changed.length > 0) reasons.patch.push(`${plural(files.changed.length, 'file')} changed with no record changed (${files.changed.join(', ')})`)
  const bump = [...bumps].reverse().find((level) => reasons[level].length > 0) ?? null
  return {bump, reasons}
}

/** The version after `previous` (null before the first release, which is 1.0.0). */
export function nextVersion(previous: string | null, bump: Bump): string {
  if (previous === null) return '1.0.0'
  const [major, minor, patch] = parseVersion(previous)
  if (bump === 'major') return `${major + 1}.0.0`
  if (bump === 'minor') return `${major}.${minor + 1}.0`
  return `${major}.${minor}.${patch + 1}`
}

/** The higher of two bumps: an editor may raise the computed bump, never lower it. */
export function raise(computed: Bump, asked: Bump | undefined): Bump {
  return asked !== undefined && bumps.indexOf(asked) > bumps.indexOf(computed) ? asked : computed
}

export const versionPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

export function parseVersion(version: string): [number, number, number] {
  const match = versionPattern.exec(version)
  if (!match) throw new Error(`Unexpected version \`${version}\`, expected MAJOR.MINOR.PATCH`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/** Order of versions, oldest first. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)]
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
