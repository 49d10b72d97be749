/**
 * Every file URL under /data/ returns exactly the bytes of its dist-data/
 * file: every release at /data/<version>/, the newest at /data/latest/, the
 * draft at /data/draft/. Links say the type the endpoint serves.
 */
import {readFileSync} from 'node:fs'
import type {Server} from 'node:http'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {draftFolder, expectedType, newest, servedFiles, servedFolder, shownVersion, versions} from '../helpers/releases.ts'
import {serve, sitePages, siteOutput} from '../helpers/site.ts'
import {GET, getStaticPaths} from '../../site/src/pages/data/[version]/[...file].ts'


let server: Server
let origin: string
beforeAll(async () => {
  ;({server, origin} = await serve(siteOutput))
})
afterAll(() => server?.close())

describe('downloads', () => {
  it('every /data/ link on every page returns the bytes of its dist-data/ file; its type attribute is the type served', async () => {
    const links = new Map<string, string | null>()
    for (const page of await sitePages()) {
      const html = await (await fetch(origin + page)).text()
      // Files, not the draft's page (/data/draft/).
      for (const match of html.matchAll(/<a [^>]*href="(\/data\/[^"]*[^/"])"[^>]*>/g)) {
        links.set(match[1]!, /type="([^"]+)"/.exec(match[0])?.[1] ?? null)
      }
    }
    expect(links.size).toBeGreaterThanOrEqual(25)
    for (const [href, type] of links) {
      const [, version, file] = /^\/data\/([^/]+)\/(.+)$/.exec(href)!
      const response = await fetch(origin + href)
      expect(response.status, href).toBe(200)
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(path.join(servedFolder(version!), file!))), href).toBe(true)
      if (type) expect(expectedType(file!).startsWith(type), `${href}: ${type}`).toBe(true)
    }
  })

  it('dataset pages link downloads of the version shown', async () => {
    const html = await (await fetch(`${origin}/datasets/terms/`)).text()
    const hrefs = [...html.matchAll(/href="(\/data\/[^"]+)"/g)].map((match) => match[1]!)
    expect(hrefs).toContain(`/data/${shownVersion}/terms.csv`)
    expect(hrefs.every((href) => href.startsWith(`/data/${shownVersion}/`)), hrefs.join(' ')).toBe(true)
  })

  it('serves every file of every release, the newest again under /data/latest/, and the draft, byte for byte', async () => {
    const files = servedFiles()
    for (const version of versions) expect(files.some(({url}) => url.startsWith(`/data/${version}/`))).toBe(true)
    if (newest) expect(files.some(({url}) => url === `/data/latest/SHA256SUMS`)).toBe(true)
    expect(files.some(({url}) => url.startsWith('/data/draft/schema/'))).toBe(true)
    expect(files.some(({url}) => url.startsWith('/data/draft/texts/'))).toBe(true)
    for (const {url, file} of files) {
      const response = await fetch(origin + url)
      expect(response.status, url).toBe(200)
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(file)), url).toBe(true)
    }
    expect(draftFolder).toBe(servedFolder('draft'))
  })

  it('the endpoint gives each file its content type and exactly its bytes', async () => {
    const paths = (await getStaticPaths({} as never)) as Array<{params: {version: string; file: string}}>
    expect(paths.map(({params}) => `/data/${params.version}/${params.file}`).sort()).toEqual(servedFiles().map(({url}) => url).sort())
    for (const {params} of paths) {
      const response = await GET({params} as never)
      expect(response.headers.get('content-type'), params.file).toBe(expectedType(params.file))
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(path.join(servedFolder(params.version), params.file))), params.file).toBe(true)
    }
  })
})
