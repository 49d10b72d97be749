/**
 * Every page type in Chromium against the built site on 127.0.0.1: key content,
 * a page for every record, the table filter and sort, axe, no console error,
 * no request to another host, and a screenshot of each (test-results/).
 */
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import type {Server} from 'node:http'
import path from 'node:path'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {datasets} from '../../pipeline/datasets.ts'
import type {TextFile, TextNode, Words} from '../../pipeline/extract/texts.ts'
import {formats, typedFormats} from '../../pipeline/write/formats.ts'
import {axe} from '../helpers/axe.ts'
import {projectRoot} from '../helpers/project.ts'
import {newest, shownFolder, shownVersion} from '../helpers/releases.ts'
import {launchBrowser, serve, siteOutput} from '../helpers/site.ts'
import {pageSize} from '../../site/src/lib/paging.ts'

// The site shows the newest release, or the draft while there is none.
const json = (name: string) => JSON.parse(readFileSync(path.join(shownFolder, name), 'utf8'))
const datapackage = json('datapackage.json')
const records = (name: string): Array<Record<string, unknown>> => json(`${name}.json`)
/** The datasets in the registry's order, each with its title from its published schema. */
const names = datasets.map((dataset) => dataset.name)
const titleOf = (name: string): string => json(`schema/${name}.schema.json`).title
const tableOf = (name: string) => datapackage.resources.find((resource: {path: string}) => resource.path === `${name}.csv`)
/** Every block of words of a text, in document order. */
const wordsOf = (nodes: readonly TextNode[]): Words[] =>
  nodes.flatMap((node): Words[] => (node.type === 'list' ? node.items.flatMap(wordsOf) : node.type === 'blockquote' ? wordsOf(node.children) : node.type === 'table' ? node.rows.flat() : [node]))
// Pages picked from the data, not by name: a term with a definition, one whose abbreviation has other meanings, the first organisation and document.
const definedTerm = String(records('term-definitions')[0]!['term'])
const abbreviations = (term: Record<string, unknown>) => records('terms').filter((other) => other['id'] !== term['id'] && other['abbreviation'] !== null && other['abbreviation'] === term['abbreviation']).length
const ambiguousTerm = records('terms').toSorted((a, b) => abbreviations(b) - abbreviations(a))[0]!
const firstDocument = String(records('documents')[0]!['id'])
const screenshots = path.join(projectRoot, 'test-results/screenshots')

let browser: Browser
let context: BrowserContext
let server: Server
let origin: string
const problems: string[] = []
const hosts = new Set<string>()

beforeAll(async () => {
  ;({server, origin} = await serve(siteOutput))
  browser = await launchBrowser()
  context = await browser.newContext()
  mkdirSync(screenshots, {recursive: true})
})
afterAll(async () => {
  await browser?.close()
  server?.close()
})

/** Open a page, collecting console errors and the hosts it asked. */
async function open(url: string): Promise<Page> {
  const page = await context.newPage()
  // The 404 page's own status is the one expected error.
  const expected = (text: string) => url.startsWith('/no-such') && text.includes('404')
  page.on('console', (message) => message.type() === 'error' && !expected(message.text()) && problems.push(`${url}: ${message.text()}`))
  page.on('pageerror', (error) => problems.push(`${url}: ${error.message}`))
  page.on('request', (request) => hosts.add(new URL(request.url()).origin))
  const response = await page.goto(origin + url)
  expect(response?.status(), url).toBe(url.startsWith('/no-such') ? 404 : 200)
  return page
}

const pageTypes: Array<[string, string]> = [
  ['home', '/'],
  ['datasets', '/datasets/'],
  ['dataset', '/datasets/statistics/'],
  ['glossary', '/terms/'],
  ['term', `/terms/${definedTerm}/`],
  ['organisations', '/organisations/'],
  ['organisation', `/organisations/${String(records('organisations')[0]!['id'])}/`],
  ['statistics', '/statistics/'],
  ['statistic', `/statistics/${String(records('statistics')[0]!['id'])}/`],
  ['sources', '/sources/'],
  ['source', `/sources/${firstDocument}/`],
  ['figures', '/figures/'],
  ['structure', '/structure/'],
  ['search', '/search/'],
  ['about', '/about/'],
  ['api', '/api/'],
  ['releases', '/releases/'],
  ...(newest ? [['release', `/releases/${newest}/`] as [string, string]] : []),
  ['draft data', '/data/draft/'],
  ['not found', '/no-such-page/']
]

