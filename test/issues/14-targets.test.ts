/**
 * Issue 14's targets, measured over fixture pages of other integrated care systems written for it
 * (test/fixtures/add-document/, each with a hand-written answer key): each page is added with
 * `add-document` alone into a throwaway project that has only the reference files, the project builds,
 * and review lists at least 95% of what a careful reader marks, per kind, with no more than one false
 * finding per 500 words; no figure has a value its words do not hold, and no expansion is invented.
 */
import {cp, mkdir, mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {addDocument} from '../../pipeline/add-document/index.ts'
import type {Candidates} from '../../pipeline/add-document/candidates.ts'
import {build, type BuildResult} from '../../pipeline/build.ts'
import {findFigures, parseFigure} from '../../pipeline/figures/index.ts'
import {kinds, review, type Finding} from '../../pipeline/review/index.ts'
import {knowledgeOf} from '../../pipeline/review/knowledge.ts'
import {readFixtures, score, type Score} from '../helpers/answer-key.ts'
import {projectRoot, removeProject} from '../helpers/project.ts'

const fixtures = readFixtures()
let root: string
let result: BuildResult
let findings: Finding[]
const added: Array<{code: number; lines: string[]}> = []

/** The add-document arguments a key's options stand for. */
function argumentsOf(page: string, options: Record<string, string>): string[] {
  return [page, ...Object.entries(options).flatMap(([name, value]) => [`--${name}`, String(value)])]
}


beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'icb-issue-14-'))
  await mkdir(path.join(root, 'sources'), {recursive: true})
  await cp(path.join(projectRoot, 'sources/reference'), path.join(root, 'sources/reference'), {recursive: true})
  await cp(path.join(projectRoot, 'sources/publication.yml'), path.join(root, 'sources/publication.yml'))
  for (const [index, fixture] of fixtures.entries()) {
    // Each page gets its own id, so two pages both named page.txt do not collide.
    added.push(await addDocument(root, [...argumentsOf(fixture.page, fixture.key.options), '--id', `fixture-${index + 1}-${fixture.name}`]))
  }
  result = await build({root, out: null, keep: true})
  findings = result.ok ? review(result.documents, result.datasets, knowledgeOf(root)) : []
}, 180_000)

afterAll(() => removeProject(root))

