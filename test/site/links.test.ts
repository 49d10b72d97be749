/** A crawl of the built site: every internal link and anchor (source line anchors included) resolves. */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {sitePages, siteOutput} from '../helpers/site.ts'

function fileOf(urlPath: string): string {
  const direct = path.join(siteOutput, urlPath)
  return urlPath.endsWith('/') ? path.join(direct, 'index.html') : direct
}

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!))
}

describe('internal links', () => {
  it('every href to this site, with its #anchor, finds its page and element', async () => {
    const pages = await sitePages()
    const ids = new Map<string, Set<string>>()
    const broken: string[] = []
    let checked = 0
    for (const page of pages) {
      const html = readFileSync(fileOf(page), 'utf8')
      ids.set(page, idsOf(html))
      for (const match of html.matchAll(/\shref="([^"]+)"/g)) {
        const href = match[1]!.replaceAll('&amp;', '&')
        if (/^[a-z]+:/i.test(href)) continue
        const url = new URL(href, `http://site${page}`)
        const target = decodeURIComponent(url.pathname)
        checked++
        if (!existsSync(fileOf(target))) {
          broken.push(`${page} → ${href}`)
          continue
        }
        const fragment = decodeURIComponent(url.hash.slice(1))
        if (fragment === '') continue
        if (!ids.has(target)) ids.set(target, idsOf(readFileSync(fileOf(target), 'utf8')))
        if (!ids.get(target)!.has(fragment)) broken.push(`${page} → ${href} (no #${fragment})`)
      }
    }
    console.log(`link crawl: ${pages.length} pages, ${checked} internal links checked, ${broken.length} broken`)
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(1000)
  })
})
