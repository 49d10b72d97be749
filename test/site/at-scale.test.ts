/**
 * The site stays small however large the data, on a throwaway copy of the
 * project whose only release is a fixture made from its draft:
 * - a changelog of thousands of synthetic rows (long values among them) and
 *   one change to a real statistic deep in the list: every page the release
 *   makes weighs at most 50 kB gzipped and shows at most a page of rows, yet
 *   every row is reached by following links, and the statistic's history
 *   links to the page that holds its change;
 * - an abbreviation with 30 meanings: a term's page names a few and links a
 *   search for the rest.
 * Nothing here depends on today's releases.
 */
import {cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {pageWeightTarget, pageWeights} from '../../bench/page-weight.ts'
import {datasets} from '../../pipeline/datasets.ts'
import {checksumsFile, filesIn, sha256sums} from '../../pipeline/release/frozen.ts'
import type {RecordChange} from '../../pipeline/release/changes.ts'
import {inlineRows, valueRoom} from '../../site/src/lib/changelog.ts'
import {pageSize} from '../../site/src/lib/paging.ts'
import {crawl} from '../helpers/links.ts'
import {removeThrowaway, throwawaySite} from '../helpers/throwaway.ts'

const version = '1.0.0'
const long = (n: number) => `Fixture value ${n}: ${'a long sentence that a changed quote might hold, '.repeat(20)}end.`
let root: string
let site: string
let statistic: string
let records: RecordChange[]
let meanings: Array<Record<string, unknown>>

/** The fixture's changes: 1,500 statistics changed in two fields, 4,000 events added, 10 terms added, and one real statistic changed at row 1,001. */
function fixtureChanges(realStatistic: string): RecordChange[] {
  const changed = Array.from({length: 1500}, (_, n): RecordChange => ({dataset: 'statistics', id: `fixture-statistic-${n}`, change: 'changed', fields: [{field: 'label', old: long(n), new: long(n + 1)}, {field: 'value', old: n, new: n + 1}]}))
  changed.splice(500, 0, {dataset: 'statistics', id: realStatistic, change: 'changed', fields: [{field: 'label', old: 'Before', new: 'After'}]})
  return [
    ...Array.from({length: 10}, (_, n): RecordChange => ({dataset: 'terms', id: `fixture-term-${n}`, change: 'added'})),
    ...changed,
    ...Array.from({length: 4000}, (_, n): RecordChange => ({dataset: 'timeline', id: `fixture-event-${n}`, change: 'added'}))
  ]
}

/** The draft frozen as the one release, with the fixture's changelog. */
function cutFixture(copy: string): void {
  const draft = path.join(copy, 'dist-data/draft')
  const releases = path.join(copy, 'dist-data/releases')
  rmSync(releases, {recursive: true, force: true})
  const folder = path.join(releases, version)
  mkdirSync(folder, {recursive: true})
  cpSync(draft, folder, {recursive: true})
  statistic = String((JSON.parse(readFileSync(path.join(draft, 'statistics.json'), 'utf8')) as Array<{id: string}>)[0]!.id)
  records = fixtureChanges(statistic)
  // 30 terms sharing one abbreviation, each named in a real document.
  const terms = JSON.parse(readFileSync(path.join(folder, 'terms.json'), 'utf8')) as Array<Record<string, unknown>>
  meanings = Array.from({length: 30}, (_, n) => ({...terms[0]!, id: `fixture-meaning-${String(n).padStart(2, '0')}`, name: `Fixture meaning ${String(n).padStart(2, '0')}`, abbreviation: 'FXM', sense: `sense ${n}`}))
  writeFileSync(path.join(folder, 'terms.json'), JSON.stringify([...terms, ...meanings]))
  const counts = Object.fromEntries(datasets.map(({name}) => [name, (JSON.parse(readFileSync(path.join(folder, `${name}.json`), 'utf8')) as unknown[]).length]))
  const zip = `fixture-${version}.zip`
  // An empty zip: the page links it; its contents do not matter here.
  writeFileSync(path.join(folder, zip), Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]))
  writeFileSync(path.join(folder, 'changes.json'), JSON.stringify({from: null, to: version, datasets: {added: [], removed: []}, columns: [], records}))
  writeFileSync(path.join(folder, 'changes.csv'), 'dataset,id,change,field,old_value,new_value,reason\n')
  const changes = {added: 4010, removed: 0, changed: 1501}
  writeFileSync(path.join(folder, 'release.json'), JSON.stringify({name: 'fixture', version, date: '2026-01-01', previous: null, bump: 'major', reasons: {major: ['a fixture'], minor: [], patch: []}, notes: 'A fixture release with a huge changelog.', counts, changes, zip}))
  const files = new Map(filesIn(folder).filter((file) => file !== checksumsFile).map((file) => [file, readFileSync(path.join(folder, file))]))
  writeFileSync(path.join(folder, checksumsFile), sha256sums(files))
}

