/**
 * What a harvester finds in a built site: every address the catalogues
 * (catalog.jsonld, catalog.ttl, data.json) and the pages' schema.org JSON-LD
 * give, with the checksum or size they state, and whether each resolves to a
 * file or page of the build with those bytes.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {Parser} from 'n3'
import {pagesIn} from './links.ts'

export interface Link {
  url: string
  /** Where it was found, e.g. `catalog.jsonld dcat:downloadURL`. */
  from: string
  sha256?: string
  bytes?: number
}

const dcat = 'http://www.w3.org/ns/dcat#'
const linkProperties = ['dcat:downloadURL', 'dcat:accessURL', 'dcat:landingPage', 'foaf:homepage']
const read = (site: string, file: string) => readFileSync(path.join(site, file), 'utf8')

/** The JSON-LD blocks of a built page (`/datasets/terms/`), parsed. */
export function jsonLdOf(site: string, page: string): Array<Record<string, unknown>> {
  const html = read(site, path.join(page, 'index.html'))
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>)
}

/** Every address in the DCAT JSON-LD, each download with its SHA-256 and size. */
export function dcatLinks(document: unknown): Link[] {
  const links: Link[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (value === null || typeof value !== 'object') return
    const node = value as Record<string, any>
    for (const property of linkProperties) {
      for (const target of [node[property] ?? []].flat() as Array<{'@id': string}>) {
        const download = property === 'dcat:downloadURL'
        links.push({url: target['@id'], from: `catalog.jsonld ${property}`, ...(download ? {sha256: node['spdx:checksum']?.['spdx:checksumValue']?.['@value'], bytes: Number(node['dcat:byteSize']?.['@value'])} : {})})
      }
    }
    Object.values(node).forEach(visit)
  }
  visit(document)
  return links
}

/** Every address in data.json: landing pages, and downloads with their size. */
export function dataJsonLinks(document: {dataset: Array<{landingPage: string; distribution: Array<{downloadURL: string; byteSize: number}>}>}): Link[] {
  return document.dataset.flatMap((dataset) => [
    {url: dataset.landingPage, from: 'data.json landingPage'},
    ...dataset.distribution.map((distribution) => ({url: distribution.downloadURL, from: 'data.json downloadURL', bytes: distribution.byteSize}))
  ])
}

/** Every address in a page's schema.org JSON-LD: its url, the catalogue's, each dataset's, and each download with its SHA-256. */
export function schemaOrgLinks(blocks: Array<Record<string, any>>, page: string): Link[] {
  return blocks.flatMap((block) => [
    {url: block['url'], from: `${page} schema.org url`},
    ...(block['includedInDataCatalog'] ? [{url: block['includedInDataCatalog'].url, from: `${page} schema.org includedInDataCatalog`}] : []),
    ...((block['dataset'] ?? []) as Array<{url: string}>).map((dataset) => ({url: dataset.url, from: `${page} schema.org dataset url`})),
    ...((block['distribution'] ?? []) as Array<{contentUrl: string; sha256: string; contentSize: string}>).map((download) => ({url: download.contentUrl, from: `${page} schema.org contentUrl`, sha256: download.sha256, bytes: Number.parseInt(download.contentSize)}))
  ])
}

/** The objects of every DCAT link property in the Turtle, resolved against `base`. */
export function turtleLinks(turtle: string, base: string): Link[] {
  const quads = new Parser({baseIRI: base}).parse(turtle)
  const predicates = new Set(['downloadURL', 'accessURL', 'landingPage'].map((name) => `${dcat}${name}`))
  return quads.filter((quad) => predicates.has(quad.predicate.value)).map((quad) => ({url: quad.object.value, from: `catalog.ttl ${quad.predicate.value.slice(dcat.length)}`}))
}

/** Every link the built site's catalogues and pages give. */
export function harvest(site: string, turtleBase: string): Link[] {
  const pages = pagesIn(site).filter((page) => page.endsWith('/'))
  return [
    ...dcatLinks(JSON.parse(read(site, 'catalog.jsonld'))),
    ...turtleLinks(read(site, 'catalog.ttl'), turtleBase),
    ...dataJsonLinks(JSON.parse(read(site, 'data.json'))),
    ...pages.flatMap((page) => schemaOrgLinks(jsonLdOf(site, page), page))
  ]
}

/**
 * The problems with links in a built site: an address outside the site
 * (under `baseUrl`, or root-relative while it has none), one that finds no
 * file or page, or a file whose SHA-256 or size differs from what is stated.
 */
export function unresolved(site: string, links: readonly Link[], baseUrl: string | null, turtleBase: string): string[] {
  const problems: string[] = []
  for (const link of links) {
    const url = link.url
    const root = baseUrl ?? turtleBase
    const local = baseUrl === null && url.startsWith('/') ? url : url.startsWith(root) ? `/${url.slice(root.length)}` : null
    if (local === null) {
      problems.push(`${link.from}: ${url} is not under ${baseUrl ?? 'the site root'}`)
      continue
    }
    const pathname = decodeURIComponent(new URL(local, 'http://site').pathname)
    const file = path.join(site, pathname, pathname.endsWith('/') ? 'index.html' : '')
    if (!existsSync(file) || !statSync(file).isFile()) {
      problems.push(`${link.from}: ${url} finds nothing`)
      continue
    }
    const bytes = readFileSync(file)
    if (link.sha256 !== undefined && createHash('sha256').update(bytes).digest('hex') !== link.sha256) problems.push(`${link.from}: ${url} has another SHA-256`)
    if (link.bytes !== undefined && bytes.length !== link.bytes) problems.push(`${link.from}: ${url} is ${bytes.length} bytes, not ${link.bytes}`)
  }
  return problems
}
