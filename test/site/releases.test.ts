/**
 * Releases in Chromium against the built site: /releases/ lists every
 * release folder, each release page its whole changelog, every checksummed
 * file and the four citation forms; every page says which version it shows;
 * the copy button works from the keyboard and is absent without JavaScript.
 * Expectations come from dist-data/releases/, never from the site.
 */
import {readFileSync} from 'node:fs'
import type {Server} from 'node:http'
import path from 'node:path'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {apa, bibtex, cslJson, ris} from '../../pipeline/release/cite.ts'
import {recordCitation, releaseCitation} from '../../pipeline/release/citation.ts'
import {datasetChangesUrl} from '../../site/src/lib/changelog.ts'
import {formatDate} from '../../site/src/lib/format.ts'
import {changelogRows, changesOf, newest, publication, releaseRecord, shownFolder, shownVersion, sumsOf, versions} from '../helpers/releases.ts'
import {launchBrowser, serve, sitePages, siteOutput} from '../helpers/site.ts'

let browser: Browser
let server: Server
let origin: string
beforeAll(async () => {
  ;({server, origin} = await serve(siteOutput))
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  server?.close()
})

const dateOf = (version: string) => releaseRecord(version).date
const citationOf = (version: string) => releaseCitation(publication, version, version === 'draft' ? null : dateOf(version))
/** The four forms as a page shows them: HTML reads a CRLF as one line break. */
const forms = (citation: ReturnType<typeof citationOf>) => ({
  apa: apa(citation),
  bibtex: bibtex(citation),
  ris: ris(citation).replaceAll('\r\n', '\n'),
  'csl-json': `${JSON.stringify(cslJson(citation), null, 2)}\n`
})
const shownText = (page: import('playwright-core').Page, form: string) => page.locator(`#cite-${form}-text`).evaluate((element) => element.textContent)

async function open(url: string, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  expect((await page.goto(origin + url))?.status(), url).toBe(200)
  return {context, page}
}

