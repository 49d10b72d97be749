/**
 * The DCAT-AP 3.0.1 catalogue (pipeline/publish/dcat.ts), for a made-up
 * catalogue of two datasets in two releases, with and without a base URL:
 * its JSON-LD expands with nothing fetched, its Turtle parses and is the same
 * graph, relative addresses resolve against the document's own, every file is
 * a distribution, and it conforms to our shapes (dcat-shapes.ttl) and to
 * DCAT-AP's own SHACL, both the generated and the hand-written sets
 * (test/fixtures/specs/dcat-ap-3.0.1/); dropping a mandatory property is a
 * violation in each.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import rdf from '@zazuko/env'
import jsonld from 'jsonld'
import {Parser, Writer, type Quad} from 'n3'
import SHACLValidator from 'rdf-validate-shacl'
import {describe, expect, it} from 'vitest'
import {urlOf, type Catalogue, type Distribution} from '../../pipeline/publish/catalogue.ts'
import {contexts, dcatJsonLd, dcatTurtle, documentLoader, ns} from '../../pipeline/publish/dcat.ts'
import type {Publication} from '../../pipeline/publication.ts'
import {projectRoot} from '../helpers/project.ts'

const specs = path.join(projectRoot, 'test/fixtures/specs/dcat-ap-3.0.1')
const ownShapes = path.join(projectRoot, 'pipeline/publish/dcat-shapes.ttl')
const sh = 'http://www.w3.org/ns/shacl#'
const base = 'https://data.example.org/'
/** Where a harvester might fetch the catalogue from while the site has no base URL. */
const fetchedFrom = 'https://example.org/data/1.1.0/catalogue.ttl'

// ---------------------------------------------------------------------------
// A made-up catalogue: two datasets, two releases, workbook and database.

const sha = (seed: number) => seed.toString(16).padStart(2, '0').repeat(32)

function files(version: string, name: string, title: string, seed: number): Distribution[] {
  return [
    {title: `${title} (CSV)`, path: `data/${version}/${name}.csv`, mediaType: 'text/csv', format: 'CSV', bytes: 1200 + seed, sha256: sha(seed)},
    {title: `${title} (JSON)`, path: `data/${version}/${name}.json`, mediaType: 'application/json', format: 'JSON', bytes: 3400 + seed, sha256: sha(seed + 1)},
    {title: `${title} (Parquet)`, path: `data/${version}/${name}.parquet`, mediaType: 'application/vnd.apache.parquet', format: 'Parquet', bytes: 900 + seed, sha256: sha(seed + 2)}
  ]
}

