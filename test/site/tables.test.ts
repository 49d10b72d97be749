/**
 * Dataset tables at any size: the static pages hold every row once, in the
 * dataset's order, at most `pageSize` a page, linked first to last; rows.json
 * holds every row; in the browser, filter and sort work over every row, keep
 * their state in the URL (a link restores it), and put empty values last in
 * either direction; a later page reads without JavaScript.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {pageSize, pageUrl} from '../../site/src/lib/paging.ts'
import {shownFolder} from '../helpers/releases.ts'
import {servedSite, siteOutput} from '../helpers/site.ts'

const records = (name: string): Array<Record<string, unknown>> => JSON.parse(readFileSync(path.join(shownFolder, `${name}.json`), 'utf8'))
/** The datasets of the version shown: the JSON files its datapackage.json lists. */
const published: string[] = JSON.parse(readFileSync(path.join(shownFolder, 'datapackage.json'), 'utf8'))
  .resources.map((resource: {path: string}) => resource.path)
  .filter((file: string) => /^[a-z-]+\.json$/.test(file) && file !== 'datapackage.json')
  .map((file: string) => file.replace(/\.json$/, ''))
const html = (url: string) => readFileSync(path.join(siteOutput, url, 'index.html'), 'utf8')
/** Ids of the rows of the data table on a built page, in order. */
const rowIds = (page: string) => [...(/<table data-table[\s\S]*?<\/table>/.exec(page)?.[0] ?? '').matchAll(/<tr id="([^"]+)"/g)].map((match) => match[1])

const site = servedSite()

describe('static pages of a table', () => {
  it.each(published)('%s: every row once, in order, at most a page’s worth a page, each page linked to the next', (name) => {
    const ids = records(name).map((record) => String(record['id']))
    const pages = Math.max(1, Math.ceil(ids.length / pageSize))
    const shown: string[] = []
    for (let number = 1; number <= pages; number++) {
      const page = html(pageUrl(`/datasets/${name}/`, number))
      const here = rowIds(page)
      expect(here.length, `page ${number}`).toBeLessThanOrEqual(pageSize)
      shown.push(...(here as string[]))
      if (number < pages) expect(page).toContain(`href="${pageUrl(`/datasets/${name}/`, number + 1)}" rel="next"`)
      if (number > 1) expect(page).toContain(`rel="prev"`)
      // Every page offers every row at once, as a download.
      expect(page).toMatch(new RegExp(`class="whole-table"[\\s\\S]*?href="/data/[^"]+/${name}\\.csv"`))
      expect(page, 'a space between the words and the first file').toMatch(/class="whole-table">[^<]*in one file: <a /)
    }
    expect(shown).toEqual(ids)
  })

  it.each(published)('%s: rows.json holds every row with its cells', (name) => {
    const index = JSON.parse(readFileSync(path.join(siteOutput, 'datasets', name, 'rows.json'), 'utf8')) as {columns: unknown[]; rows: Array<{id: string; cells: unknown[]}>}
    expect(index.rows.map((row) => row.id)).toEqual(records(name).map((record) => String(record['id'])))
    for (const row of index.rows) expect(row.cells.length).toBe(index.columns.length)
  })
})

