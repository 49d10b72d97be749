/** A crawl of a built site's HTML: every internal link and #anchor must find its file and element. */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'

/** Every HTML page under `folder` (Pagefind's own excluded), as its URL path. */
export function pagesIn(folder: string): string[] {
  return readdirSync(folder, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .map((file) => `/${file.split(path.sep).join('/').replace(/index\.html$/, '')}`)
    .sort()
}

const idsOf = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!))

export function crawl(folder: string): {pages: number; checked: number; broken: string[]} {
  const fileOf = (urlPath: string) => (urlPath.endsWith('/') ? path.join(folder, urlPath, 'index.html') : path.join(folder, urlPath))
  const pages = pagesIn(folder)
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
  return {pages: pages.length, checked, broken}
}
