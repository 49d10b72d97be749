/**
 * The downloads the pages offer are exactly the files of the version shown:
 * each dataset page lists its CSV, CSV for Excel, JSON and Parquet when
 * present, with size and SHA-256, and links its CSV's CSVW metadata; the
 * home, datasets and dataset pages offer the workbook (first), the SQLite
 * database with a Datasette command, and the Datasette metadata.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {datasets} from '../../pipeline/datasets.ts'
import {bundles, formats, typedFormats} from '../../pipeline/write/formats.ts'
import {shownFolder, shownVersion} from '../helpers/releases.ts'
import {siteOutput} from '../helpers/site.ts'

const html = (page: string) => readFileSync(path.join(siteOutput, page, 'index.html'), 'utf8')
const sha256 = (file: string) => createHash('sha256').update(readFileSync(path.join(shownFolder, file))).digest('hex')
const name = JSON.parse(readFileSync(path.join(shownFolder, 'datapackage.json'), 'utf8')).name as string
const present = (file: string) => existsSync(path.join(shownFolder, file))
/** The rows of a page's downloads table: file linked, and SHA-256 shown. */
const rowsOf = (page: string) => [...(/<caption>Downloads of [\s\S]*?<\/table>/.exec(html(page))?.[0] ?? '').matchAll(/<tr><th scope="row">([^<]+)<\/th><td><a href="([^"]+)"[^>]*>[^<]+<\/a><\/td><td class="number">[^<]+<\/td><td><code>([0-9a-f]{64})<\/code>/g)].map((match) => [match[1], match[2], match[3]])
const bundlesOf = (page: string) => [...(/<section class="bundles"[\s\S]*?<\/section>/.exec(html(page))?.[0] ?? '').matchAll(/<a href="(\/data\/[^"]+)"[\s\S]*?SHA-256 <code>([0-9a-f]{64})<\/code>/g)].map((match) => [match[1], match[2]])

describe('a dataset page’s downloads', () => {
  it.each(datasets.map((dataset) => dataset.name))('%s: every format the version holds, with its SHA-256, and its CSVW metadata', (dataset) => {
    const files = [...formats, ...typedFormats].filter(({suffix}) => present(`${dataset}${suffix}`))
    expect(files.length).toBeGreaterThanOrEqual(3)
    expect(rowsOf(`/datasets/${dataset}/`)).toEqual(files.map(({format, suffix}) => [format, `/data/${shownVersion}/${dataset}${suffix}`, sha256(`${dataset}${suffix}`)]))
    const csvw = `${dataset}.csv-metadata.json`
    const link = `<a href="/data/${shownVersion}/${csvw}" type="application/json">${csvw}</a>`
    if (present(csvw)) expect(html(`/datasets/${dataset}/`)).toContain(link)
    else expect(html(`/datasets/${dataset}/`)).not.toContain('csv-metadata.json')
  })

  it('says who each format is for, the two CSVs as before', () => {
    const page = html('/datasets/terms/')
    expect(page).toContain('<strong>CSV for Excel</strong> has the same rows with three differences')
    if (present('terms.parquet')) expect(page).toContain('<strong>Parquet</strong> is for analysts')
    if (present('terms.csv-metadata.json')) expect(page).toContain('<strong>CSVW metadata</strong> is for')
  })
})

describe('all datasets in one file', () => {
  const expected = bundles.filter(({suffix}) => present(`${name}${suffix}`)).map(({suffix}) => [`/data/${shownVersion}/${name}${suffix}`, sha256(`${name}${suffix}`)])

  it.each(['/', '/datasets/', '/datasets/terms/', '/api/'])('%s offers the workbook first, the database and its Datasette metadata, with their SHA-256', (page) => {
    expect(bundlesOf(page)).toEqual(expected)
    if (expected.length === 0) return
    expect(expected[0]![0]!.endsWith('.xlsx')).toBe(true)
    expect(html(page)).toContain('recommended for spreadsheets')
    if (present(`${name}.sqlite`) && present(`${name}.metadata.json`)) expect(html(page)).toContain(`<code>datasette ${name}.sqlite --metadata ${name}.metadata.json</code>`)
  })
})