describe('releases', () => {
  it('/releases/ lists every release folder, newest first, with its date, summary and main downloads', async () => {
    const {context, page} = await open('/releases/')
    const listed = await page.locator('.releases > li').evaluateAll((items) => items.map((item) => ({
      href: item.querySelector('h2 a')?.getAttribute('href'),
      date: item.querySelector('time')?.getAttribute('datetime'),
      text: item.textContent ?? '',
      files: [...item.querySelectorAll('.key-files a')].map((link) => link.getAttribute('href'))
    })))
    expect(listed.map((item) => item.href)).toEqual(versions.toReversed().map((version) => `/releases/${version}/`))
    for (const [index, version] of versions.toReversed().entries()) {
      const record = releaseRecord(version)
      expect(listed[index]!.date).toBe(record.date)
      expect(listed[index]!.text).toContain(`${record.bump}: ${record.changes.added} added, ${record.changes.removed} removed, ${record.changes.changed} changed`)
      expect(listed[index]!.text).toContain(record.notes)
      expect(listed[index]!.files).toEqual([`/data/${version}/${record.zip}`, `/data/${version}/SHA256SUMS`, `/data/${version}/datapackage.json`])
    }
    await context.close()
  })

  it.each(versions)('/releases/%s/ shows every changelog row (on it or on the pages it links to), every file of SHA256SUMS with its SHA-256, and the four citation forms', async (version) => {
    const {context, page} = await open(`/releases/${version}/`)
    // The release's page, then each dataset's own pages of changes, followed by their next links.
    const rows: string[] = []
    const anchors: string[] = []
    const read = async () => {
      rows.push(...await page.locator('table.changelog tbody tr').allTextContents())
      anchors.push(...await page.locator('table.changelog tbody tr[id]').evaluateAll((found) => found.map((row) => row.id)))
    }
    await read()
    const starts = await page.locator('#changes ~ section[id^="changes-"] a[href*="/changes/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
    for (const start of starts) {
      expect((await page.goto(origin + start))?.status(), start).toBe(200)
      for (;;) {
        await read()
        const next = page.locator('nav.pager a[rel="next"]').first()
        if (await next.count() === 0) break
        expect((await page.goto(origin + (await next.getAttribute('href'))!))?.status()).toBe(200)
      }
    }
    expect(rows.length).toBe(changelogRows(version))
    // Every record of changes.json has its row, anchored for record pages to link to, once.
    expect(anchors.toSorted()).toEqual(changesOf(version).records.map((change) => `change-${change.dataset}-${change.id}`).toSorted())
    await page.goto(`${origin}/releases/${version}/`)
    const files = new Map(await page.locator('table.files tbody tr').evaluateAll((rows) => rows.map((row) => [row.querySelector('th')?.textContent ?? '', row.querySelector('code')?.textContent ?? ''] as [string, string])))
    const sums = sumsOf(version)
    expect(sums.size).toBeGreaterThan(0)
    for (const [file, hash] of sums) expect(files.get(file), file).toBe(hash)
    expect(files.has('SHA256SUMS')).toBe(true)
    for (const [form, text] of Object.entries(forms(citationOf(version)))) expect(await shownText(page, form), form).toBe(text)
    await context.close()
  })

  it('every page says which version it shows: the release, or Draft on the draft’s own pages', async () => {
    const pages = await sitePages()
    expect(pages).toContain('/releases/')
    expect(pages).toContain('/data/draft/')
    for (const page of pages) {
      const html = readFileSync(path.join(siteOutput, page, page.endsWith('/') ? 'index.html' : ''), 'utf8')
      const banner = /<div class="phase">([\s\S]*?)<\/div>\s*<\/div>/.exec(html)?.[1] ?? ''
      if (!newest || page === '/data/draft/' || page.startsWith('/data/draft/pages/')) expect(banner, page).toContain('<strong class="tag">Draft</strong>This data is a draft release')
      else {
        expect(banner, page).toContain(`<strong class="tag">Release ${newest}</strong>Published ${formatDate(dateOf(newest))}`)
        expect(banner, page).toContain(`href="/releases/${newest}/"`)
      }
    }
  })

  it('the home page cites the version shown and links to every release', async () => {
    const {context, page} = await open('/')
    expect(await shownText(page, 'apa')).toBe(apa(citationOf(shownVersion)))
    expect(await page.locator('#cite ~ p a[href="/releases/"]').count()).toBeGreaterThan(0)
    if (publication.base_url === null) expect(await page.locator('#cite-no-url').textContent()).toContain('no public address')
    await context.close()
  })

  it('a dataset page and a record page cite the record in the version shown and list its history', async () => {
    const terms: Array<{id: string; name: string}> = JSON.parse(readFileSync(path.join(shownFolder, 'terms.json'), 'utf8'))
    const term = terms[0]!
    const date = newest ? dateOf(newest) : null
    const {context, page} = await open(`/terms/${term.id}/`)
    const expected = recordCitation(publication, shownVersion, date, {key: `terms-${term.id}`, label: term.name, pathname: `terms/${term.id}/`})
    expect(await shownText(page, 'bibtex')).toBe(bibtex(expected))
    const events = versions.flatMap((version) => changesOf(version).records.filter((change) => change.dataset === 'terms' && change.id === term.id).map((change) => [version, change.change]))
    const items = await page.locator('#versions ~ ol.history li').allTextContents()
    expect(items.length).toBe(events.length)
    for (const [index, [version, change]] of events.entries()) expect(items[index]).toContain(`Version ${version} (${formatDate(dateOf(version!))}): ${change}`)
    await page.goto(`${origin}/datasets/terms/`)
    const touched = versions.filter((version) => changesOf(version).records.some((change) => change.dataset === 'terms'))
    expect(await page.locator('#versions ~ ol.history li a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(touched.map((version) => datasetChangesUrl(version, changesOf(version), 'terms')))
    await context.close()
  })
})

describe('search', () => {
  it('leaves citations and version histories out of the index: they say the same on every page', async () => {
    const {context, page} = await open('/search/?q=BibTeX')
    await page.waitForFunction(() => /results? for/.test(document.querySelector('#search-status')?.textContent ?? ''), undefined, {timeout: 10_000})
    expect(await page.locator('#search-status').textContent()).toBe('0 results for “BibTeX”')
    await context.close()
  })
})

describe('copying a citation', () => {
  const url = newest ? `/releases/${newest}/` : '/'

  it('from the keyboard alone (Tab to the button, Enter) puts exactly the BibTeX shown on the clipboard', async () => {
    const {context, page} = await open(url, {permissions: ['clipboard-read', 'clipboard-write']})
    await page.bringToFront()
    let reached = false
    // As many Tabs as the page has things to focus, however many records and files a release lists.
    const focusable = await page.evaluate(() => document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]').length)
    for (let step = 0; step <= focusable && !reached; step++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-copy') === 'cite-bibtex-text')
    }
    expect(reached).toBe(true)
    await page.keyboard.press('Enter')
    const status = page.locator('button[data-copy="cite-bibtex-text"] + [role="status"]')
    await page.waitForFunction(() => document.querySelector('button[data-copy="cite-bibtex-text"] + [role="status"]')?.textContent === 'Copied BibTeX', undefined, {timeout: 5000})
    expect(await status.textContent()).toBe('Copied BibTeX')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(await shownText(page, 'bibtex'))
    expect(copied).toBe(bibtex(citationOf(shownVersion)))
    await context.close()
  })

  it('without JavaScript shows every citation as text and no copy button', async () => {
    const {context, page} = await open(url, {javaScriptEnabled: false})
    for (const form of ['apa', 'bibtex', 'ris', 'csl-json']) {
      expect(await page.locator(`#cite-${form}-text`).isVisible(), form).toBe(true)
      expect((await shownText(page, form))?.length, form).toBeGreaterThan(20)
    }
    expect(await page.locator('button[data-copy]').count()).toBe(4)
    for (const button of await page.locator('button[data-copy]').all()) expect(await button.isVisible()).toBe(false)
    await context.close()
  })

  it('with JavaScript every copy button shows', async () => {
    const {context, page} = await open(url)
    for (const button of await page.locator('button[data-copy]').all()) await expect.poll(() => button.isVisible()).toBe(true)
    await context.close()
  })
})
