/**
 * The built site, served on 127.0.0.1 as a static host serves it (with the
 * headers its _headers file gives), and Debian's Chromium driven by
 * playwright-core. Nothing is downloaded: the browser is /usr/bin/chromium.
 */
import {execFile} from 'node:child_process'
import {readFile, stat} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {promisify} from 'node:util'
import {gzipSync} from 'node:zlib'
import {chromium, type Browser} from 'playwright-core'
import {afterAll, beforeAll} from 'vitest'
import {headersFor, parseHeaders, type Rule} from './headers.ts'
import {projectRoot} from './project.ts'

const run = promisify(execFile)
export const siteOutput = path.join(projectRoot, 'dist')

/** Build the site as `npm run site` does: Astro, then Pagefind's index (on this Node, which is 24 inside npm scripts). */
export async function buildSite(): Promise<void> {
  const env = {...process.env, ASTRO_TELEMETRY_DISABLED: '1'}
  await run(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {cwd: projectRoot, env})
  await run(process.execPath, [path.join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', 'dist', '--silent'], {cwd: projectRoot, env})
}

/** Every HTML page of the built site, as its URL path (`/terms/place/`). */
export async function sitePages(): Promise<string[]> {
  const {readdir} = await import('node:fs/promises')
  const files = await readdir(siteOutput, {recursive: true})
  return files
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`)
    .sort()
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml'
}

/**
 * Serve a folder as a static host would: `/x/` → `/x/index.html`, a type by
 * extension, then the headers of every _headers rule that matches (joined, as
 * hosts join them). With `gzip`, text is sent gzipped to a client that asks,
 * as hosts send it (for Lighthouse, whose slow network counts bytes sent).
 */
export async function serve(folder: string, {gzip = false} = {}): Promise<{server: Server; origin: string}> {
  const rules: Rule[] = await readFile(path.join(folder, '_headers'), 'utf8').then(parseHeaders, () => [])
  const extra = (pathname: string) => Object.fromEntries([...headersFor(rules, pathname)].map(([name, values]) => [name, values.join(', ')]))
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    // Hosts read _headers; they do not serve it.
    let file = path.join(folder, pathname === '/_headers' ? '/no-such-file' : pathname)
    if (!file.startsWith(folder)) return void response.writeHead(403).end()
    if (await stat(file).then((info) => info.isDirectory(), () => false)) file = path.join(file, 'index.html')
    try {
      const body = await readFile(file)
      const type = types[path.extname(file)] ?? 'application/octet-stream'
      if (gzip && /^(text\/|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
        return void response.writeHead(200, {'content-type': type, 'content-encoding': 'gzip', vary: 'Accept-Encoding', ...extra(pathname)}).end(gzipSync(body))
      }
      response.writeHead(200, {'content-type': type, ...extra(pathname)}).end(body)
    } catch {
      // As static hosts do: the site's own 404 page, with status 404.
      const notFound = await readFile(path.join(folder, '404.html')).catch(() => Buffer.from('Not found'))
      response.writeHead(404, {'content-type': 'text/html; charset=utf-8'}).end(notFound)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`}
}

/** Debian's Chromium, headless, with no background traffic. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}

/** For a test file: the built site served and Chromium launched before its tests, both closed after them. */
export function servedSite(): {readonly browser: Browser; readonly origin: string} {
  const state = {} as {browser: Browser; origin: string; server: Server}
  beforeAll(async () => {
    ;({server: state.server, origin: state.origin} = await serve(siteOutput))
    state.browser = await launchBrowser()
  })
  afterAll(async () => {
    await state.browser?.close()
    state.server?.close()
  })
  return state
}
