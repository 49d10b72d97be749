/**
 * Every page of the built site in Chromium at a phone's 320 px and a
 * desktop's 1,280 px: none is wider than the screen, and no visible text is
 * smaller than 12 px on screen (charts and diagrams included); screenshots of
 * one page of each kind at 320 px.
 */
import {mkdirSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {kindOf} from '../../bench/page-weight.ts'
import {projectRoot} from '../helpers/project.ts'
import {overflowOf, renderAll, smallTextOf} from '../helpers/screen.ts'
import {servedSite, sitePages} from '../helpers/site.ts'

const screenshots = path.join(projectRoot, 'test-results/screenshots/320')
const site = servedSite()
beforeAll(() => {
  mkdirSync(screenshots, {recursive: true})
})

/** A file name for a kind of page: `terms/<id>` → `terms-id`. */
const fileOf = (kind: string) => kind.replace(/[^a-z0-9.]+/gi, '-').replace(/-$/, '')

describe.each([320, 1280])('at %i px wide', (width) => {
  it('no page is wider than the screen and no text is smaller than 12 px', {timeout: 600_000}, async () => {
    const context = await site.browser.newContext({viewport: {width, height: 800}})
    const page = await context.newPage()
    const wide: string[] = []
    const small: string[] = []
    const kinds = new Set<string>()
    const pages = await sitePages()
    for (const url of pages) {
      await page.goto(site.origin + url)
      await renderAll(page)
      const overflow = await overflowOf(page)
      if (overflow > 0) wide.push(`${url}: ${overflow} px too wide`)
      for (const text of await smallTextOf(page, 12)) small.push(`${url}: ${text}`)
      if (width === 320 && !kinds.has(kindOf(url))) {
        kinds.add(kindOf(url))
        await page.screenshot({path: path.join(screenshots, `${fileOf(kindOf(url))}.png`), fullPage: true})
      }
    }
    console.log(`${width} px: ${pages.length} pages, ${wide.length} too wide, ${small.length} texts under 12 px`)
    expect(wide).toEqual([])
    expect(small.slice(0, 20)).toEqual([])
    await context.close()
  })
})

describe('the check itself', () => {
  it('finds text a viewBox shrinks below 12 px, small HTML text and a page wider than the screen', async () => {
    const context = await site.browser.newContext({viewport: {width: 320, height: 600}})
    const page = await context.newPage()
    await page.setContent('<p style="font-size:16px">Readable</p><svg viewBox="0 0 760 100" width="100%"><text x="0" y="50" font-size="14">Shrunk</text></svg><p style="font-size:10px">Tiny</p><div style="width:400px">Wide</div>')
    const small = await smallTextOf(page, 12)
    expect(small.map((text) => text.replace(/^[\d.]+ px: /, ''))).toEqual(['Shrunk', 'Tiny'])
    expect(await overflowOf(page)).toBeGreaterThan(0)
    await context.close()
  })
})
