/**
 * A later release that removes records, end to end: a throwaway copy of the
 * project gets a release after the newest, made from it, that removes a term
 * (with its definitions and relations) and changes a statistic's label; the
 * site built from it keeps the term's page as a tombstone, shows the change
 * in the statistic's history, and has no broken link.
 */
import {readFileSync, readdirSync, renameSync, writeFileSync} from 'node:fs'
import {cp, readFile} from 'node:fs/promises'
import type {Server} from 'node:http'
import path from 'node:path'
import {HtmlValidate} from 'html-validate'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {checksumsFile, filesIn, sha256sums} from '../../pipeline/release/frozen.ts'
import type {ReleaseRecord} from '../../pipeline/release/record.ts'
import {formatDate} from '../../site/src/lib/format.ts'
import {axe} from '../helpers/axe.ts'
import {crawl} from '../helpers/links.ts'
import {projectRoot} from '../helpers/project.ts'
import {newest, releaseFolder, versions} from '../helpers/releases.ts'
import {launchBrowser, serve} from '../helpers/site.ts'
import {removeThrowaway, throwawaySite} from '../helpers/throwaway.ts'

type Row = Record<string, unknown>
let root: string
let site: string
let next: string
let browser: Browser
let server: Server
let origin: string
let term: Row
let removed: Array<{dataset: string; id: string}>
let statistic: Row
let date: string

const readJson = <T>(folder: string, file: string): T => JSON.parse(readFileSync(path.join(folder, file), 'utf8'))
const writeJson = (folder: string, file: string, value: unknown) => writeFileSync(path.join(folder, file), `${JSON.stringify(value, null, 2)}\n`)
const html = (page: string) => readFile(path.join(site, page, 'index.html'), 'utf8')

/** The release after `base`, a major one: a term and what refers to it removed, a statistic's label changed. */
function cutNext(releases: string, base: string): void {
  next = `${Number(base.split('.')[0]) + 1}.0.0`
  const [from, to] = [path.join(releases, base), path.join(releases, next)]
  const record = readJson<ReleaseRecord>(from, 'release.json')
  date = new Date(Date.parse(record.date) + 30 * 86_400_000).toISOString().slice(0, 10)
  // Copied above, with the rest of dist-data: this folder is the throwaway's.
  renameSync(path.join(releases, `${base}.copy`), to)
  const definitions = readJson<Row[]>(to, 'term-definitions.json')
  const termId = String(definitions[0]!['term'])
  const relations = readJson<Row[]>(to, 'term-relations.json')
  const terms = readJson<Row[]>(to, 'terms.json')
  term = terms.find((row) => row['id'] === termId)!
  const goneDefinitions = definitions.filter((row) => row['term'] === termId)
  const goneRelations = relations.filter((row) => row['subject'] === termId || row['object'] === termId)
  writeJson(to, 'terms.json', terms.filter((row) => row !== term))
  writeJson(to, 'term-definitions.json', definitions.filter((row) => !goneDefinitions.includes(row)))
  writeJson(to, 'term-relations.json', relations.filter((row) => !goneRelations.includes(row)))
  const statistics = readJson<Row[]>(to, 'statistics.json')
  statistic = statistics[0]!
  const label = `${String(statistic['label'])} (revised)`
  writeJson(to, 'statistics.json', statistics.map((row) => (row === statistic ? {...row, label} : row)))
  removed = [{dataset: 'terms', id: termId}, ...goneDefinitions.map((row) => ({dataset: 'term-definitions', id: String(row['id'])})), ...goneRelations.map((row) => ({dataset: 'term-relations', id: String(row['id'])}))]
  const reason = `Its source document was removed from the sources.`
  const records = [...removed.map((gone) => ({...gone, change: 'removed', reason})), {dataset: 'statistics', id: String(statistic['id']), change: 'changed', fields: [{field: 'label', old: statistic['label'], new: label}]}]
  writeJson(to, 'changes.json', {from: base, to: next, datasets: {added: [], removed: []}, columns: [], records})
  const counts = {...record.counts, terms: record.counts['terms']! - 1, 'term-definitions': record.counts['term-definitions']! - goneDefinitions.length, 'term-relations': record.counts['term-relations']! - goneRelations.length}
  const zip = record.zip.replace(base, next)
  renameSync(path.join(to, record.zip), path.join(to, zip))
  writeJson(to, 'release.json', {...record, version: next, date, previous: base, bump: 'major', reasons: {major: [`${removed.length} records removed`], minor: [], patch: ['1 record changed in statistics']}, notes: `Fixture release ${next}.`, counts, changes: {added: 0, removed: removed.length, changed: 1}, zip})
  writeJson(to, 'datapackage.json', {...readJson<Row>(to, 'datapackage.json'), version: next})
  const files = new Map(filesIn(to).filter((file) => file !== checksumsFile).map((file) => [file, readFileSync(path.join(to, file))]))
  writeFileSync(path.join(to, checksumsFile), sha256sums(files))
}

