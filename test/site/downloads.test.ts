/** Every download link returns exactly the bytes of its dist-data/ file, with the right type. */
import {readFileSync} from 'node:fs'
import type {Server} from 'node:http'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {projectRoot} from '../helpers/project.ts'
import {serve, sitePages, siteOutput} from '../helpers/site.ts'

const draft = path.join(projectRoot, 'dist-data/draft')
let server: Server
let origin: string
beforeAll(async () => {
  ;({server, origin} = await serve(siteOutput))
})
afterAll(() => server?.close())

describe('downloads', () => {
  it('every /data/ link on every page returns the bytes of dist-data/, with a matching type attribute', async () => {
    const links = new Map<string, string | null>()
    for (const page of await sitePages()) {
      const html = await (await fetch(origin + page)).text()
      for (const match of html.matchAll(/<a [^>]*href="(\/data\/[^"]+)"[^>]*>/g)) {
        links.set(match[1]!, /type="([^"]+)"/.exec(match[0])?.[1] ?? null)
      }
    }
    expect(links.size).toBeGreaterThanOrEqual(25)
    for (const [href, type] of links) {
      const response = await fetch(origin + href)
      expect(response.status, href).toBe(200)
      const bytes = Buffer.from(await response.arrayBuffer())
      expect(bytes.equals(readFileSync(path.join(draft, href.slice('/data/draft/'.length)))), href).toBe(true)
      const served = response.headers.get('content-type') ?? ''
      if (type) expect(served.startsWith(type), `${href}: ${served} vs ${type}`).toBe(true)
    }
  })

  it('serves every file of the draft release under /data/draft/, schema/ and texts/ included', async () => {
    const {readdirSync, statSync} = await import('node:fs')
    const files = readdirSync(draft, {recursive: true, encoding: 'utf8'}).filter((file) => statSync(path.join(draft, file)).isFile())
    expect(files.some((file) => file.startsWith(`schema${path.sep}`))).toBe(true)
    expect(files.some((file) => file.startsWith(`texts${path.sep}`))).toBe(true)
    for (const file of files) {
      const response = await fetch(`${origin}/data/draft/${file.split(path.sep).join('/')}`)
      expect(response.status, file).toBe(200)
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(path.join(draft, file))), file).toBe(true)
    }
  })
})
