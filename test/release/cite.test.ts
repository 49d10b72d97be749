/**
 * The four forms of a citation, read back by a client that can disagree:
 * citation-js parses our BibTeX, RIS and CSL-JSON, and formats APA from our
 * CSL-JSON for comparison with our own APA text.
 */
// @ts-expect-error citation-js ships no type declarations
import {Cite as UntypedCite} from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-csl'
import '@citation-js/plugin-ris'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {apa, bibtex, citationKey, cslJson, ris, type Citation} from '../../pipeline/release/cite.ts'

interface CslItem {
  [variable: string]: unknown
  title?: string
  author?: Array<Record<string, string>>
  issued?: {'date-parts': number[][]}
}
const Cite = UntypedCite as new (data: unknown) => {format: (format: string, options?: Record<string, unknown>) => unknown}
const read = (input: unknown) => new Cite(input).format('data', {format: 'object'}) as CslItem[]
const citationJsApa = (input: unknown) => String(new Cite(input).format('bibliography', {format: 'text', template: 'apa'})).trim()

const publisher = 'Kent and Medway ICS Open Data'
const release: Citation = {
  key: 'kent-and-medway-ics-open-data-1.0.0',
  publisher,
  title: 'Kent and Medway integrated care system – open data',
  version: '1.0.0',
  date: '2026-12-02',
  url: 'https://example.org/releases/1.0.0/',
  doi: '10.5281/zenodo.123'
}
// Every character BibTeX treats specially, plus "£", "–", and a `--` and `''` that LaTeX would make a dash and a quote.
const hardTitle = "Bed days & 5% of £86m – {A_b} in $ #3 ~^\\ a--b ''c''"
const record: Citation = {...release, key: 'kent-and-medway-ics-open-data-1.0.0-bed-days', title: hardTitle, container: release.title, url: 'https://example.org/records/a_b/%20#x', doi: null}
const hardRelease: Citation = {...release, title: `NHS {Kent} & Medway: ${hardTitle}`}
const draft: Citation = {...release, version: 'draft', date: null, url: null, doi: null}
const cases = {release, record, 'release with a hard title': hardRelease}

