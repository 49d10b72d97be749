/**
 * The catalogues at the site's root, read back with real parsers: the DCAT-AP
 * JSON-LD and data.json with JSON.parse, the Turtle with n3, each equal to
 * what the pipeline makes from the releases; the schema.org JSON-LD of the
 * home and dataset pages; and every address any of them gives resolves to a
 * file or page of the build, a file with the SHA-256 and size they state.
 * Before the first release there is no catalogue (test/site/draft-only.test.ts).
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import type {Server} from 'node:http'
import path from 'node:path'
import {Parser} from 'n3'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {datasets} from '../../pipeline/datasets.ts'
import {urlOf} from '../../pipeline/publish/catalogue.ts'
import {dataJson} from '../../pipeline/publish/data-json.ts'
import {dcatJsonLd, dcatTurtle} from '../../pipeline/publish/dcat.ts'
import {catalogueFromReleases} from '../../pipeline/publish/from-releases.ts'
import {catalogJsonLd, datasetJsonLd} from '../../pipeline/publish/schema-org.ts'
import {canonicalUrl} from '../../site/src/lib/canonical.ts'
import {harvest, jsonLdOf, turtleLinks, unresolved} from '../helpers/harvest.ts'
import {projectRoot} from '../helpers/project.ts'
import {newest, publication} from '../helpers/releases.ts'
import {serve, sitePages, siteOutput} from '../helpers/site.ts'

const catalogue = catalogueFromReleases(projectRoot, publication)
/** What relative addresses in the Turtle resolve against: the address it was fetched from. */
const turtleBase = 'http://site.invalid/'

let server: Server
let origin: string
beforeAll(async () => {
  ;({server, origin} = await serve(siteOutput))
})
afterAll(() => server?.close())

describe.skipIf(!newest)('the catalogues', () => {
  it('are served at the root with their types, and are what the pipeline makes from the releases', async () => {
    const types = {'/catalog.jsonld': 'application/ld+json', '/catalog.ttl': 'text/turtle; charset=utf-8', '/data.json': 'application/json'}
    for (const [url, type] of Object.entries(types)) {
      const response = await fetch(origin + url)
      expect(response.status, url).toBe(200)
      expect(response.headers.get('content-type'), url).toBe(type)
      expect(response.headers.get('access-control-allow-origin'), url).toBe('*')
    }
    expect(JSON.parse(await (await fetch(`${origin}/catalog.jsonld`)).text())).toEqual(dcatJsonLd(catalogue!))
    expect(JSON.parse(await (await fetch(`${origin}/data.json`)).text())).toEqual(dataJson(catalogue!))
    expect(await (await fetch(`${origin}/catalog.ttl`)).text()).toBe(await dcatTurtle(catalogue!))
  })

  it('describe every dataset of the registry in the newest release', () => {
    const data = JSON.parse(readFileSync(path.join(siteOutput, 'data.json'), 'utf8'))
    expect(data.dataset.map((dataset: {identifier: string}) => dataset.identifier).sort()).toEqual(datasets.map((dataset) => dataset.name).sort())
    expect(catalogue!.version).toBe(newest)
  })

  it('give the same downloads in Turtle (read by n3) as in JSON-LD', () => {
    const turtle = readFileSync(path.join(siteOutput, 'catalog.ttl'), 'utf8')
    expect(new Parser({baseIRI: turtleBase}).parse(turtle).length).toBeGreaterThan(100)
    const links = harvest(siteOutput, turtleBase)
    const fromJsonLd = new Set(links.filter((link) => link.from === 'catalog.jsonld dcat:downloadURL').map((link) => new URL(link.url, turtleBase).href))
    const fromTurtle = new Set(turtleLinks(turtle, turtleBase).filter((link) => link.from === 'catalog.ttl downloadURL').map((link) => link.url))
    const files = [...catalogue!.distributions, ...catalogue!.datasets.flatMap((dataset) => [...dataset.distributions, ...dataset.versions.flatMap((version) => version.distributions)])]
    expect([...fromJsonLd].sort()).toEqual(files.map((file) => new URL(urlOf(publication, file.path), turtleBase).href).sort())
    expect([...fromTurtle].sort()).toEqual([...fromJsonLd].sort())
  })

  it('list only addresses that resolve in the built site, every download with its SHA-256 and size', () => {
    const links = harvest(siteOutput, turtleBase)
    // The Turtle's are the JSON-LD's (above); the others state a size, and all but data.json a SHA-256.
    const downloads = links.filter((link) => /downloadURL|contentUrl/.test(link.from) && !link.from.startsWith('catalog.ttl'))
    expect(downloads.length).toBeGreaterThanOrEqual(3 * datasets.length * 2)
    for (const link of downloads) expect(link.bytes, `${link.from} ${link.url}`).toBeGreaterThan(0)
    for (const link of downloads.filter((candidate) => !candidate.from.startsWith('data.json'))) expect(link.sha256, `${link.from} ${link.url}`).toMatch(/^[0-9a-f]{64}$/)
    for (const kind of ['accessURL', 'landingPage', 'data.json landingPage', 'schema.org url']) expect(links.some((link) => link.from.includes(kind)), kind).toBe(true)
    expect(unresolved(siteOutput, links, publication.base_url, turtleBase)).toEqual([])
  })
})

