/**
 * Before the first release: a throwaway copy of the project without
 * dist-data/releases/ builds a site that shows the draft, says so on every
 * page, links the draft's files, cites the draft (no date) and has no
 * broken link.
 */
import {existsSync, readFileSync} from 'node:fs'
import {rm} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {apa, bibtex} from '../../pipeline/release/cite.ts'
import {releaseCitation} from '../../pipeline/release/citation.ts'
import {crawl, pagesIn} from '../helpers/links.ts'
import {publication} from '../helpers/releases.ts'
import {removeThrowaway, throwawaySite} from '../helpers/throwaway.ts'

let root: string
let site: string
beforeAll(async () => {
  ;({root, site} = await throwawaySite((copy) => rm(path.join(copy, 'dist-data/releases'), {recursive: true, force: true})))
}, 180_000)
afterAll(() => removeThrowaway(root))

const html = (page: string) => readFileSync(path.join(site, page, 'index.html'), 'utf8')
/** A <pre>'s text as the page shows it. */
const preText = (page: string, id: string) => {
  const raw = new RegExp(`<pre id="${id}">([\\s\\S]*?)</pre>`).exec(html(page))?.[1] ?? ''
  return raw.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')
}

describe('a site with no release yet', () => {
  it('labels every page Draft', () => {
    const pages = pagesIn(site)
    expect(pages.length).toBeGreaterThan(50)
    for (const page of pages) expect(readFileSync(path.join(site, page, page.endsWith('/') ? 'index.html' : ''), 'utf8'), page).toContain('<strong class="tag">Draft</strong>This data is a draft release')
  })

  it('links the draft’s files, serves no /data/latest/, and lists no release', () => {
    expect(html('/datasets/terms/')).toContain('href="/data/draft/terms.csv"')
    expect(html('/datasets/terms/')).not.toMatch(/href="\/data\/(?!draft\/)/)
    expect(existsSync(path.join(site, 'data/latest'))).toBe(false)
    expect(readFileSync(path.join(site, 'data/draft/terms.json')).equals(readFileSync(path.join(root, 'dist-data/draft/terms.json')))).toBe(true)
    expect(html('/releases/')).toContain('No release yet')
    expect(html('/')).toContain('No release yet')
  })

  it('cites the draft, with no date', () => {
    const citation = releaseCitation(publication, 'draft', null)
    expect(preText('/', 'cite-apa-text')).toBe(apa(citation))
    expect(preText('/', 'cite-bibtex-text')).toBe(bibtex(citation))
    expect(apa(citation)).toContain('(n.d.)')
  })

  it('says on record pages that the record is in no release yet', () => {
    const terms: Array<{id: string}> = JSON.parse(readFileSync(path.join(root, 'dist-data/draft/terms.json'), 'utf8'))
    const page = html(`/terms/${terms[0]!.id}/`)
    expect(page).toContain('This page shows the draft')
    expect(page).toContain('This term is in no release yet.')
  })

  it('publishes no catalogue, links none and has no JSON-LD: they describe only released files', () => {
    for (const file of ['catalog.jsonld', 'catalog.ttl', 'data.json']) expect(existsSync(path.join(site, file)), file).toBe(false)
    for (const page of ['/', '/datasets/terms/', '/api/']) {
      expect(html(page), page).not.toContain('rel="alternate"')
      expect(html(page), page).not.toContain('application/ld+json')
      // Absolute once there is an address; none while base_url is null (a relative one would be invalid).
      if (publication.base_url === null) expect(html(page), page).not.toContain('rel="canonical"')
      else expect(html(page), page).toContain(`<link rel="canonical" href="${new URL(page.slice(1), publication.base_url).href}">`)
    }
    expect(html('/api/')).toContain('No catalogue yet')
    const headers = readFileSync(path.join(site, '_headers'), 'utf8')
    expect(headers).not.toMatch(/^\/(catalog|data\.json)/m)
    expect(headers).not.toContain('immutable')
    expect(headers).not.toContain('/data/latest/')
    expect(headers).toContain('/data/draft/*')
  })

  it('offers the draft’s files of every format, and its workbook and database', () => {
    const page = html('/datasets/terms/')
    for (const file of ['terms.csv', 'terms.excel.csv', 'terms.json', 'terms.parquet', 'terms.csv-metadata.json']) {
      if (existsSync(path.join(root, 'dist-data/draft', file))) expect(page, file).toContain(`href="/data/draft/${file}"`)
    }
    for (const suffix of ['.xlsx', '.sqlite', '.metadata.json']) {
      const file = `${publication.name}${suffix}`
      if (existsSync(path.join(root, 'dist-data/draft', file))) expect(html('/'), file).toContain(`href="/data/draft/${file}"`)
    }
  })

  it('has no broken internal link', () => {
    const {checked, broken} = crawl(site)
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(1000)
  })
})