describe('every page type', () => {
  it.each(pageTypes)('%s (%s) has no axe violation and a screenshot', async (name, url) => {
    const page = await open(url)
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.locator('main').count()).toBe(1)
    expect(await axe(page)).toEqual([])
    await page.screenshot({path: path.join(screenshots, `${name.replace(' ', '-')}.png`), fullPage: true})
    await page.close()
  })

  it('home shows every dataset of the registry, in its order, with its row count, downloads, citation and licence', async () => {
    const page = await open('/')
    const cards = page.locator('.card-list > li')
    expect(await cards.count()).toBe(names.length)
    for (const [index, name] of names.entries()) {
      const text = await cards.nth(index).textContent()
      expect(text).toContain(titleOf(name))
      expect(text).toContain(`${records(name).length} rows`)
    }
    expect(await page.locator('#cite').count()).toBe(1)
    expect(await page.locator('a[rel="license"]').first().getAttribute('href')).toBe(datapackage.licenses[0].path)
    await page.close()
  })

  it.each(names)('dataset page %s has its title, dictionary, the table’s first page, downloads and its two JSON Schemas', async (name: string) => {
    const page = await open(`/datasets/${name}/`)
    expect(await page.locator('h1').textContent()).toBe(titleOf(name))
    expect(await page.locator('#dictionary + .table-wrap tbody tr').count()).toBe(tableOf(name).schema.fields.length)
    // Each column's meaning in words, its `backticked` names shown as code rather than as backticks.
    const meanings = await page.locator('#dictionary + .table-wrap tbody td:nth-of-type(2)').allTextContents()
    expect(meanings).toEqual(tableOf(name).schema.fields.map((field: {description: string}) => field.description.replaceAll('`', '')))
    expect(await page.locator('#data ~ .data-table table[data-table] tbody tr').count()).toBe(Math.min(records(name).length, pageSize))
    // CSV, CSV for Excel and JSON, and each typed format the version shown holds.
    const typed = typedFormats.filter(({suffix}) => existsSync(path.join(shownFolder, `${name}${suffix}`)))
    expect(await page.locator('#downloads + .table-wrap tbody tr').count()).toBe(formats.length + typed.length)
    const schemas = await page.locator('#schemas a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(schemas).toEqual([`/data/${shownVersion}/schema/${name}.schema.json`, `/data/${shownVersion}/schema/${name}.json.schema.json`])
    await page.close()
  })

  it('datasets page lists the registry’s datasets in its order, with their schemas’ titles', async () => {
    const page = await open('/datasets/')
    const rows = await page.locator('tbody th a').evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.textContent]))
    expect(rows).toEqual(names.map((name) => [`/datasets/${name}/`, titleOf(name)]))
    await page.close()
  })

  it('source page shows the text the pipeline wrote, block by block, under the anchor of its line', async () => {
    const page = await open(`/sources/${firstDocument}/`)
    const text: TextFile = json(`texts/${firstDocument}.json`)
    const blocks = wordsOf(text.blocks)
    expect(blocks.length).toBeGreaterThan(0)
    const shown = await page.locator('.document [id^="L"].block').evaluateAll((elements) => elements.map((element) => [element.id, element.textContent]))
    expect(shown).toEqual(blocks.map((block) => [`L${block.line}`, `${block.line}${block.text}`]))
    await page.close()
  })

  it('every source page anchors the line of every record taken from it and highlights its evidence', async () => {
    for (const document of records('documents')) {
      const html = readFileSync(path.join(siteOutput, 'sources', String(document['id']), 'index.html'), 'utf8')
      const ids = new Set([...html.matchAll(/\sid="(L\d+)"/g)].map((match) => match[1]!))
      const marked = new Set([...html.matchAll(/<mark><a href="([^"]+)"/g)].map((match) => match[1]!))
      const facts = new Set([...html.matchAll(/<ul class="facts"[\s\S]*?<\/ul>/g)].flatMap((list) => [...list[0].matchAll(/href="([^"]+)"/g)].map((match) => match[1]!)))
      for (const name of names) {
        for (const record of records(name).filter((candidate) => candidate['document'] === document['id'])) {
          expect(ids.has(`L${String(record['line'])}`), `${name} ${String(record['id'])}`).toBe(true)
        }
      }
      // Each statistic is a fact of its block; where two share their words, the words link to one of them.
      const here = records('statistics').filter((candidate) => candidate['document'] === document['id'])
      for (const statistic of here) expect(facts.has(`/statistics/${String(statistic['id'])}/`), String(statistic['id'])).toBe(true)
      if (here.length > 0) expect(here.some((statistic) => marked.has(`/statistics/${String(statistic['id'])}/`)), String(document['id'])).toBe(true)
    }
  })

  it('a statistic shows its figure, then the sentence it came from, before the details of what was read', async () => {
    const statistic = records('statistics')[0]!
    const page = await open(`/statistics/${String(statistic['id'])}/`)
    const order = await page.locator('main h1, main .lead, main blockquote, main h2, main dl').evaluateAll((nodes) => nodes.map((node) => node.tagName.toLowerCase() + (node.id ? `#${node.id}` : '')))
    expect(order.indexOf('blockquote'), order.join(' ')).toBeGreaterThan(order.indexOf('p'))
    expect(order.indexOf('blockquote'), order.join(' ')).toBeLessThan(order.indexOf('dl'))
    expect(await page.locator('main blockquote').first().innerText()).toContain(String(statistic['quote']).slice(0, 40))
    await page.close()
  })

  it('a term shows every document’s definition and warns of other meanings', async () => {
    const page = await open(`/terms/${String(ambiguousTerm['id'])}/`)
    const definers = records('term-definitions').filter((row) => row['term'] === ambiguousTerm['id'])
    expect(await page.locator('.definitions article').count()).toBe(definers.length)
    expect(await page.locator('.warning a').count()).toBe(abbreviations(ambiguousTerm))
    await page.close()
  })

  it('where documents disagree, both source pages say so and link to each other', async () => {
    const events = records('timeline')
    const event = events.find((row) => (row['disagrees_with'] as string[]).length > 0)!
    const other = events.find((row) => row['id'] === (event['disagrees_with'] as string[])[0])!
    for (const [here, there] of [[event, other], [other, event]]) {
      const page = await open(`/sources/${String(here!['document'])}/`)
      const links = await page.locator('.facts a').evaluateAll((elements) => elements.map((element) => element.getAttribute('href')))
      expect(links, String(here!['id'])).toContain(`/sources/${String(there!['document'])}/#L${String(there!['line'])}`)
      await page.close()
    }
  })
})

describe('every record has its page', () => {
  it.each([['terms', '/terms/'], ['organisations', '/organisations/'], ['statistics', '/statistics/'], ['documents', '/sources/']])('%s', async (name, prefix) => {
    for (const record of records(name)) {
      const response = await fetch(`${origin}${prefix}${String(record['id'])}/`)
      expect(response.status, String(record['id'])).toBe(200)
      expect(await response.text()).toContain('<h1>')
    }
  })
})

describe('the dataset table', () => {
  it('filters rows as you type, across the whole table, and says how many match', async () => {
    const page = await open('/datasets/statistics/')
    const rows = page.locator('table[data-table] tbody tr')
    const total = records('statistics').length
    await page.getByLabel('Filter statistics').fill('dementia')
    const expected = records('statistics').filter((row) => JSON.stringify(row).toLowerCase().includes('dementia')).length
    await page.waitForFunction(() => /rows match/.test(document.querySelector('.filter [role="status"]')?.textContent ?? ''), undefined, {timeout: 5000})
    expect(await rows.count()).toBe(Math.min(expected, pageSize))
    expect(expected).toBeLessThan(total)
    expect(await page.locator('.filter [role="status"]').textContent()).toMatch(new RegExp(`^${expected} of ${total} rows match`))
    expect(new URL(page.url()).searchParams.get('q')).toBe('dementia')
    await page.close()
  })

  it('sorts by a column when its header is pressed', async () => {
    const page = await open('/datasets/statistics/')
    await page.getByRole('button', {name: 'value', exact: true}).click()
    await page.waitForFunction(() => /sorted by value/.test(document.querySelector('.filter [role="status"]')?.textContent ?? ''), undefined, {timeout: 5000})
    const values = await page.locator('table[data-table] tbody tr td:nth-child(3)').evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).dataset['sort'] ?? ''))
    const numbers = values.filter((value) => value !== '').map(Number)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(await page.locator('th[aria-sort="ascending"]').count()).toBe(1)
    await page.close()
  })

  it('works from the keyboard: skip link, filter and sort', async () => {
    const page = await open('/datasets/statistics/')
    // Keys go to the page in front; under load another page may still be there.
    await page.bringToFront()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content')
    await page.keyboard.press('Enter')
    expect(new URL(page.url()).hash).toBe('#content')
    let reached = false
    for (let step = 0; step < 80 && !reached; step++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'search')
    }
    expect(reached).toBe(true)
    await page.keyboard.type('dementia')
    // Waited for, not read at once: a slow machine may still be handling the last key.
    await page.waitForFunction(() => /^\d+ of \d+ rows match$/.test(document.querySelector('.filter [role="status"]')?.textContent ?? ''), undefined, {timeout: 5000})
    await page.getByRole('button', {name: 'label', exact: true}).focus()
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"] button')?.textContent === 'label', undefined, {timeout: 5000})
    await page.close()
  })

  it('fits a phone screen without sideways scrolling of the page', async () => {
    const phone = await browser.newContext({viewport: {width: 375, height: 740}})
    const page = await phone.newPage()
    for (const [name, url] of pageTypes.filter(([, url]) => !url.startsWith('/no-such'))) {
      await page.goto(origin + url)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, url).toBeLessThanOrEqual(0)
      if (['home', 'dataset', 'source'].includes(name)) await page.screenshot({path: path.join(screenshots, `phone-${name}.png`)})
    }
    await phone.close()
  })

  it('reads without JavaScript', async () => {
    const plain = await browser.newContext({javaScriptEnabled: false})
    const page = await plain.newPage()
    await page.goto(`${origin}/datasets/timeline/`)
    expect(await page.locator('table[data-table] tbody tr').count()).toBe(Math.min(records('timeline').length, pageSize))
    // In the page, but shown only where scripts run.
    expect(await page.locator('.filter').isVisible()).toBe(false)
    await plain.close()
  })
})

