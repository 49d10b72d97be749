/**
 * What each page of a built site costs a reader at load: its HTML, and the
 * CSS and JavaScript it loads at once (stylesheets, module scripts and the
 * modules they import statically), each gzipped as a server sends it.
 * Grouped by kind of page, the heaviest of each kind first. Files fetched
 * later on request (a table's rows.json, the search index) are not counted.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {gzipSync} from 'node:zlib'

/** Issue 13's target: gzipped bytes of a page with the CSS and JS it loads. */
export const pageWeightTarget = 50_000

export interface PageWeight {
  /** URL path of the page. */
  page: string
  kind: string
  /** Gzipped bytes: the HTML, and the CSS and JavaScript it loads. */
  html: number
  assets: number
  total: number
}

/** A page's kind: home, a list (`terms`), a list's later page (`terms/<page>`), a record (`terms/<id>`), a dataset's table page, a release's changes to a dataset (`releases/<id>/changes/<id>`). */
export function kindOf(page: string): string {
  const parts = page.split('/').filter(Boolean)
  if (parts.length === 0) return 'home'
  if (parts.includes('pages')) return `${parts[0]}/<page>`
  // A deeper page (a release's changes to one dataset) keeps its fixed segments: `releases/<id>/changes/<id>`.
  if (parts.length > 2) return parts.map((part, index) => (index % 2 === 0 ? part : '<id>')).join('/')
  return parts.length > 1 ? `${parts[0]}/<id>` : parts[0]!
}

/** Every HTML page of the site in `folder` with its weight. */
export function pageWeights(folder: string): PageWeight[] {
  const gzipped = new Map<string, number>()
  const sizeOf = (file: string) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(folder, file)), {level: 6}).length)
    return gzipped.get(file)!
  }
  const pages = readdirSync(folder, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
  return pages.map((file) => {
    const html = readFileSync(path.join(folder, file), 'utf8')
    const page = `/${file.split(path.sep).join('/').replace(/index\.html$/, '')}`
    const assets = [...loadedAssets(folder, html)].reduce((sum, asset) => sum + sizeOf(asset), 0)
    const htmlBytes = gzipSync(html, {level: 6}).length
    return {page, kind: kindOf(page), html: htmlBytes, assets, total: htmlBytes + assets}
  })
}

/** The stylesheets and scripts a page loads at once, and every module those scripts import statically, as paths in `folder`. */
function loadedAssets(folder: string, html: string): Set<string> {
  const found = new Set<string>()
  const queue = [...html.matchAll(/<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="(\/[^"]+)"/g)].map((match) => match[1]!.slice(1))
  while (queue.length > 0) {
    const file = queue.pop()!
    if (found.has(file)) continue
    found.add(file)
    if (!file.endsWith('.js')) continue
    const code = readFileSync(path.join(folder, file), 'utf8')
    // Static imports only: `import(…)` loads on demand.
    for (const match of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^"'()]*?from\s*)?["']([^"']+\.js)["']/g)) queue.push(path.posix.join(path.posix.dirname(file), match[1]!))
  }
  return found
}

/** The heaviest page of each kind, heaviest kind first. */
export function heaviestByKind(weights: readonly PageWeight[]): PageWeight[] {
  const heaviest = new Map<string, PageWeight>()
  for (const weight of weights) if ((heaviest.get(weight.kind)?.total ?? -1) < weight.total) heaviest.set(weight.kind, weight)
  return [...heaviest.values()].sort((a, b) => b.total - a.total || a.kind.localeCompare(b.kind))
}
