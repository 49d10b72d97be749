/**
 * dist/_headers, read as Netlify and Cloudflare Pages read it
 * (test/helpers/headers.ts): every published file gets CORS, its content
 * type and the caching its version allows; pages get none of that; no
 * header is set by two rules at once (hosts would join the values). The
 * test server applies the same file, so responses carry the headers too.
 */
import {readFileSync, readdirSync, statSync} from 'node:fs'
import type {Server} from 'node:http'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {headersFor, matches, parseHeaders} from '../helpers/headers.ts'
import {expectedType, newest, versions} from '../helpers/releases.ts'
import {serve, siteOutput} from '../helpers/site.ts'

const text = readFileSync(path.join(siteOutput, '_headers'), 'utf8')
const rules = parseHeaders(text)
/** Every file of the built site as the path it is requested by (_headers is read by the host, not served). */
const served = readdirSync(siteOutput, {recursive: true, encoding: 'utf8'})
  .filter((file) => statSync(path.join(siteOutput, file)).isFile())
  .map((file) => `/${file.split(path.sep).join('/')}`)
  .filter((file) => file !== '/_headers')
const dataFiles = served.filter((file) => file.startsWith('/data/') && !file.endsWith('.html'))
const catalogues: Record<string, string> = {'/catalog.jsonld': 'application/ld+json', '/catalog.ttl': 'text/turtle; charset=utf-8', '/data.json': 'application/json'}

const one = (headers: Map<string, string[]>, name: string) => headers.get(name)?.join(', ')

let server: Server
let origin: string
beforeAll(async () => {
  ;({server, origin} = await serve(siteOutput))
})
afterAll(() => server?.close())

describe('the matcher', () => {
  it('reads * as any characters, / included, and :name as one segment', () => {
    expect(matches('/data/*', '/data/1.0.0/texts/a.json')).toBe(true)
    expect(matches('/data/*.csv', '/data/draft/terms.csv')).toBe(true)
    expect(matches('/data/*.csv', '/data/draft/terms.csv.gz')).toBe(false)
    expect(matches('/data/:version/LICENSE', '/data/1.0.0/LICENSE')).toBe(true)
    expect(matches('/data/:version/LICENSE', '/data/1.0.0/texts/LICENSE')).toBe(false)
    expect(matches('/data/1.0.0/*', '/data/1.0.0.1/x')).toBe(false)
    expect(matches('/catalog.jsonld', '/catalogXjsonld')).toBe(false)
  })
})

describe('_headers', () => {
  it('is within the hosts’ limits: at most 100 rules, lines under 2,000 characters, one * per path', () => {
    expect(rules.length).toBeGreaterThan(0)
    expect(rules.length).toBeLessThanOrEqual(100)
    for (const line of text.split('\n')) expect(line.length).toBeLessThan(2000)
  })

  it('never sets a header twice for one file (a host would join the two values)', () => {
    expect(served.length).toBeGreaterThan(200)
    for (const file of served) for (const [name, values] of headersFor(rules, file)) expect(values, `${file} ${name}`).toHaveLength(1)
  })

  it('gives every published file CORS, its type, and a year’s immutable caching only in a numbered release', () => {
    expect(dataFiles.length).toBeGreaterThan(100)
    for (const file of dataFiles) {
      const headers = headersFor(rules, file)
      const version = file.split('/')[2]!
      expect(one(headers, 'access-control-allow-origin'), file).toBe('*')
      expect(one(headers, 'content-type'), file).toBe(expectedType(file))
      if (versions.includes(version)) expect(one(headers, 'cache-control'), file).toBe('public, max-age=31536000, immutable')
      else {
        expect(['latest', 'draft'], file).toContain(version)
        expect(one(headers, 'cache-control'), file).toMatch(/^public, max-age=\d{1,4}$/)
      }
    }
    for (const version of [...versions, ...(newest ? ['latest'] : []), 'draft']) expect(dataFiles.some((file) => file.startsWith(`/data/${version}/`)), version).toBe(true)
  })

  it('gives the catalogues CORS and their types, and pages and assets neither CORS nor long caching', () => {
    for (const [file, type] of Object.entries(catalogues)) {
      if (!served.includes(file)) continue
      const headers = headersFor(rules, file)
      expect(one(headers, 'access-control-allow-origin'), file).toBe('*')
      expect(one(headers, 'content-type'), file).toBe(type)
    }
    for (const file of served.filter((candidate) => !candidate.startsWith('/data/') && !(candidate in catalogues))) {
      const headers = headersFor(rules, file)
      expect(headers.has('access-control-allow-origin'), file).toBe(false)
      expect(one(headers, 'cache-control') ?? '', file).not.toContain('immutable')
    }
  })

  it('has no rule that matches nothing', () => {
    for (const rule of rules) expect(served.some((file) => matches(rule.path, file)), rule.path).toBe(true)
  })

  it('is applied by the test server as a host would, and the file itself is not served', async () => {
    const csv = dataFiles.find((file) => file.startsWith(`/data/${newest ?? 'draft'}/`) && file.endsWith('.csv'))!
    const response = await fetch(origin + csv)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect((await fetch(`${origin}/_headers`)).status).toBe(404)
  })
})