describe('schema.org JSON-LD under the Content-Security-Policy', () => {
  it.skipIf(!newest)('is a data block the browser parses and never runs: no policy violation on the home and dataset pages', async () => {
    for (const url of ['/', '/datasets/terms/']) {
      const page = await context.newPage()
      // Recorded from the first script on: a violation is reported as an event on the document.
      await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => ((window as unknown as {violations: string[]}).violations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`)))
      await page.goto(origin + url)
      const types = await page.locator('script[type="application/ld+json"]').evaluateAll((scripts) => scripts.map((script) => (JSON.parse(script.textContent ?? '') as {'@type': string})['@type']))
      expect(types, url).toEqual([url === '/' ? 'DataCatalog' : 'Dataset'])
      expect(await page.evaluate(() => (window as unknown as {violations?: string[]}).violations ?? []), url).toEqual([])
      await page.close()
    }
  })
})

describe('search', () => {
  it('finds a term and a statistic from Pagefind’s index', async () => {
    const page = await open('/search/?q=dementia')
    await page.locator('#search-results li').first().waitFor()
    const hrefs = await page.locator('#search-results a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(hrefs.some((href) => href?.startsWith('/statistics/'))).toBe(true)
    await page.close()
  })
})

describe('the whole visit', () => {
  it('logged no console error and asked no other host', () => {
    expect(problems).toEqual([])
    expect([...hosts]).toEqual([origin])
  })
})