describe('issue 14: a page of another ICS goes in with add-document alone', () => {
  it('should add every fixture page and build at once, with no further edit', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3)
    for (const outcome of added) expect(outcome.code, outcome.lines.join('\n')).toBe(0)
    expect(result.ok).toBe(true)
    expect(result.documents).toHaveLength(fixtures.length)
  })

  it('should make no statistic, event or term from candidates until an editor confirms them', () => {
    for (const name of ['statistics', 'timeline', 'terms', 'term-definitions']) {
      expect(result.datasets.find((dataset) => dataset.name === name)?.records, name).toEqual([])
    }
  })

  it('should find at least 95% of each kind a careful reader marks, with at most one false finding per 500 words', () => {
    const totals = new Map<string, Score>()
    let words = 0
    const lines: string[] = []
    for (const [index, fixture] of fixtures.entries()) {
      const id = `fixture-${index + 1}-${fixture.name}`
      words += fixture.words
      const scores = score(findings.filter((finding) => finding.document === id), fixture.key)
      for (const [kind, own] of scores) {
        const total = totals.get(kind) ?? {found: 0, expected: 0, false: 0, missed: [], extra: []}
        totals.set(kind, {found: total.found + own.found, expected: total.expected + own.expected, false: total.false + own.false, missed: [...total.missed, ...own.missed.map((text) => `${fixture.name}: ${text}`)], extra: [...total.extra, ...own.extra.map((text) => `${fixture.name}: ${text}`)]})
        lines.push(`${fixture.name.padEnd(28)} ${kind.padEnd(12)} found ${own.found}/${own.expected}, false ${own.false}`)
      }
      lines.push(`${fixture.name.padEnd(28)} words        ${fixture.words}`)
    }
    const falseFindings = [...totals.values()].reduce((sum, total) => sum + total.false, 0)
    for (const kind of kinds) {
      const total = totals.get(kind)
      if (total) lines.push(`${'all'.padEnd(28)} ${kind.padEnd(12)} found ${total.found}/${total.expected}, false ${total.false}`)
    }
    lines.push(`${'all'.padEnd(28)} words        ${words}, false findings ${falseFindings} (at most ${(words / 500).toFixed(1)})`)
    for (const total of totals.values()) lines.push(...total.missed.map((text) => `missed ${text}`), ...total.extra.map((text) => `false  ${text}`))
    console.log(lines.join('\n'))
    for (const kind of ['figure', 'date', 'period', 'acronym', 'organisation']) {
      const total = totals.get(kind)!
      expect(total.found / total.expected, `${kind}: ${total.found}/${total.expected}, missed ${total.missed.join('; ')}`).toBeGreaterThanOrEqual(0.95)
    }
    expect(falseFindings, [...totals.values()].flatMap((total) => total.extra).join('\n')).toBeLessThanOrEqual(words / 500)
  })

  it('should list no figure with a value its own words do not hold', () => {
    const figures = findings.filter((finding) => finding.kind === 'figure')
    expect(figures.length).toBeGreaterThan(0)
    for (const figure of figures) {
      const read = parseFigure(figure.text)
      expect(read && [read.value, read.low, read.high], figure.text).toEqual([figure.value, figure.low, figure.high])
    }
  })

  it('should write every figure candidate with the value its words hold and the answer key gives, and the figure named where the quote holds several', async () => {
    for (const [index, fixture] of fixtures.entries()) {
      const yaml = await readFile(path.join(root, `sources/judgements/fixture-${index + 1}-${fixture.name}.yml`), 'utf8')
      const {candidates} = parse(yaml) as {candidates: Candidates}
      expect(candidates.statistics.length).toBeGreaterThan(0)
      let checked = 0
      for (const candidate of candidates.statistics) {
        // The words of the number (the figure, or the quote when it holds one figure) read back to the value written.
        expect(candidate.quote).toContain(candidate.figure ?? '')
        const words = candidate.figure ?? candidate.quote
        const found = findFigures(words)
        const read = candidate.read as {value: number | null; low: number | null; high: number | null}
        expect(found.map(({figure}) => [figure.value, figure.low, figure.high]), candidate.quote).toEqual([[read.value, read.low, read.high]])
        // And the value is the one the careful reader wrote down for those words.
        // The longest of the key's figures these words hold: "one in five", not "five".
        const keyed = fixture.key.figures.filter((figure) => words.includes(figure.text)).sort((a, b) => b.text.length - a.text.length)[0]
        if (!keyed) continue
        checked++
        expect([read.value, read.low, read.high], words).toEqual([keyed.value ?? null, keyed.low ?? null, keyed.high ?? null])
      }
      expect(checked / candidates.statistics.length, fixture.name).toBeGreaterThanOrEqual(0.9)
    }
  })

  it('should invent no expansion: an abbreviation the text never expands stays unexpanded', () => {
    for (const finding of findings) {
      if (finding.kind !== 'acronym' || finding.expansion === null) continue
      const document = result.documents.find((file) => file.stem === finding.document)!
      const plain = (document.data.blocks ?? []).map((block) => block.text).join('\n')
      // The expansion is the text's own words, and they stand just before the bracketed abbreviation.
      expect(finding.text.startsWith(finding.expansion), finding.text).toBe(true)
      expect(finding.text.endsWith(`(${finding.abbreviation})`) || finding.text.endsWith(`(${finding.abbreviation}s)`), finding.text).toBe(true)
      expect(plain).toContain(finding.text)
    }
    for (const [index, fixture] of fixtures.entries()) {
      const id = `fixture-${index + 1}-${fixture.name}`
      for (const {abbreviation} of fixture.key.acronyms.filter((acronym) => acronym.expansion === null)) {
        const listed = findings.filter((finding) => finding.document === id && finding.kind === 'acronym' && finding.abbreviation === abbreviation)
        expect(listed.map((finding) => finding.kind === 'acronym' && finding.expansion), `${fixture.name} ${abbreviation}`).toEqual([null])
      }
    }
  })
})