function catalogueOf(baseUrl: string | null, contact: Partial<Publication['contact']> = {}): Catalogue {
  const publication: Publication = {
    name: 'example-ics-open-data',
    title: 'Example integrated care system – open data',
    description: 'Made-up datasets about a made-up integrated care system.\nA second line, with "quotes".',
    base_url: baseUrl,
    repository: null,
    version: '1.1.0',
    date: '2026-01-15',
    publisher: {name: 'Example ICS Open Data'},
    contact: {name: 'Example editors', email: null, url: null, note: 'No contact address exists yet.', ...contact},
    licences: {
      data: {id: 'OGL-UK-3.0', title: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', file: 'LICENSE-DATA', attribution: 'Contains public sector information licensed under the Open Government Licence v3.0.'},
      code: {id: 'MIT', title: 'MIT License', url: 'https://opensource.org/license/mit', file: 'LICENSE'}
    },
    doi: {concept: null, versions: {}},
    keywords: ['open data', 'NHS', 'integrated care systems'],
    language: 'en-GB'
  }
  return {
    publication,
    version: '1.1.0',
    issued: '2025-03-01',
    modified: '2025-03-01',
    datasets: [
      {
        name: 'terms', title: 'Terms', description: 'Terms and what they mean.', keywords: ['glossary', 'terms', 'glossary'],
        page: 'datasets/terms/', version: '1.1.0', issued: '2025-03-01', modified: '2025-03-01',
        temporal: {start: '2022-07-01', end: '2024-12-31'}, spatial: 'Kent and Medway',
        distributions: files('1.1.0', 'terms', 'Terms', 16), columns: [],
        versions: [{version: '1.0.0', date: '2025-01-15', distributions: files('1.0.0', 'terms', 'Terms', 32)}]
      },
      {
        name: 'organisations', title: 'Organisations', description: 'Organisations named in the documents.', keywords: [],
        page: 'datasets/organisations/', version: '1.1.0', issued: '2025-03-01', modified: '2025-01-15',
        temporal: null, spatial: 'Kent and Medway',
        distributions: files('1.1.0', 'organisations', 'Organisations', 48), columns: [],
        versions: [{version: '1.0.0', date: '2025-01-15', distributions: files('1.0.0', 'organisations', 'Organisations', 64)}]
      }
    ],
    distributions: [
      {title: 'Every dataset (Excel workbook)', path: 'data/1.1.0/example-ics-open-data.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', format: 'XLSX', bytes: 56000, sha256: sha(128)},
      {title: 'Every dataset (SQLite database)', path: 'data/1.1.0/example-ics-open-data.sqlite', mediaType: 'application/vnd.sqlite3', format: 'SQLite', bytes: 78000, sha256: sha(144)}
    ]
  }
}

const relative = catalogueOf(null)
const absolute = catalogueOf(base)

/** Every file the catalogue knows of, as the address a distribution gives it. */
function fileUrls(catalogue: Catalogue): string[] {
  const paths = [
    ...catalogue.datasets.flatMap((dataset) => [...dataset.distributions, ...dataset.versions.flatMap((version) => version.distributions)]),
    ...catalogue.distributions
  ].map((file) => file.path)
  return paths.map((sitePath) => urlOf(catalogue.publication, sitePath)).sort()
}

// ---------------------------------------------------------------------------
// RDF helpers: nothing is ever fetched.

/** jsonld 9 as it behaves (its @types lag: a loader's `contextUrl` may be null, RDFC-1.0 exists, canonize takes N-Quads). */
type Loader = (url: string) => Promise<{contextUrl: null; documentUrl: string; document: unknown}>
const ld = jsonld as unknown as {
  expand(input: object, options: {base?: string | null; documentLoader: Loader; safe?: boolean}): Promise<object[]>
  toRDF(input: object, options: {base: string | null; documentLoader: Loader; safe: boolean; format: 'application/n-quads'}): Promise<string>
  canonize(input: string, options: {inputFormat: 'application/n-quads'; format: 'application/n-quads'; algorithm: 'RDFC-1.0'}): Promise<string>
}

const fetched: string[] = []
/** The project's loader, recording every URL jsonld asks for. */
const loader = (url: string) => {
  fetched.push(url)
  return documentLoader(url)
}

async function jsonLdQuads(document: unknown, documentBase: string | null): Promise<Quad[]> {
  const nquads = await ld.toRDF(document as object, {base: documentBase, documentLoader: loader, safe: true, format: 'application/n-quads'})
  return new Parser({format: 'N-Quads'}).parse(nquads)
}

function turtleQuads(turtle: string, baseIRI?: string): Quad[] {
  return new Parser({format: 'Turtle', ...(baseIRI ? {baseIRI} : {})}).parse(turtle)
}

function nquadsOf(quads: Quad[]): string {
  const writer = new Writer({format: 'N-Quads'})
  writer.addQuads(quads)
  let out = ''
  writer.end((error, result: string) => {
    if (error) throw error
    out = result
  })
  return out
}

const sortedLines = (text: string) => text.split('\n').filter(Boolean).sort()

async function canonical(quads: Quad[]): Promise<string> {
  return await ld.canonize(nquadsOf(quads), {inputFormat: 'application/n-quads', format: 'application/n-quads', algorithm: 'RDFC-1.0'})
}

const objects = (quads: Quad[], subject: string | null, predicate: string) =>
  quads.filter((q) => (subject === null || q.subject.value === subject) && q.predicate.value === predicate).map((q) => q.object.value).sort()
const subjectsOfType = (quads: Quad[], type: string) =>
  quads.filter((q) => q.predicate.value === `${ns.rdf}type` && q.object.value === type).map((q) => q.subject.value).sort()

// ---------------------------------------------------------------------------
// SHACL: our shapes, DCAT-AP's generated shapes, DCAT-AP's hand-written shapes.

const shapeCache = new Map<string, Quad[]>()
function shapeFile(file: string, patch?: (text: string) => string): Quad[] {
  const key = `${file}${patch ? ' (patched)' : ''}`
  if (!shapeCache.has(key)) {
    const text = readFileSync(file, 'utf8')
    shapeCache.set(key, new Parser({format: 'Turtle', baseIRI: `file://${file}`}).parse(patch ? patch(text) : text))
  }
  return shapeCache.get(key)!
}

/** The hand-written mdr-vocabularies shapes require spdx:algorithm to match "^https://spdx.org/rdf/terms", but SPDX's namespace (and DCAT-AP's own spdx: prefix) is http://spdx.org/rdf/terms#. */
const fixSpdxPattern = (text: string) => {
  const fixed = text.replace('sh:pattern "^https://spdx.org/rdf/terms"', 'sh:pattern "^https?://spdx.org/rdf/terms"')
  if (fixed === text) throw new Error('the SPDX pattern is no longer in mdr-vocabularies.shape.ttl')
  return fixed
}

const shapeSets = {
  own: () => shapeFile(ownShapes),
  /** DCAT-AP 3.0.1 shacl/: the toolchain's SHACL of the whole profile and its class ranges. */
  generated: () => [...shapeFile(path.join(specs, 'shacl/dcat-ap-SHACL.ttl')), ...shapeFile(path.join(specs, 'shacl/ranges.ttl'))],
  /** DCAT-AP 3.0.1 html/shacl/: core constraints, recommendations (warnings), class ranges, controlled vocabularies. */
  handWritten: (patch = true) => [
    ...shapeFile(path.join(specs, 'html-shacl/shapes.ttl')),
    ...shapeFile(path.join(specs, 'html-shacl/shapes_recommended.ttl')),
    ...shapeFile(path.join(specs, 'html-shacl/range.ttl')),
    ...shapeFile(path.join(specs, 'html-shacl/mdr-vocabularies.shape.ttl'), patch ? fixSpdxPattern : undefined)
  ]
}

interface Finding {
  severity: string
  focus: string
  path: string
  constraint: string
  value: string
}

async function validate(shapes: Quad[], data: Quad[]): Promise<{conforms: boolean; violations: Finding[]; warnings: Finding[]}> {
  const validator = new SHACLValidator(rdf.dataset(shapes), {
    factory: rdf,
    importGraph: (url) => {
      throw new Error(`SHACL import of ${url.value}: nothing is fetched`)
    }
  })
  const report = await validator.validate(rdf.dataset(data))
  const findings = report.results.map((result) => ({
    severity: result.severity?.value.replace(sh, 'sh:') ?? '',
    focus: result.focusNode?.value ?? '',
    path: result.path?.value ?? '',
    constraint: result.sourceConstraintComponent?.value.replace(sh, 'sh:') ?? '',
    value: result.value?.value ?? ''
  }))
  return {
    conforms: report.conforms,
    violations: findings.filter((finding) => finding.severity === 'sh:Violation'),
    warnings: findings.filter((finding) => finding.severity !== 'sh:Violation')
  }
}

/** Warnings by class of the focus node and property, counted, for reading. */
function summary(findings: Finding[], data: Quad[]): string[] {
  const counts = new Map<string, number>()
  for (const finding of findings) {
    const types = objects(data, finding.focus, `${ns.rdf}type`).map(short).join(' ') || short(finding.focus)
    const key = `${types} ${short(finding.path) || '(node)'}: ${finding.constraint}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].map(([key, count]) => `${key} ×${count}`).sort()
}

function short(iri: string): string {
  for (const [prefix, namespace] of Object.entries(ns)) if (iri.startsWith(namespace)) return `${prefix}:${iri.slice(namespace.length)}`
  return iri
}

const variants = [
  {name: 'without a base URL', catalogue: relative, documentBase: fetchedFrom},
  {name: `with base URL ${base}`, catalogue: absolute, documentBase: null}
] as const

// ---------------------------------------------------------------------------

describe('the JSON-LD', () => {
  it.each(variants)('expands and becomes RDF with nothing fetched ($name)', async ({catalogue, documentBase}) => {
    fetched.length = 0
    const document = dcatJsonLd(catalogue)
    const expanded = await ld.expand(document, {base: documentBase, documentLoader: loader, safe: true})
    expect(expanded.length).toBeGreaterThan(10)
    const quads = await jsonLdQuads(document, documentBase)
    expect(quads.length).toBeGreaterThan(200)
    expect(fetched).toEqual([])
    // Its context is inline: no URL to fetch, no @base.
    expect(typeof document['@context']).toBe('object')
    expect(JSON.stringify(document)).not.toContain('@base')
  })

  it('keeps addresses root-relative without a base URL, and they resolve against the address it is read from', async () => {
    const text = JSON.stringify(dcatJsonLd(relative))
    expect(text).not.toContain('.invalid')
    expect(text).toContain('"@id":"/#catalogue"')
    expect(text).toContain('"@id":"/data/1.1.0/terms.csv"')
    for (const documentUrl of ['https://example.org/', fetchedFrom]) {
      const quads = await jsonLdQuads(JSON.parse(text), documentUrl)
      expect(subjectsOfType(quads, `${ns.dcat}Catalog`)).toEqual(['https://example.org/#catalogue'])
      expect(objects(quads, 'https://example.org/datasets/terms/#dataset', `${ns.dcat}landingPage`)).toEqual(['https://example.org/datasets/terms/'])
      const iris = quads.flatMap((q) => [q.subject, q.object]).filter((term) => term.termType === 'NamedNode').map((term) => term.value)
      expect(iris.every((iri) => /^(https?|mailto):/.test(iri))).toBe(true)
    }
  })

  it('uses the base URL when there is one', async () => {
    const text = JSON.stringify(dcatJsonLd(absolute))
    expect(text).toContain(`"@id":"${base}#catalogue"`)
    expect(text).not.toMatch(/"@id":"\//)
    const quads = await jsonLdQuads(JSON.parse(text), 'https://elsewhere.example/catalogue.jsonld')
    expect(objects(quads, `${base}#catalogue`, `${ns.foaf}homepage`)).toEqual([base])
    expect(quads.every((q) => !q.subject.value.startsWith('https://elsewhere.example/'))).toBe(true)
  })

  it('refers to no remote context, and the loader refuses anything not bundled', async () => {
    expect(contexts).toEqual({})
    await expect(documentLoader('https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld')).rejects.toThrow(/not a bundled/)
  })

  it("cannot use SEMIC's DCAT-AP 3.0.1 context: a JSON-LD 1.1 processor rejects it", async () => {
    const official = JSON.parse(readFileSync(path.join(specs, 'context/dcat-ap.jsonld'), 'utf8')) as unknown
    const url = 'https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld'
    const officialLoader = async (requested: string) => {
      if (requested !== url) throw new Error(`not bundled: ${requested}`)
      return {contextUrl: null, documentUrl: url, document: official}
    }
    const document = {'@context': url, '@id': 'https://example.org/#catalogue', '@type': 'Catalogue', title: 'A catalogue'}
    await expect(ld.expand(document, {documentLoader: officialLoader})).rejects.toMatchObject({details: {code: 'invalid IRI mapping'}})
  })
})

