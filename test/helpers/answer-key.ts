/**
 * Hand-written answer keys of the add-document fixtures (test/fixtures/add-document/<page>/key.yml), and
 * how review's findings score against one: per kind, how many of the key it found, and how many findings
 * the key does not hold (false findings). A key entry matches the first finding of its kind, in text order,
 * whose words contain its words (or the other way round) and whose reading agrees with it.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import type {Finding, Kind} from '../../pipeline/review/index.ts'
import {projectRoot} from './project.ts'

export interface Key {
  options: Record<string, string>
  figures: Array<{text: string; value?: number; low?: number; high?: number}>
  dates: string[]
  periods: Array<{text: string; from: string; to: string}>
  acronyms: Array<{abbreviation: string; expansion: string | null}>
  terms: string[]
  organisations: string[]
}

export interface Fixture {
  name: string
  /** The page's file, absolute. */
  page: string
  key: Key
  words: number
}

export interface Score {
  found: number
  expected: number
  false: number
  missed: string[]
  extra: string[]
}

export const fixturesFolder = path.join(projectRoot, 'test/fixtures/add-document')

export function readFixtures(): Fixture[] {
  return readdirSync(fixturesFolder, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const folder = path.join(fixturesFolder, entry.name)
      const page = readdirSync(folder).find((file) => file.startsWith('page.'))!
      const text = readFileSync(path.join(folder, page), 'utf8')
      return {name: entry.name, page: path.join(folder, page), key: parse(readFileSync(path.join(folder, 'key.yml'), 'utf8')) as Key, words: text.split(/\s+/u).filter(Boolean).length}
    })
}

type Entry = {kind: Kind; label: string; matches: (finding: Finding) => boolean}

const overlapping = (a: string, b: string) => a.includes(b) || b.includes(a)
const near = (a: number | null | undefined, b: number | null | undefined) => (a ?? null) === (b ?? null) || (a != null && b != null && Math.abs(a - b) < 1e-9)

/** The key as entries, each with the test a finding must pass to match it. */
function entries(key: Key): Entry[] {
  return [
    ...key.figures.map((figure): Entry => ({
      kind: 'figure',
      label: figure.text,
      matches: (finding) => finding.kind === 'figure' && overlapping(finding.text, figure.text) && near(finding.value, figure.value) && near(finding.low, figure.low) && near(finding.high, figure.high)
    })),
    ...key.dates.map((date): Entry => ({kind: 'date', label: date, matches: (finding) => finding.kind === 'date' && overlapping(finding.text, String(date))})),
    ...key.periods.map((period): Entry => ({
      kind: 'period',
      label: period.text,
      matches: (finding) => finding.kind === 'period' && overlapping(finding.text, period.text) && finding.from === String(period.from) && finding.to === String(period.to)
    })),
    ...key.acronyms.map((acronym): Entry => ({
      kind: 'acronym',
      label: `${acronym.abbreviation} = ${acronym.expansion}`,
      matches: (finding) => finding.kind === 'acronym' && finding.abbreviation === acronym.abbreviation && finding.expansion === acronym.expansion
    })),
    ...key.terms.map((term): Entry => ({kind: 'term', label: term, matches: (finding) => finding.kind === 'term' && finding.name.toLowerCase() === term.toLowerCase()})),
    ...key.organisations.map((name): Entry => ({kind: 'organisation', label: name, matches: (finding) => finding.kind === 'organisation' && finding.name === name}))
  ]
}

/** How `findings` (one document's) score against `key`, per kind. */
export function score(findings: readonly Finding[], key: Key): Map<Kind, Score> {
  const taken = new Set<Finding>()
  const scores = new Map<Kind, Score>()
  const of = (kind: Kind) => scores.get(kind) ?? scores.set(kind, {found: 0, expected: 0, false: 0, missed: [], extra: []}).get(kind)!
  for (const entry of entries(key)) {
    const score = of(entry.kind)
    score.expected++
    const finding = findings.find((candidate) => !taken.has(candidate) && entry.matches(candidate))
    if (finding) {
      taken.add(finding)
      score.found++
    } else {
      score.missed.push(entry.label)
    }
  }
  for (const finding of findings) {
    if (taken.has(finding)) continue
    const score = of(finding.kind)
    score.false++
    score.extra.push(`${finding.line}:${finding.column} ${finding.text}`)
  }
  return scores
}