beforeAll(async () => {
  ;({root, site} = await throwawaySite(cutFixture))
}, 300_000)
afterAll(() => removeThrowaway(root))

const html = (page: string) => readFileSync(path.join(site, page, 'index.html'), 'utf8')
/** Rows of the changelog tables' bodies on a page. */
const rowsOf = (page: string) => [...html(page).matchAll(/<table class="changelog">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/g)].flatMap((table) => table[1]!.match(/<tr\b/g) ?? []).length
const nextOf = (page: string) => html(page).match(/<a href="([^"]+)" rel="next"/)?.[1]

describe('a release with thousands of changes', () => {
  it('makes no page heavier than the target, and none with more than a page of rows', () => {
    const pages = pageWeights(site).filter((weight) => weight.page.startsWith(`/releases/${version}/`))
    expect(pages.length).toBeGreaterThan(100)
    const heaviest = pages.toSorted((a, b) => b.total - a.total)[0]!
    console.log(`heaviest page of the fixture release: ${heaviest.page}, ${heaviest.total} bytes gzipped (HTML ${heaviest.html})`)
    for (const page of pages) {
      expect(page.total, page.page).toBeLessThanOrEqual(pageWeightTarget)
      expect(rowsOf(page.page), page.page).toBeLessThanOrEqual(pageSize)
    }
    // The few terms on the release's page itself; the long lists on pages of their own.
    expect(rowsOf(`/releases/${version}/`)).toBe(10)
    expect(10).toBeLessThanOrEqual(inlineRows)
  })

  it('reaches every row by following links from the release’s page, each record’s anchor once', () => {
    const starts = [...html(`/releases/${version}/`).matchAll(/<a href="(\/releases\/[^"]+\/changes\/[^"]+)"/g)].map((match) => match[1]!)
    expect(starts).toEqual([`/releases/${version}/changes/statistics/`, `/releases/${version}/changes/timeline/`])
    let rows = rowsOf(`/releases/${version}/`)
    const anchors = [...html(`/releases/${version}/`).matchAll(/<tr id="([^"]+)"/g)].map((match) => match[1])
    for (const start of starts) {
      for (let page: string | undefined = start; page; page = nextOf(page)) {
        rows += rowsOf(page)
        anchors.push(...[...html(page).matchAll(/<tr id="([^"]+)"/g)].map((match) => match[1]))
      }
    }
    expect(rows).toBe(records.reduce((sum, record) => sum + (record.fields?.length ?? 1), 0))
    expect(anchors.toSorted()).toEqual(records.map((record) => `change-${record.dataset}-${record.id}`).toSorted())
  })

  it('shortens long values, and says where they are whole', () => {
    const page = html(`/releases/${version}/changes/statistics/`)
    const cells = [...page.matchAll(/<td>([^<]*)<\/td>/g)].map((match) => match[1]!)
    expect(cells.some((cell) => cell.endsWith('…'))).toBe(true)
    for (const cell of cells) expect(cell.length).toBeLessThanOrEqual(valueRoom)
    expect(page).toContain(`href="/data/${version}/changes.csv"`)
  })

  it('links a record’s history to the page that holds its change', () => {
    // 10 term rows are elsewhere; the statistic's row is the 1,001st of the statistics: page 21.
    const href = `/releases/${version}/changes/statistics/pages/21/#change-statistics-${statistic}`
    expect(html(`/statistics/${statistic}/`)).toContain(`href="${href}"`)
    expect(html(href.split('#')[0]!)).toContain(`<tr id="change-statistics-${statistic}">`)
  })

  it('has no broken internal link', () => {
    const {checked, broken} = crawl(site)
    expect(checked).toBeGreaterThan(1000)
    expect(broken).toEqual([])
  })
})

describe('an abbreviation with many meanings', () => {
  it('names ten other meanings on a term’s page and links a search for the rest', () => {
    const page = html('/terms/fixture-meaning-00/')
    const warning = page.match(/<div class="warning"><p>([\s\S]*?)<\/p><\/div>/)?.[1] ?? ''
    const named = [...warning.matchAll(/href="\/terms\/(fixture-meaning-\d+)\/"/g)].map((match) => match[1])
    expect(named).toHaveLength(10)
    expect(new Set(named).size).toBe(10)
    expect(named).not.toContain('fixture-meaning-00')
    expect(warning).toContain('and 19 more: <a href="/search/?q=FXM">search for FXM</a>')
  })
})
