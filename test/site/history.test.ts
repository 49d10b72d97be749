/**
 * Record history and tombstones from fixture releases (no browser): two
 * release folders, the second removing one record, changing another and
 * adding a third, and a third release putting a removed record back.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {datasetHistory, historyIndex, historyOf, removedRecords} from '../../site/src/lib/history.ts'
import {countChanges, releasesIn, summaryOf, type Release} from '../../site/src/lib/releases.ts'

let folder: string
let releases: Release[]

/** A release folder with what the site reads: release.json, changes.json, SHA256SUMS and terms.json. */
function writeRelease(version: string, previous: string | null, date: string, terms: Array<{id: string; name: string}>, records: unknown[]): void {
  const at = path.join(folder, version)
  mkdirSync(at, {recursive: true})
  const count = (change: string) => records.filter((record) => (record as {change: string}).change === change).length
  const record = {name: 'fixture', version, date, previous, bump: previous ? 'major' : 'major', reasons: {major: [], minor: [], patch: []}, notes: `Release ${version}.`, counts: {terms: terms.length}, changes: {added: count('added'), removed: count('removed'), changed: count('changed')}, zip: `fixture-${version}.zip`}
  writeFileSync(path.join(at, 'release.json'), JSON.stringify(record))
  writeFileSync(path.join(at, 'changes.json'), JSON.stringify({from: previous, to: version, datasets: {added: [], removed: []}, columns: [], records}))
  writeFileSync(path.join(at, 'terms.json'), JSON.stringify(terms))
  writeFileSync(path.join(at, 'SHA256SUMS'), `${'a'.repeat(64)}  release.json\n${'b'.repeat(64)}  terms.json\n`)
}

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'icb-history-'))
  writeRelease('1.0.0', null, '2026-01-10', [{id: 'place', name: 'Place'}, {id: 'ccg', name: 'Clinical commissioning group'}, {id: 'pcn', name: 'Primary care network'}], [
    {dataset: 'terms', id: 'ccg', change: 'added'},
    {dataset: 'terms', id: 'pcn', change: 'added'},
    {dataset: 'terms', id: 'place', change: 'added'}
  ])
  writeRelease('2.0.0', '1.0.0', '2026-03-01', [{id: 'place', name: 'Place (system)'}, {id: 'ics', name: 'Integrated care system'}], [
    {dataset: 'terms', id: 'ccg', change: 'removed', reason: 'Its source document, glossary, was removed from the sources.'},
    {dataset: 'terms', id: 'ics', change: 'added'},
    {dataset: 'terms', id: 'pcn', change: 'removed', reason: 'It is no longer extracted from the sources.'},
    {dataset: 'terms', id: 'place', change: 'changed', fields: [{field: 'name', old: 'Place', new: 'Place (system)'}]}
  ])
  writeRelease('10.0.0', '2.0.0', '2026-05-01', [{id: 'place', name: 'Place (system)'}, {id: 'ics', name: 'Integrated care system'}, {id: 'pcn', name: 'Primary care network'}], [{dataset: 'terms', id: 'pcn', change: 'added'}])
  // Not releases: a staging folder and a stray file.
  mkdirSync(path.join(folder, '.staging-3.0.0'))
  writeFileSync(path.join(folder, 'notes.txt'), 'not a release')
  releases = releasesIn(folder)
})
afterAll(() => rmSync(folder, {recursive: true, force: true}))

describe('releases in a folder', () => {
  it('are the version folders, oldest first by semantic version, each with its record, changes and checksums', () => {
    expect(releases.map((release) => release.version)).toEqual(['1.0.0', '2.0.0', '10.0.0'])
    expect(releases[1]!.date).toBe('2026-03-01')
    expect(releases[1]!.files.map((file) => [file.file, file.sha256])).toEqual([['SHA256SUMS', null], ['changes.json', null], ['release.json', 'a'.repeat(64)], ['terms.json', 'b'.repeat(64)]])
    expect(summaryOf(releases[1]!)).toBe('major: 1 added, 2 removed, 1 changed')
    expect([...countChanges(releases[1]!.changes)]).toEqual([['terms', {added: 1, removed: 2, changed: 1}]])
  })

  it('are none when the folder does not exist', () => {
    expect(releasesIn(path.join(folder, 'missing'))).toEqual([])
  })
})

describe('a record’s history', () => {
  it('lists the releases that added, changed (with the fields) and removed it, oldest first', () => {
    const index = historyIndex(releases)
    expect(historyOf(index, 'terms', 'place').map((event) => [event.version, event.change, event.fields?.map((field) => field.field)])).toEqual([['1.0.0', 'added', undefined], ['2.0.0', 'changed', ['name']]])
    expect(historyOf(index, 'terms', 'ccg')).toEqual([
      {version: '1.0.0', date: '2026-01-10', change: 'added', previous: null},
      {version: '2.0.0', date: '2026-03-01', change: 'removed', reason: 'Its source document, glossary, was removed from the sources.', previous: '1.0.0'}
    ])
    expect(historyOf(index, 'terms', 'pcn').map((event) => event.change)).toEqual(['added', 'removed', 'added'])
    expect(historyOf(index, 'terms', 'never')).toEqual([])
    expect(historyOf(index, 'statistics', 'place')).toEqual([])
  })

  it('of a dataset counts each release’s changes to it', () => {
    expect(datasetHistory(releases, 'terms')).toEqual([
      {version: '1.0.0', date: '2026-01-10', added: 3, removed: 0, changed: 0},
      {version: '2.0.0', date: '2026-03-01', added: 1, removed: 2, changed: 1},
      {version: '10.0.0', date: '2026-05-01', added: 1, removed: 0, changed: 0}
    ])
    expect(datasetHistory(releases, 'statistics')).toEqual([])
  })
})

describe('tombstones', () => {
  it('are the records whose last change is their removal and that the data shown lacks, with the last release that had them', () => {
    const index = historyIndex(releases)
    const present = new Set(['place', 'ics', 'pcn'])
    const removed = removedRecords(releases, index, 'terms', present)
    expect(removed.map((record) => [record.id, record.removal.version, record.removal.reason, record.last.version, record.last.date, record.record?.['name']])).toEqual([
      ['ccg', '2.0.0', 'Its source document, glossary, was removed from the sources.', '1.0.0', '2026-01-10', 'Clinical commissioning group']
    ])
    // pcn came back in 10.0.0: no tombstone. Shown as of 2.0.0, it has one.
    const asOf2 = removedRecords(releases.slice(0, 2), historyIndex(releases.slice(0, 2)), 'terms', new Set(['place', 'ics']))
    expect(asOf2.map((record) => record.id)).toEqual(['ccg', 'pcn'])
    expect(removedRecords(releases, index, 'statistics', new Set())).toEqual([])
  })

  it('are none before any release', () => {
    expect(removedRecords([], historyIndex([]), 'terms', new Set())).toEqual([])
  })
})