describe('bibtex', () => {
  it('should write a @misc entry with a corporate author, protected capitals and no empty field', () => {
    expect(bibtex(release)).toBe(
      [
        '@misc{kent-and-medway-ics-open-data-1.0.0,',
        '  author = {{Kent and Medway ICS Open Data}},',
        '  title = {{Kent} and {Medway} integrated care system – open data},',
        '  howpublished = {Dataset, version 1.0.0},',
        '  version = {1.0.0},',
        '  year = {2026},',
        '  month = dec,',
        '  publisher = {{Kent and Medway ICS Open Data}},',
        '  url = {https://example.org/releases/1.0.0/},',
        '  doi = {10.5281/zenodo.123},',
        '}',
        ''
      ].join('\n')
    )
  })

  it('should escape the special characters and keep the braces balanced', () => {
    const title = bibtex(record).split('\n').find((line) => line.startsWith('  title = '))
    expect(title).toBe('  title = {{Bed} days \\& 5\\% of £86m – {\\textbraceleft{}A\\_b\\textbraceright{}} in \\$ \\#3 \\textasciitilde{}\\textasciicircum{}\\textbackslash{} a-{}-b \'{}\'c\'{}\'},')
    for (const citation of Object.values(cases)) {
      const depths = [...bibtex(citation)].reduce((depth, char) => depth + (char === '{' ? 1 : char === '}' ? -1 : 0), 0)
      expect(depths).toBe(0)
    }
  })

  it.each(Object.entries(cases))('should be read back by citation-js: %s', (_, citation) => {
    const [item, ...rest] = read(bibtex(citation))
    expect(rest).toEqual([])
    expect(item!.title).toBe(citation.title)
    // citation-js keeps a braced name whole, as a family name with no given name.
    expect(item!.author).toEqual([{family: publisher}])
    expect(item!['publisher']).toBe(publisher)
    expect(item!.issued).toEqual({'date-parts': [[2026, 12]]}) // BibTeX's year and month: no day
    expect(item!['version']).toBe('1.0.0')
    expect(item!['URL']).toBe(citation.url)
    expect(item!['DOI']).toBe(citation.doi ?? undefined)
    expect(item!['container-title']).toBe(citation.container)
    expect(item!['id']).toBe(citation.key)
  })

  it('should read back any title over BibTeX special characters, "£", "–" and capitals', () => {
    const title = fc.stringMatching(/^[A-Za-z0-9 &%$#_{}~^\\£–\-.,:;()'"`!?<>@=*+[\]|/]{1,40}$/).filter((text) => text.trim() !== '')
    fc.assert(
      fc.property(title, (text) => {
        const [item] = read(bibtex({...release, title: text}))
        expect(item!.title).toBe(text.replace(/\s+/g, ' ').trim())
      }),
      {numRuns: 200}
    )
  })
})

describe('ris', () => {
  it('should write RIS with CRLF line ends, TY first and ER last', () => {
    expect(ris(release)).toBe(
      [
        'TY  - DATA',
        'AU  - Kent and Medway ICS Open Data',
        'TI  - Kent and Medway integrated care system – open data',
        'PY  - 2026',
        'DA  - 2026/12/02/',
        'ET  - 1.0.0',
        'PB  - Kent and Medway ICS Open Data',
        'UR  - https://example.org/releases/1.0.0/',
        'DO  - 10.5281/zenodo.123',
        'ID  - kent-and-medway-ics-open-data-1.0.0',
        'ER  - ',
        ''
      ].join('\r\n')
    )
    for (const citation of [...Object.values(cases), draft]) {
      const text = ris(citation)
      expect(text).not.toMatch(/[^\r]\n|\r(?!\n)/)
      expect(text.split('\r\n').slice(0, -1).every((line) => /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true)
    }
  })

  it('should name the container in T2 for a record', () => {
    expect(ris(record)).toContain('\r\nT2  - Kent and Medway integrated care system – open data\r\n')
  })

  it.each(Object.entries(cases))('should be read back by citation-js: %s', (_, citation) => {
    const [item, ...rest] = read(ris(citation))
    expect(rest).toEqual([])
    expect(item!['type']).toBe('dataset')
    expect(item!.title).toBe(citation.title)
    expect(item!.author).toEqual([{literal: publisher}])
    expect(item!['publisher']).toBe(publisher)
    expect(item!.issued).toEqual({'date-parts': [[2026, 12, 2]]})
    expect(item!['version']).toBe('1.0.0')
    expect(item!['URL']).toBe(citation.url)
    expect(item!['DOI']).toBe(citation.doi ?? undefined)
    expect(item!['id']).toBe(citation.key)
  })
})

describe('cslJson', () => {
  it('should write a CSL-JSON dataset item with the publisher as a literal name', () => {
    expect(cslJson(record)).toEqual({
      id: 'kent-and-medway-ics-open-data-1.0.0-bed-days',
      type: 'dataset',
      title: hardTitle,
      'container-title': release.title,
      author: [{literal: publisher}],
      publisher,
      version: '1.0.0',
      issued: {'date-parts': [[2026, 12, 2]]},
      URL: 'https://example.org/records/a_b/%20#x'
    })
  })

  it.each(Object.entries({...cases, draft}))('should be taken by citation-js as it is: %s', (_, citation) => {
    expect(read(cslJson(citation))).toEqual([cslJson(citation)])
  })

  // citation-js's APA template differs from APA 7 in two ways, and from us in
  // two more: it writes "[Dataset]" where APA 7 writes "[Data set]"; it repeats
  // the publisher after the title, where APA 7 leaves out a publisher that is
  // the author; it writes a draft's version as "(Version draft)", ours "(Draft)";
  // and its CSL processor curls the title's straight quotes (here only `'`).
  const tolerated = (text: string) =>
    text
      .replace(' [Dataset].', ' [Data set].')
      .replace(/ Kent and Medway ICS Open Data\.(?= https:|$)/, '')
      .replace('(Version draft)', '(Draft)')
      .replace(/[“”‘’]/g, "'")

  it.each(Object.entries({...cases, draft, 'release without a DOI': {...release, doi: null}, 'release without an address': {...release, url: null, doi: null}}))(
    'should agree with citation-js formatting APA from our CSL-JSON, but for the tolerated differences: %s',
    (_, citation) => {
      const theirs = citationJsApa(cslJson(citation))
      expect(tolerated(theirs)).toBe(apa(citation))
      expect(theirs).not.toBe(apa(citation)) // the differences are still there: drop a tolerance when one goes
    }
  )
})

describe('apa', () => {
  it('should write an APA 7 data set reference, the DOI in place of the address', () => {
    expect(apa(release)).toBe('Kent and Medway ICS Open Data. (2026). Kent and Medway integrated care system – open data (Version 1.0.0) [Data set]. https://doi.org/10.5281/zenodo.123')
    expect(apa({...release, doi: null})).toBe('Kent and Medway ICS Open Data. (2026). Kent and Medway integrated care system – open data (Version 1.0.0) [Data set]. https://example.org/releases/1.0.0/')
  })

  it('should cite a record as part of the publication', () => {
    expect(apa(record)).toBe(`Kent and Medway ICS Open Data. (2026). ${hardTitle} [Data set]. In Kent and Medway integrated care system – open data (Version 1.0.0). https://example.org/records/a_b/%20#x`)
  })

  it('should not add a second full stop after a publisher that ends in one', () => {
    expect(apa({...release, publisher: 'Example Ltd.'})).toMatch(/^Example Ltd\. \(2026\)\. /)
  })
})

describe('what is not known', () => {
  const variants = {'no address': {...release, url: null}, 'no DOI': {...release, doi: null}, draft, 'no address or DOI': {...release, url: null, doi: null}, 'blank address': {...release, url: ' ', doi: ''}}

  it.each(Object.entries(variants))('should leave out, never leave empty: %s', (_, citation) => {
    expect(bibtex(citation)).not.toMatch(/= *\{ *\}|= *,/)
    expect(ris(citation).split('\r\n').filter((line) => /^[A-Z][A-Z0-9] {2}- *$/.test(line))).toEqual(['ER  - '])
    expect(Object.values(cslJson(citation)).filter((value) => value === null || value === undefined || value === '')).toEqual([])
    expect(apa(citation)).not.toMatch(/ {2}|\(\)|\. \.|undefined|null/)
    if (!citation.url?.trim()) {
      expect(bibtex(citation)).not.toContain('url =')
      expect(ris(citation)).not.toContain('UR  -')
      expect(cslJson(citation)).not.toHaveProperty('URL')
    }
    if (!citation.doi?.trim()) {
      expect(bibtex(citation)).not.toContain('doi =')
      expect(ris(citation)).not.toContain('DO  -')
      expect(cslJson(citation)).not.toHaveProperty('DOI')
    }
  })

  it('should give a draft no date, and "(n.d.)" in APA', () => {
    expect(bibtex(draft)).not.toMatch(/year =|month =/)
    expect(ris(draft)).not.toMatch(/PY {2}-|DA {2}-/)
    expect(cslJson(draft)).not.toHaveProperty('issued')
    expect(apa(draft)).toBe('Kent and Medway ICS Open Data. (n.d.). Kent and Medway integrated care system – open data (Draft) [Data set].')
    expect(read(bibtex(draft))[0]).not.toHaveProperty('issued')
    expect(read(ris(draft))[0]).not.toHaveProperty('issued')
  })

  it('should refuse a date that is not YYYY-MM-DD', () => {
    for (const date of ['2026-13-01', '2026-12-2', '02/12/2026', '']) {
      expect(() => bibtex({...release, date})).toThrow(/YYYY-MM-DD/)
      expect(() => apa({...release, date})).toThrow(/YYYY-MM-DD/)
    }
  })
})

describe('keys and determinism', () => {
  it('should make a safe key from any text', () => {
    expect(citationKey('kent-and-medway-1.0.0')).toBe('kent-and-medway-1.0.0')
    expect(citationKey('Kent & Medway / 1.0.0 — draft')).toBe('Kent-Medway-1.0.0-draft')
    expect(citationKey('Café_records:2026')).toBe('Cafe_records:2026')
    expect(citationKey('{a},b%c#d~e\\f"g\'h i\nj')).toBe('a-b-c-d-e-f-g-h-i-j')
    expect(citationKey('')).toBe('citation')
    expect(citationKey('—/—')).toBe('citation')
    fc.assert(fc.property(fc.string(), (text) => /^[A-Za-z0-9_:.-]+$/.test(citationKey(text)) && citationKey(citationKey(text)) === citationKey(text)))
  })

  it('should use the safe key in every form', () => {
    const citation = {...release, key: 'kent & medway/1.0.0 {x}, "y"'}
    expect(bibtex(citation)).toMatch(/^@misc\{kent-medway-1\.0\.0-x-y,\n/)
    expect(ris(citation)).toContain('\r\nID  - kent-medway-1.0.0-x-y\r\n')
    expect(cslJson(citation)['id']).toBe('kent-medway-1.0.0-x-y')
    expect(read(bibtex(citation))[0]!['id']).toBe('kent-medway-1.0.0-x-y')
  })

  it('should give the same text for the same citation', () => {
    for (const citation of [...Object.values(cases), draft]) {
      const copy = structuredClone(citation)
      expect(bibtex(copy)).toBe(bibtex(citation))
      expect(ris(copy)).toBe(ris(citation))
      expect(JSON.stringify(cslJson(copy))).toBe(JSON.stringify(cslJson(citation)))
      expect(apa(copy)).toBe(apa(citation))
    }
  })
})