beforeAll(async () => {
  const base = newest
  if (!base) return
  ;({root, site} = await throwawaySite(async (copy) => {
    const releases = path.join(copy, 'dist-data/releases')
    await cp(path.join(releases, base), path.join(releases, `${base}.copy`), {recursive: true})
    cutNext(releases, base)
  }))
  ;({server, origin} = await serve(site))
  browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  server?.close()
  await removeThrowaway(root)
})

describe.skipIf(!newest)('a release that removes records', () => {
  it('is the one the site shows, and lists both releases', async () => {
    expect(readdirSync(path.join(root, 'dist-data/releases')).sort()).toEqual([...versions, next].sort())
    expect(await html('/')).toContain(`<strong class="tag">Release ${next}</strong>Published ${formatDate(date)}`)
    const releases = await html('/releases/')
    expect(releases.indexOf(`href="/releases/${next}/"`)).toBeLessThan(releases.indexOf(`href="/releases/${newest}/"`))
    expect(await html(`/releases/${newest}/`)).toContain(`This is not the latest release: see <a href="/releases/${next}/">version ${next}</a>`)
    expect(readFileSync(path.join(site, 'data/latest/terms.json')).equals(readFileSync(path.join(root, 'dist-data/releases', next, 'terms.json')))).toBe(true)
    expect(readFileSync(path.join(site, `data/${newest}/terms.json`)).equals(readFileSync(path.join(projectRoot, 'dist-data/releases', newest!, 'terms.json')))).toBe(true)
  })

  it('keeps the removed term’s page as a tombstone: when, why, and the last release that had it', async () => {
    const page = await (await browser.newContext()).newPage()
    expect((await page.goto(`${origin}/terms/${String(term['id'])}/`))?.status()).toBe(200)
    expect(await page.locator('h1').textContent()).toBe(`${String(term['name'])} (removed)`)
    expect(await page.locator('#removed').textContent()).toBe(`Removed in version ${next} (${formatDate(date)}): Its source document was removed from the sources.`)
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(hrefs).toEqual(expect.arrayContaining([`/releases/${newest}/`, `/data/${newest}/terms.json`, `/releases/${next}/`]))
    // Its history: the release that added it (unchanged since), then its removal.
    const added = versions.find((version) => readJson<Row[]>(releaseFolder(version), 'terms.json').some((row) => row['id'] === term['id']))
    expect(await page.locator('#versions ~ ol.history li').allTextContents()).toEqual([expect.stringContaining(`Version ${added}`), expect.stringContaining(`Version ${next} (${formatDate(date)}): removed`)])
    expect(await page.locator('#cite-bibtex-text').textContent()).toContain(`version = {${newest}}`)
    expect(await axe(page)).toEqual([])
    const report = await new HtmlValidate({extends: ['html-validate:recommended'], rules: {'no-trailing-whitespace': 'off', 'long-title': 'off'}}).validateString(await page.content())
    expect(report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId} ${message.message}`))).toEqual([])
    await page.context().close()
    expect(await html('/terms/')).not.toContain(`href="/terms/${String(term['id'])}/"`)
  })

  it('lists every removal and the change in its changelog, linking only to pages that exist', async () => {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${origin}/releases/${next}/`)
    expect(await page.locator('table.changelog tbody tr').count()).toBe(removed.length + 1)
    expect(await page.locator(`[id="change-terms-${String(term['id'])}"] th a`).getAttribute('href')).toBe(`/terms/${String(term['id'])}/`)
    for (const gone of removed.filter((row) => row.dataset !== 'terms')) expect(await page.locator(`[id="change-${gone.dataset}-${gone.id}"] th a`).count(), gone.id).toBe(0)
    const changed = await page.locator(`[id="change-statistics-${String(statistic['id'])}"] td`).allTextContents()
    expect(changed).toEqual(['changed', 'label', String(statistic['label']), `${String(statistic['label'])} (revised)`])
    await page.context().close()
  })

  it('shows the changed statistic’s history', async () => {
    const page = await html(`/statistics/${String(statistic['id'])}/`)
    expect(page).toContain(`Version ${next}</a> (${formatDate(date)}): changed: label`)
    expect(page).toContain(`href="/releases/${next}/#change-statistics-${String(statistic['id'])}"`)
  })

  it('has no broken internal link', () => {
    const {checked, broken} = crawl(site)
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(1000)
  })
})
