/**
 * Once the site has an address: a throwaway build whose
 * sources/publication.yml sets base_url publishes sitemap.xml (valid XML,
 * every page once, every URL absolute under the address and resolving in
 * that build) and names it in robots.txt; canonical URLs, the catalogues'
 * and the schema.org blocks' addresses and the API examples are absolute
 * under it, and every one resolves. The real build, with no address, has no
 * sitemap and says why in robots.txt.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {SaxesParser} from 'saxes'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {harvest, unresolved} from '../helpers/harvest.ts'
import {pagesIn} from '../helpers/links.ts'
import {newest, publication, shownVersion} from '../helpers/releases.ts'
import {siteOutput} from '../helpers/site.ts'
import {removeThrowaway, throwawaySite} from '../helpers/throwaway.ts'

const base = 'https://data.example.org/'
let root: string
let site: string
beforeAll(async () => {
  ;({root, site} = await throwawaySite((copy) => {
    const file = path.join(copy, 'sources/publication.yml')
    const yaml = readFileSync(file, 'utf8')
    if (!/^base_url: null$/m.test(yaml)) throw new Error('sources/publication.yml has no `base_url: null` line to set')
    writeFileSync(file, yaml.replace(/^base_url: null$/m, `base_url: ${base}`))
  }))
}, 180_000)
afterAll(() => removeThrowaway(root))

const read = (file: string) => readFileSync(path.join(site, file), 'utf8')
/** The site path a URL under the address points at, or null outside it. */
const local = (url: string) => (url.startsWith(base) ? `/${url.slice(base.length)}` : null)
const resolves = (url: string) => {
  const pathname = local(url)
  return pathname !== null && existsSync(path.join(site, pathname, pathname.endsWith('/') ? 'index.html' : ''))
}

/** The <loc>s of a sitemap, read by a strict XML parser that checks the namespace. */
function locsOf(xml: string): string[] {
  const parser = new SaxesParser({xmlns: true})
  const locs: string[] = []
  const open: string[] = []
  let root = ''
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    if (open.length === 0) root = `${tag.uri} ${tag.local}`
    open.push(tag.local)
  })
  parser.on('closetag', () => void open.pop())
  parser.on('text', (text) => {
    if (open.at(-1) === 'loc' && open.at(-2) === 'url') locs.push(text)
  })
  parser.write(xml).close()
  expect(root).toBe('http://www.sitemaps.org/schemas/sitemap/0.9 urlset')
  return locs
}

describe('a site with an address', () => {
  it('publishes sitemap.xml: valid XML listing every page once, each absolute under the address and resolving', () => {
    const locs = locsOf(read('sitemap.xml'))
    const pages = pagesIn(site).filter((page) => page !== '/404.html')
    expect(pages.length).toBeGreaterThan(50)
    expect(locs).toEqual(pages.map((page) => new URL(page.slice(1), base).href))
    expect(new Set(locs).size).toBe(locs.length)
    for (const loc of locs) expect(resolves(loc), loc).toBe(true)
    expect(locs).toContain(`${base}api/`)
  })

  it('names the sitemap in robots.txt', () => {
    expect(read('robots.txt')).toMatch(new RegExp(`^Sitemap: ${base}sitemap\\.xml$`, 'm'))
    expect(read('robots.txt')).toMatch(/^User-agent: \*\nAllow: \/$/m)
  })

  it('gives every page an absolute canonical URL under the address, and absolute autodiscovery links', () => {
    for (const page of pagesIn(site).filter((candidate) => candidate !== '/404.html')) {
      const html = read(path.join(page, 'index.html'))
      expect([...html.matchAll(/<link rel="canonical" href="([^"]+)">/g)].map((match) => match[1]), page).toEqual([new URL(page.slice(1), base).href])
      if (newest) expect([...html.matchAll(/<link rel="alternate" type="[^"]+" href="([^"]+)"/g)].map((match) => match[1]), page).toEqual(['catalog.jsonld', 'catalog.ttl', 'data.json'].map((file) => `${base}${file}`))
    }
  })

  it.skipIf(!newest)('lists in its catalogues and schema.org blocks only absolute addresses under it, each resolving with its SHA-256 and size', () => {
    const links = harvest(site, base)
    expect(links.length).toBeGreaterThan(100)
    expect(links.filter((link) => !link.url.startsWith(base))).toEqual([])
    expect(unresolved(site, links, base, base)).toEqual([])
  })

  it('gives the API examples’ absolute addresses', () => {
    const api = read('api/index.html')
    expect(api).toContain(`curl -fsSLO &#39;${base}data/${shownVersion}/terms.csv&#39;`)
    expect(api).not.toContain('no public address')
  })
})

describe.skipIf(publication.base_url !== null)('the site without an address', () => {
  it('has no sitemap, and robots.txt says why', () => {
    expect(existsSync(path.join(siteOutput, 'sitemap.xml'))).toBe(false)
    const robots = readFileSync(path.join(siteOutput, 'robots.txt'), 'utf8')
    expect(robots).toMatch(/^User-agent: \*\nAllow: \/$/m)
    expect(robots).not.toMatch(/^Sitemap:/m)
    expect(robots).toContain('# No sitemap yet: the sitemap protocol needs absolute URLs')
  })
})