describe('filter and sort in the browser', () => {
  // The dataset with the most rows that has a numeric column with empty cells, to sort.
  const sortable = published
    .map((name) => ({name, rows: records(name)}))
    .flatMap(({name, rows}) => Object.keys(rows[0] ?? {}).filter((column) => rows.some((row) => typeof row[column] === 'number') && rows.some((row) => row[column] === null)).map((column) => ({name, column, rows})))
    .sort((a, b) => b.rows.length - a.rows.length)[0]

  it.skipIf(!sortable)('sorts every row by a number, empty values last in both directions, and keeps the order in the URL', async () => {
    const {name, column, rows} = sortable!
    const context = await site.browser.newContext()
    const page = await context.newPage()
    const values = async () => {
      const position = await page.locator('table[data-table] thead th').evaluateAll((headers, wanted) => headers.findIndex((header) => (header as HTMLElement).dataset['column'] === wanted), column)
      return page.locator(`table[data-table] tbody tr td:nth-child(${position + 1})`).evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).dataset['sort'] ?? ''))
    }
    const numbers = rows.map((row) => row[column]).filter((value): value is number => typeof value === 'number')
    const expected = (descending: boolean) => [...numbers.sort((a, b) => (descending ? b - a : a - b)), ...rows.filter((row) => row[column] === null).map(() => '')].slice(0, pageSize).map(String)
    for (const order of ['ascending', 'descending']) {
      // Loaded from its address alone: the URL holds the state.
      await page.goto(`${site.origin}/datasets/${name}/?sort=${column}&order=${order}`)
      await page.waitForFunction((wanted) => document.querySelector(`th[aria-sort="${wanted}"]`) !== null && /sorted by/.test(document.querySelector('.filter [role="status"]')?.textContent ?? ''), order, {timeout: 10_000})
      expect(await values(), order).toEqual(expected(order === 'descending'))
      // Each header reads once: its button, not the button and the plain text kept for pages without scripts.
      expect(await page.locator(`table[data-table] thead th[data-column="${column}"] button`).isVisible()).toBe(true)
      expect(await page.locator('table[data-table] thead [data-without-script]:visible').count()).toBe(0)
    }
    await context.close()
  })

  it('filters across every page of the largest table, and a link restores the filter', async () => {
    const name = published.toSorted((a, b) => records(b).length - records(a).length)[0]!
    const last = records(name).at(-1)!
    // A word from the last row only the whole table has on the first page: its id.
    const word = String(last['id'])
    const context = await site.browser.newContext()
    const page = await context.newPage()
    await page.goto(`${site.origin}/datasets/${name}/`)
    await page.locator('.filter input').fill(word)
    await page.waitForFunction(() => /rows match/.test(document.querySelector('.filter [role="status"]')?.textContent ?? ''), undefined, {timeout: 10_000})
    expect(rowIdsIn(await page.locator('table[data-table]').innerHTML())).toContain(word)
    const url = page.url()
    expect(new URL(url).searchParams.get('q')).toBe(word)
    const again = await context.newPage()
    await again.goto(url)
    await again.waitForFunction(() => /rows match/.test(document.querySelector('.filter [role="status"]')?.textContent ?? ''), undefined, {timeout: 10_000})
    expect(await again.locator('.filter input').inputValue()).toBe(word)
    expect(rowIdsIn(await again.locator('table[data-table]').innerHTML())).toContain(word)
    await context.close()
  })

  it('says so when the rows cannot be loaded, and keeps the page’s own rows and pages', async () => {
    const name = published[0]!
    const context = await site.browser.newContext()
    const page = await context.newPage()
    await page.route('**/rows.json', (route) => route.abort())
    await page.goto(`${site.origin}/datasets/${name}/`)
    const before = await page.locator('table[data-table] tbody tr').count()
    await page.locator('.filter input').fill('a')
    await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('.filter [role="status"]')?.textContent ?? ''), undefined, {timeout: 10_000})
    expect(await page.locator('table[data-table] tbody tr').count()).toBe(before)
    await context.close()
  })

  it('a later page of a table reads without JavaScript', async () => {
    const name = published.find((candidate) => records(candidate).length > pageSize)
    if (!name) return
    const context = await site.browser.newContext({javaScriptEnabled: false})
    const page = await context.newPage()
    await page.goto(`${site.origin}${pageUrl(`/datasets/${name}/`, 2)}`)
    expect(await page.locator('table[data-table] tbody tr').count()).toBe(Math.min(pageSize, records(name).length - pageSize))
    // The filter box and the sort buttons are in the page but shown only where scripts run; the headers read as text.
    expect(await page.locator('.filter').isVisible()).toBe(false)
    expect(await page.locator('table[data-table] thead button:visible').count()).toBe(0)
    expect(await page.locator('table[data-table] thead th').first().innerText()).toBe('id')
    await context.close()
  })
})

const rowIdsIn = (table: string) => [...table.matchAll(/<tr id="([^"]+)"/g)].map((match) => match[1])
