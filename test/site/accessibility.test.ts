/**
 * axe (WCAG 2.0 to 2.2, A and AA, `target-size` included) on every page of
 * the built site, not a sample: each page type, each record, each later page
 * of a table or list.
 */
import {describe, expect, it} from 'vitest'
import {axe} from '../helpers/axe.ts'
import {renderAll} from '../helpers/screen.ts'
import {servedSite, sitePages} from '../helpers/site.ts'

const site = servedSite()

describe('axe', () => {
  it('finds no violation on any page', {timeout: 900_000}, async () => {
    const context = await site.browser.newContext()
    const page = await context.newPage()
    const violations: string[] = []
    const pages = await sitePages()
    for (const url of pages) {
      await page.goto(site.origin + url)
      await renderAll(page)
      for (const violation of await axe(page)) violations.push(`${url} ${violation}`)
    }
    console.log(`axe: ${pages.length} pages, ${violations.length} violations`)
    expect(violations).toEqual([])
    await context.close()
  })
})