describe('the Turtle', () => {
  it.each(variants)('parses, and is the same graph as the JSON-LD ($name)', async ({catalogue, documentBase}) => {
    const turtle = await dcatTurtle(catalogue)
    const fromTurtle = turtleQuads(turtle, documentBase ?? undefined)
    const fromJsonLd = await jsonLdQuads(dcatJsonLd(catalogue), documentBase)
    expect(fromTurtle.length).toBe(fromJsonLd.length)
    expect(sortedLines(nquadsOf(fromTurtle))).toEqual(sortedLines(nquadsOf(fromJsonLd)))
    expect(await canonical(fromTurtle)).toBe(await canonical(fromJsonLd))
    expect(fromTurtle.every((q) => q.subject.termType === 'NamedNode' && q.object.termType !== 'BlankNode')).toBe(true)
  })

  it('keeps addresses root-relative without a base URL, with prefixes and no @base', async () => {
    const turtle = await dcatTurtle(relative)
    expect(turtle).toMatch(/^@prefix dcat: <http:\/\/www\.w3\.org\/ns\/dcat#>\./m)
    expect(turtle).not.toMatch(/@base|\.invalid/)
    expect(turtle).toContain('</#catalogue> a dcat:Catalog;')
    expect(turtle).toContain('dcat:downloadURL </data/1.1.0/terms.csv>')
    const quads = turtleQuads(turtle, fetchedFrom)
    expect(subjectsOfType(quads, `${ns.dcat}Catalog`)).toEqual(['https://example.org/#catalogue'])
  })

  it('is absolute with a base URL', async () => {
    const turtle = await dcatTurtle(absolute)
    expect(turtle).not.toMatch(/<\//)
    expect(subjectsOfType(turtleQuads(turtle), `${ns.dcat}Catalog`)).toEqual([`${base}#catalogue`])
  })
})

describe('what the catalogue says', async () => {
  const quads = turtleQuads(await dcatTurtle(absolute))
  const terms = `${base}datasets/terms/`
  const dcat = (local: string) => `${ns.dcat}${local}`
  const dct = (local: string) => `${ns.dct}${local}`

  it('describes every file of every release as a distribution, and nothing else', async () => {
    for (const catalogue of [relative, absolute]) {
      const urls = objects(turtleQuads(await dcatTurtle(catalogue), fetchedFrom), null, dcat('downloadURL'))
      const expected = fileUrls(catalogue).map((url) => new URL(url, fetchedFrom).href)
      expect(urls).toEqual(expected)
      expect(new Set(urls).size).toBe(urls.length)
    }
    expect(subjectsOfType(quads, dcat('Distribution'))).toHaveLength(fileUrls(absolute).length)
  })

  it('lists the latest release of each dataset and the whole publication', () => {
    expect(objects(quads, `${base}#catalogue`, dcat('dataset'))).toEqual([`${base}#dataset`, `${base}datasets/organisations/#dataset`, `${terms}#dataset`])
    expect(objects(quads, `${base}#dataset`, dct('hasPart'))).toEqual([`${base}datasets/organisations/#dataset`, `${terms}#dataset`])
    expect(objects(quads, `${base}#dataset`, dcat('distribution'))).toEqual([`${base}data/1.1.0/example-ics-open-data.sqlite#distribution`, `${base}data/1.1.0/example-ics-open-data.xlsx#distribution`])
  })

  it('gives each dataset a stable identifier: its name, or its page once the site has an address', async () => {
    expect(objects(quads, `${terms}#dataset`, dct('identifier'))).toEqual([terms])
    const relativeQuads = turtleQuads(await dcatTurtle(relative), fetchedFrom)
    expect(objects(relativeQuads, 'https://example.org/datasets/terms/#dataset', dct('identifier'))).toEqual(['terms'])
    expect(objects(relativeQuads, 'https://example.org/#dataset', dct('identifier'))).toEqual(['example-ics-open-data'])
    expect(objects(relativeQuads, 'https://example.org/#catalogue', `${ns.foaf}homepage`)).toEqual([])
  })

  it('links each dataset to its earlier release, which has its own files', () => {
    expect(objects(quads, `${terms}#dataset`, dcat('version'))).toEqual(['1.1.0'])
    expect(objects(quads, `${terms}#dataset`, dcat('hasVersion'))).toEqual([`${terms}#dataset-1.0.0`])
    expect(objects(quads, `${terms}#dataset`, dcat('previousVersion'))).toEqual([`${terms}#dataset-1.0.0`])
    expect(objects(quads, `${terms}#dataset-1.0.0`, dcat('version'))).toEqual(['1.0.0'])
    expect(objects(quads, `${terms}#dataset-1.0.0`, dct('issued'))).toEqual(['2025-01-15'])
    expect(objects(quads, `${terms}#dataset-1.0.0`, dcat('distribution'))).toEqual(['csv', 'json', 'parquet'].map((ext) => `${base}data/1.0.0/terms.${ext}#distribution`))
  })

  it('describes a file with its media type, file type, size, checksum and licence', () => {
    const csv = `${base}data/1.1.0/terms.csv#distribution`
    expect(objects(quads, csv, dcat('accessURL'))).toEqual([terms])
    expect(objects(quads, csv, dcat('mediaType'))).toEqual(['https://www.iana.org/assignments/media-types/text/csv'])
    expect(objects(quads, csv, dct('format'))).toEqual(['http://publications.europa.eu/resource/authority/file-type/CSV'])
    expect(objects(quads, csv, dcat('byteSize'))).toEqual(['1216'])
    expect(objects(quads, csv, dct('license'))).toEqual(['https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'])
    expect(objects(quads, `${base}data/1.1.0/terms.csv#checksum`, `${ns.spdx}checksumValue`)).toEqual([sha(16)])
    expect(objects(quads, `${base}data/1.1.0/terms.csv#checksum`, `${ns.spdx}algorithm`)).toEqual([`${ns.spdx}checksumAlgorithm_sha256`])
    // SQLite is not known to be in the EU File Type NAL: a media type, no format.
    const sqlite = `${base}data/1.1.0/example-ics-open-data.sqlite#distribution`
    expect(objects(quads, sqlite, dcat('mediaType'))).toEqual(['https://www.iana.org/assignments/media-types/application/vnd.sqlite3'])
    expect(objects(quads, sqlite, dct('format'))).toEqual([])
    expect(objects(quads, sqlite, dcat('accessURL'))).toEqual([base])
  })

  it('uses the EU vocabularies for language and theme, and names the area covered without inventing a URI for it', () => {
    expect(objects(quads, `${base}#catalogue`, dct('language'))).toEqual(['http://publications.europa.eu/resource/authority/language/ENG'])
    expect(objects(quads, `${base}#catalogue`, dcat('themeTaxonomy'))).toEqual(['http://publications.europa.eu/resource/authority/data-theme'])
    expect(objects(quads, `${terms}#dataset`, dcat('theme'))).toEqual(['http://publications.europa.eu/resource/authority/data-theme/HEAL'])
    expect(objects(quads, `${terms}#dataset`, dct('spatial'))).toEqual([`${base}#area-kent-and-medway`])
    expect(objects(quads, `${base}#area-kent-and-medway`, `${ns.locn}geographicName`)).toEqual(['Kent and Medway'])
    expect(objects(quads, `${terms}#temporal`, dcat('startDate'))).toEqual(['2022-07-01'])
    expect(objects(quads, `${base}datasets/organisations/#dataset`, dct('temporal'))).toEqual([])
    // A dataset without keywords of its own takes the publication's.
    expect(objects(quads, `${base}datasets/organisations/#dataset`, dcat('keyword'))).toEqual(['NHS', 'integrated care systems', 'open data'])
    expect(objects(quads, `${terms}#dataset`, dcat('keyword'))).toEqual(['glossary', 'terms'])
  })

  it('gives a contact email and address only when the publication has them', async () => {
    const contact = `${base}#contact-point`
    expect(objects(quads, contact, `${ns.vcard}fn`)).toEqual(['Example editors'])
    expect(objects(quads, contact, `${ns.vcard}hasEmail`)).toEqual([])
    expect(objects(quads, contact, `${ns.vcard}hasURL`)).toEqual([])
    const known = turtleQuads(await dcatTurtle(catalogueOf(base, {email: 'editors@example.org', url: 'https://example.org/contact'})))
    expect(objects(known, contact, `${ns.vcard}hasEmail`)).toEqual(['mailto:editors@example.org'])
    expect(objects(known, contact, `${ns.vcard}hasURL`)).toEqual(['https://example.org/contact'])
    expect((await validate(shapeSets.own(), known)).violations).toEqual([])
  })

  it('refuses a file without a valid checksum or size, and a date that is not one', () => {
    const broken = catalogueOf(null)
    broken.datasets[0]!.distributions[0]!.sha256 = 'not-a-hash'
    expect(() => dcatJsonLd(broken)).toThrow(/SHA-256/)
    const negative = catalogueOf(null)
    negative.distributions[0]!.bytes = -1
    expect(() => dcatJsonLd(negative)).toThrow(/size/)
    const undated = catalogueOf(null)
    undated.issued = 'March 2025'
    expect(() => dcatJsonLd(undated)).toThrow(/not a date/)
  })
})

describe('determinism', () => {
  it('gives the same strings for the same catalogue, whatever order its lists come in', async () => {
    const json = JSON.stringify(dcatJsonLd(relative))
    const turtle = await dcatTurtle(relative)
    expect(JSON.stringify(dcatJsonLd(catalogueOf(null)))).toBe(json)
    expect(await dcatTurtle(catalogueOf(null))).toBe(turtle)
    const shuffled = catalogueOf(null)
    shuffled.datasets.reverse()
    shuffled.distributions.reverse()
    for (const dataset of shuffled.datasets) {
      dataset.distributions.reverse()
      dataset.keywords.reverse()
      for (const version of dataset.versions) version.distributions.reverse()
    }
    expect(JSON.stringify(dcatJsonLd(shuffled))).toBe(json)
    expect(await dcatTurtle(shuffled)).toBe(turtle)
  })
})

describe('SHACL', async () => {
  const data = {
    relative: turtleQuads(await dcatTurtle(relative), fetchedFrom),
    absolute: turtleQuads(await dcatTurtle(absolute))
  }
  const fromJsonLd = await jsonLdQuads(dcatJsonLd(relative), fetchedFrom)

  it('conforms to our own shapes (dcat-shapes.ttl), as Turtle and as JSON-LD', async () => {
    for (const quads of [data.relative, data.absolute, fromJsonLd]) {
      const report = await validate(shapeSets.own(), quads)
      expect(report.violations).toEqual([])
      expect(report.warnings).toEqual([])
      expect(report.conforms).toBe(true)
    }
  })

  it("has no violation of DCAT-AP 3.0.1's generated shapes (shacl/dcat-ap-SHACL.ttl and ranges.ttl)", async () => {
    for (const quads of [data.relative, data.absolute]) {
      const report = await validate(shapeSets.generated(), quads)
      expect(report.violations).toEqual([])
      expect(report.conforms).toBe(true)
    }
  })

  it("has no violation of DCAT-AP 3.0.1's hand-written shapes (core, recommended, ranges, vocabularies); only recommendations are left as warnings", async () => {
    for (const quads of [data.relative, data.absolute]) {
      const report = await validate(shapeSets.handWritten(), quads)
      expect(report.violations).toEqual([])
      expect(report.warnings.length).toBeGreaterThan(0)
      const warnings = summary(report.warnings, quads)
      console.info(`DCAT-AP 3.0.1 warnings (recommended properties or vocabularies not used):\n  ${warnings.join('\n  ')}`)
      expect(warnings.every((line) => !line.includes('sh:Violation'))).toBe(true)
    }
  })

  it("fails only on the SPDX namespace's scheme in the unpatched vocabulary shapes, once per checksum", async () => {
    const report = await validate(shapeSets.handWritten(false), data.absolute)
    const checksums = subjectsOfType(data.absolute, `${ns.spdx}Checksum`)
    expect(report.violations.map((v) => `${v.path} ${v.value} ${v.constraint}`)).toEqual(
      checksums.map(() => `${ns.spdx}algorithm ${ns.spdx}checksumAlgorithm_sha256 sh:NodeConstraintComponent`)
    )
    expect(report.violations.map((v) => v.focus).sort()).toEqual(checksums)
  })

  describe('fails when a mandatory property is dropped', () => {
    const without = (quads: Quad[], subject: string, predicate: string) => {
      const kept = quads.filter((q) => !(q.subject.value === subject && q.predicate.value === predicate))
      expect(kept.length).toBeLessThan(quads.length)
      return kept
    }
    const cases = [
      {what: "the catalogue's title", subject: `${base}#catalogue`, predicate: `${ns.dct}title`},
      {what: "the catalogue's publisher", subject: `${base}#catalogue`, predicate: `${ns.dct}publisher`},
      {what: "a dataset's description", subject: `${base}datasets/terms/#dataset`, predicate: `${ns.dct}description`},
      {what: "a distribution's access URL", subject: `${base}data/1.1.0/terms.csv#distribution`, predicate: `${ns.dcat}accessURL`},
      {what: "the publisher's name", subject: `${base}#publisher`, predicate: `${ns.foaf}name`},
      {what: "a checksum's value", subject: `${base}data/1.1.0/terms.csv#checksum`, predicate: `${ns.spdx}checksumValue`}
    ]
    it.each(cases)('$what', async ({subject, predicate}) => {
      const broken = without(data.absolute, subject, predicate)
      for (const shapes of [shapeSets.own(), shapeSets.generated(), shapeSets.handWritten()]) {
        const report = await validate(shapes, broken)
        expect(report.conforms).toBe(false)
        expect(report.violations).toContainEqual(expect.objectContaining({focus: subject, path: predicate, constraint: 'sh:MinCountConstraintComponent'}))
      }
    })

    it('a vocabulary term without the class its property implies breaks DCAT-AP\'s range shapes (why the catalogue states them)', async () => {
      const english = 'http://publications.europa.eu/resource/authority/language/ENG'
      const broken = without(data.absolute, english, `${ns.rdf}type`)
      for (const shapes of [shapeSets.generated(), shapeSets.handWritten()]) {
        const report = await validate(shapes, broken)
        expect(report.violations).toContainEqual(expect.objectContaining({focus: `${base}#catalogue`, path: `${ns.dct}language`, value: english, constraint: 'sh:ClassConstraintComponent'}))
      }
    })

    it('our shapes also catch a file without a download URL, checksum or licence', async () => {
      const file = `${base}data/1.1.0/terms.json#distribution`
      for (const predicate of [`${ns.dcat}downloadURL`, `${ns.spdx}checksum`, `${ns.dct}license`, `${ns.dcat}mediaType`]) {
        const report = await validate(shapeSets.own(), without(data.absolute, file, predicate))
        expect(report.violations).toContainEqual(expect.objectContaining({focus: file, path: predicate}))
      }
    })
  })
})
