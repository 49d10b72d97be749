/**
 * What pages say, read from the built HTML against the data shown: every
 * code of the published schemas has a label and no page shows a code as its
 * text; the glossary shows each term's definition; record pages give their
 * dataset's downloads, their row, their own JSON and how to cite them; and the
 * text a search index reads separates each label from its value.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {codedColumns} from '../../site/src/lib/labels.ts'
import {shorten} from '../../site/src/lib/format.ts'
import {shownFolder} from '../helpers/releases.ts'
import {sitePages, siteOutput} from '../helpers/site.ts'

const json = (name: string) => JSON.parse(readFileSync(path.join(shownFolder, name), 'utf8'))
const records = (name: string): Array<Record<string, unknown>> => json(`${name}.json`)
const html = (url: string) => readFileSync(path.join(siteOutput, url, url.endsWith('/') ? 'index.html' : ''), 'utf8')
/** HTML as text: markup and entities folded, as a search index reads it. */
const decode = (text: string) => text.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'")
/** The published schemas of one record (not of a whole file). */
const schemas = readdirSync(path.join(shownFolder, 'schema')).filter((file) => file.endsWith('.schema.json') && !file.endsWith('.json.schema.json')).map((file) => `schema/${file}`)
/** Every coded column of the published record schemas, with its codes. */
const enums = schemas.flatMap((file) => Object.entries((json(file).properties ?? {}) as Record<string, {enum?: unknown[]}>).filter(([, property]) => property.enum).map(([column, property]) => ({column, codes: property.enum!.filter((code): code is string => typeof code === 'string')})))

describe('codes', () => {
  it('every code of every published schema has a label', () => {
    expect(enums.length).toBeGreaterThan(0)
    for (const {column, codes} of enums) for (const code of codes) expect(codedColumns[column]?.[code], `${column}: ${code}`).toBeTruthy()
  })

  it('no table shows a code: each cell of a coded column reads as its label', () => {
    let checked = 0
    for (const name of readdirSync(path.join(siteOutput, 'datasets')).filter((entry) => !entry.includes('.'))) {
      const index = JSON.parse(readFileSync(path.join(siteOutput, 'datasets', name, 'rows.json'), 'utf8')) as {columns: Array<{name: string}>; rows: Array<{cells: Array<{t: string}>}>}
      for (const [position, column] of index.columns.entries()) {
        const codes = new Set(enums.filter((coded) => coded.column === column.name).flatMap((coded) => coded.codes))
        if (codes.size === 0) continue
        for (const row of index.rows) {
          const text = row.cells[position]!.t
          if (text !== '') checked++
          expect(codes.has(text), `${name} ${column.name}: ${text}`).toBe(false)
        }
      }
    }
    expect(checked).toBeGreaterThan(0)
  })

  it('no page shows a hyphenated code as the text of an element, and organisations read by their type’s and sector’s labels', async () => {
    const hyphenated = new Set(enums.flatMap(({codes}) => codes).filter((code) => code.includes('-')))
    const shown: string[] = []
    for (const page of await sitePages()) {
      // The record's own JSON is data, shown as data.
      const text = html(page).replace(/<pre class="record-json">[\s\S]*?<\/pre>/g, '')
      // A link's or code's text may be an id, which can spell like a code (a term `integrated-care-board`).
      for (const match of text.matchAll(/(<(?:a|code)\b[^>]*)?>([a-z][a-z-]*)</g)) if (!match[1] && hyphenated.has(match[2]!)) shown.push(`${page}: ${match[2]}`)
    }
    expect(shown).toEqual([])
    for (const organisation of records('organisations')) {
      const page = decode(html(`/organisations/${String(organisation['id'])}/`).replace(/<[^>]+>/g, ''))
      for (const column of ['type', 'sector']) expect(page, String(organisation['id'])).toContain(codedColumns[column]![String(organisation[column])]!)
    }
  })
})

describe('the glossary', () => {
  it('shows each defined term’s first definition beside it, across its pages', async () => {
    const glossary = (await sitePages()).filter((page) => page === '/terms/' || page.startsWith('/terms/pages/')).map((page) => decode(html(page))).join('\n')
    const definitions = records('term-definitions')
    expect(definitions.length).toBeGreaterThan(0)
    for (const term of records('terms')) {
      const first = definitions.find((definition) => definition['term'] === term['id'])
      if (first) expect(glossary, String(term['id'])).toContain(`“${shorten(String(first['quote']), 240)}”`)
    }
  })
})

describe('record pages', () => {
  const pages: Array<[string, string, string]> = [
    ['terms', '/terms/', 'terms'],
    ['organisations', '/organisations/', 'organisations'],
    ['statistics', '/statistics/', 'statistics'],
    ['documents', '/sources/', 'documents']
  ]
  it.each(pages)('%s: the dataset’s downloads, the row, the record as JSON, then how to cite it', (name, prefix) => {
    for (const record of records(name)) {
      const page = html(`${prefix}${String(record['id'])}/`)
      const data = page.indexOf('id="data"')
      expect(data, String(record['id'])).toBeGreaterThan(-1)
      expect(page.indexOf('id="cite"')).toBeGreaterThan(data)
      expect(page.slice(data)).toMatch(new RegExp(`href="/data/[^"]+/${name}\\.csv"`))
      expect(page.slice(data)).toContain(`#${String(record['id'])}">its row in the table</a>`)
      const shown = /<pre class="record-json">([\s\S]*?)<\/pre>/.exec(page)?.[1]
      expect(JSON.parse(decode(shown ?? 'null'))).toEqual(record)
    }
  })

  it('the text a search index reads puts a separator between each label and its value', async () => {
    const recordPages = (await sitePages()).filter((page) => /^\/(statistics|organisations|sources)\/[^/]+\/$/.test(page) && !page.includes('/pages/'))
    expect(recordPages.length).toBeGreaterThan(0)
    for (const page of recordPages) {
      // A search index runs a list's terms and values together (Pagefind does): "Value528,000Unitpeople".
      for (const match of html(page).matchAll(/<dt>([\s\S]*?)<\/dt>/g)) expect(decode(match[1]!.replace(/<[^>]+>/g, '')), page).toMatch(/: $/)
      for (const match of html(page).matchAll(/<dd>([\s\S]*?)<\/dd>/g)) expect(decode(match[1]!.replace(/<[^>]+>/g, '')), page).toMatch(/\s$/)
    }
  })
})