describe.skipIf(!newest)('schema.org JSON-LD', () => {
  it('is on the home page (a DataCatalog) and every dataset page (a Dataset), as the pipeline makes it, and on no other page', async () => {
    expect(jsonLdOf(siteOutput, '/')).toEqual([catalogJsonLd(catalogue!)])
    for (const dataset of catalogue!.datasets) expect(jsonLdOf(siteOutput, `/datasets/${dataset.name}/`), dataset.name).toEqual([datasetJsonLd(catalogue!, dataset)])
    expect(catalogue!.datasets.length).toBe(datasets.length)
    const others = (await sitePages()).filter((page) => page.endsWith('/') && page !== '/' && !/^\/datasets\/[^/]+\/$/.test(page))
    for (const page of others) expect(jsonLdOf(siteOutput, page), page).toEqual([])
  })

  it('gives Google’s required and recommended fields', () => {
    for (const block of [catalogJsonLd(catalogue!), ...catalogue!.datasets.map((dataset) => datasetJsonLd(catalogue!, dataset))]) {
      const description = String(block['description'])
      expect(description.length).toBeGreaterThanOrEqual(50)
      expect(description.length).toBeLessThanOrEqual(5000)
      for (const field of ['name', 'license', 'creator', 'version', 'isAccessibleForFree']) expect(block[field], field).toBeDefined()
    }
    for (const dataset of catalogue!.datasets) {
      const block = datasetJsonLd(catalogue!, dataset) as {distribution: Array<{encodingFormat: string; contentUrl: string}>; variableMeasured: unknown[]}
      expect(block.distribution.length).toBeGreaterThanOrEqual(2)
      for (const download of block.distribution) expect(download.encodingFormat && download.contentUrl).toBeTruthy()
      expect(block.variableMeasured.length).toBeGreaterThan(0)
    }
  })
})

describe('the address checker', () => {
  it('reports an address that finds nothing, one outside the site, and a file with other bytes', () => {
    const file = readdirSync(path.join(siteOutput, 'data/draft')).find((name) => name.endsWith('.csv'))!
    const problems = unresolved(siteOutput, [
      {url: '/data/draft/no-such-file.csv', from: 'a'},
      {url: 'https://elsewhere.example/data/draft/x.csv', from: 'b'},
      {url: `/data/draft/${file}`, from: 'c', sha256: '0'.repeat(64)},
      {url: `/data/draft/${file}`, from: 'd', bytes: 1}
    ], null, turtleBase)
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['a', 'b', 'c', 'd'])
  })
})

describe('head links', () => {
  it('no page names a relative canonical URL: none while there is no base URL, else its own absolute one; the 404 page none', async () => {
    for (const page of await sitePages()) {
      const html = readFileSync(path.join(siteOutput, page, page.endsWith('/') ? 'index.html' : ''), 'utf8')
      // Any element with rel=canonical, whatever its attributes' order, so a changed markup cannot slip past.
      const canonical = [...html.matchAll(/<link\b[^>]*\brel="canonical"[^>]*>/g)].map((match) => match[0].match(/\bhref="([^"]*)"/)?.[1])
      expect(canonical, page).toEqual(page === '/404.html' || publication.base_url === null ? [] : [new URL(page.slice(1), publication.base_url).href])
    }
  })

  it('makes a canonical URL only from an address: absolute under it, else none', () => {
    expect(canonicalUrl(null, '/terms/nhs/')).toBeNull()
    expect(canonicalUrl(null, '/')).toBeNull()
    expect(canonicalUrl('https://data.example.org/', '/terms/nhs/')).toBe('https://data.example.org/terms/nhs/')
    expect(canonicalUrl('https://data.example.org/icb/', '/')).toBe('https://data.example.org/icb/')
    expect(canonicalUrl('https://data.example.org/icb/', '/terms/nhs/')).toBe('https://data.example.org/icb/terms/nhs/')
  })

  it('every page links the catalogues for autodiscovery, with their types, once they exist', async () => {
    const expected = newest ? [['application/ld+json', '/catalog.jsonld'], ['text/turtle', '/catalog.ttl'], ['application/json', '/data.json']] : []
    for (const page of await sitePages()) {
      const html = readFileSync(path.join(siteOutput, page, page.endsWith('/') ? 'index.html' : ''), 'utf8')
      const alternates = [...html.matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)"/g)].map((match) => [match[1], match[2]])
      expect(alternates, page).toEqual(expected)
    }
    for (const [, url] of expected) expect(existsSync(path.join(siteOutput, url!)), url).toBe(true)
  })
})
