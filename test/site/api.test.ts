/**
 * /api/: it lists every endpoint with the shown version's real addresses, and
 * each copy-paste example that can run on this machine is run against the
 * built files: DuckDB always (its SQL with the address replaced by the built
 * file's path, as DuckDB needs its httpfs extension, from the network, to
 * fetch), curl against the local test server when /usr/bin/curl exists,
 * pandas only if python3 can import it, R only if Rscript exists. An example
 * that cannot run here is skipped, and says so.
 */
import {execFile, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import type {Server} from 'node:http'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {DuckDBInstance} from '@duckdb/node-api'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {urlOf} from '../../pipeline/publish/catalogue.ts'
import {newest, publication, shownFolder, shownVersion} from '../helpers/releases.ts'
import {serve, siteOutput} from '../helpers/site.ts'

const html = readFileSync(path.join(siteOutput, 'api/index.html'), 'utf8')
const unescape = (text: string) => text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')
/** An example's code as the page shows it. */
const example = (id: string) => unescape(new RegExp(`<pre id="example-${id}-code">([\\s\\S]*?)</pre>`).exec(html)?.[1] ?? '')
const csvUrl = urlOf(publication, `data/${shownVersion}/terms.csv`)
const rows = (JSON.parse(readFileSync(path.join(shownFolder, 'terms.json'), 'utf8')) as unknown[]).length
/** Every address of a data file in an example, as it appears there. */
const addresses = (code: string) => [...code.matchAll(/'((?:https?:\/\/[^/']+)?\/data\/[^']+)'/g)].map((match) => match[1]!)
const sitePath = (url: string) => (url.startsWith('/') ? url : `/${url.slice(publication.base_url!.length)}`)

// Asynchronous: the test server answers from this process, so nothing may block it.
const run = promisify(execFile)
const can = (command: string, args: string[]) => spawnSync(command, args, {stdio: 'ignore'}).status === 0
const hasCurl = existsSync('/usr/bin/curl')
const hasPandas = can('python3', ['-c', 'import pandas'])
const hasR = can('Rscript', ['--version'])
console.log(`API examples run here: DuckDB yes, curl ${hasCurl ? 'yes' : 'no (no /usr/bin/curl)'}, pandas ${hasPandas ? 'yes' : 'no (python3 cannot import pandas)'}, R ${hasR ? 'yes' : 'no (no Rscript)'}`)

let server: Server
let origin: string
let work: string
beforeAll(async () => {
  ;({server, origin} = await serve(siteOutput))
  work = mkdtempSync(path.join(tmpdir(), 'icb-api-'))
})
afterAll(() => {
  server?.close()
  if (work) rmSync(work, {recursive: true, force: true})
})

describe('the API page', () => {
  it('gives every endpoint with the shown version’s addresses', () => {
    for (const endpoint of [`data/${shownVersion}/datapackage.json`, `data/${shownVersion}/schema/terms.schema.json`, `data/${shownVersion}/terms.csv`]) expect(html, endpoint).toContain(`<code>${urlOf(publication, endpoint)}</code>`)
    expect(html).toContain(`${urlOf(publication, 'data/')}draft/&lt;file&gt;`)
    if (newest) {
      expect(html).toContain(`${urlOf(publication, 'data/')}latest/&lt;file&gt;`)
      for (const file of ['catalog.jsonld', 'catalog.ttl', 'data.json']) expect(html, file).toContain(`<code>${urlOf(publication, file)}</code>`)
    }
    if (existsSync(path.join(shownFolder, 'terms.csv-metadata.json'))) expect(html).toContain(urlOf(publication, `data/${shownVersion}/terms.csv-metadata.json`))
    for (const id of ['curl', 'pandas', 'r', 'duckdb']) expect(addresses(example(id)), id).toContain(csvUrl)
  })

  it('is linked from the navigation, the footer and About', () => {
    expect(readFileSync(path.join(siteOutput, 'index.html'), 'utf8').match(/href="\/api\/"/g)?.length).toBeGreaterThanOrEqual(2)
    expect(readFileSync(path.join(siteOutput, 'about/index.html'), 'utf8')).toContain('<a href="/api/">API page</a>')
  })
})

describe('the examples, run against the built files', () => {
  /** Run an example's SQL in DuckDB, each address replaced by the built file's path: the last statement's rows. */
  async function duckdb(id: string): Promise<unknown> {
    const connection = await (await DuckDBInstance.create(':memory:')).connect()
    let sql = example(id)
    for (const url of addresses(sql)) sql = sql.replaceAll(url, path.join(siteOutput, sitePath(url)))
    let last: unknown = []
    for (const statement of sql.split(/;\s*\n/).map((part) => part.trim()).filter(Boolean)) last = (await connection.runAndReadAll(statement)).getRowObjectsJson()
    connection.closeSync()
    return last
  }

  it('DuckDB: the SQL loads every row of the dataset', async () => {
    expect(await duckdb('duckdb')).toEqual([{rows: String(rows)}])
  })

  it.skipIf(!existsSync(path.join(shownFolder, 'terms.parquet')))('DuckDB: the Parquet query counts every row', async () => {
    expect(addresses(example('duckdb-parquet'))).toEqual([urlOf(publication, `data/${shownVersion}/terms.parquet`)])
    expect(await duckdb('duckdb-parquet')).toEqual([{rows: String(rows)}])
  })

  it.skipIf(!hasCurl)('curl: downloads the file from the server byte for byte (and checks it against SHA256SUMS)', async () => {
    let script = example('curl')
    for (const url of addresses(script)) script = script.replaceAll(url, origin + sitePath(url))
    await run('bash', ['-euo', 'pipefail', '-c', script], {cwd: work})
    expect(readFileSync(path.join(work, 'terms.csv')).equals(readFileSync(path.join(shownFolder, 'terms.csv')))).toBe(true)
    if (newest) expect(script).toContain('sha256sum --check')
  })

  it.skipIf(!hasPandas)('pandas: reads every row', async () => {
    let code = example('pandas')
    for (const url of addresses(code)) code = code.replaceAll(url, origin + sitePath(url))
    expect((await run('python3', ['-c', code], {encoding: 'utf8'})).stdout.trim()).toBe(String(rows))
  })

  it.skipIf(!hasR)('R: reads every row', async () => {
    let code = example('r')
    for (const url of addresses(code)) code = code.replaceAll(url, origin + sitePath(url))
    expect((await run('Rscript', ['-e', code], {encoding: 'utf8'})).stdout.trim()).toBe(`[1] ${rows}`)
  })
})
