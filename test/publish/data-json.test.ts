/**
 * data.json, checked as a harvester would take it: valid against GSA's
 * non-federal Project Open Data v1.1 schema (copied into
 * test/fixtures/specs/project-open-data-v1.1/, registered in ajv under the
 * schemas' own ids so every `$ref` resolves offline), and giving what
 * ckanext-dcat's `dcat_json` harvester reads: a stable identifier, language
 * as a list, a media type with every download. The official (federal)
 * schema is used only to show what it asks that we cannot give.
 *
 * The catalogue is made here from the newest release's datapackage.json and
 * release.json, as the catalogue model describes it.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import type {ErrorObject, ValidateFunction} from 'ajv'
import {describe, expect, it} from 'vitest'
import type {Catalogue, CatalogueDataset} from '../../pipeline/publish/catalogue.ts'
import {dataJson, firstIssued} from '../../pipeline/publish/data-json.ts'
import {publicationOf, type Publication} from '../../pipeline/publication.ts'
import {readYamlFile} from '../../pipeline/read/yaml-file.ts'
import {listReleases, releasesFolder} from '../../pipeline/release/frozen.ts'
import {projectRoot} from '../helpers/project.ts'

const specs = path.join(projectRoot, 'test/fixtures/specs/project-open-data-v1.1')
const catalogId = 'https://project-open-data.cio.gov/v1.1/schema/catalog.json'

/** A catalogue validator from schema files, each registered under its own `id`; nothing is fetched. */
function validator(files: string[]): ValidateFunction {
  // The schemas' patterns escape characters (`\_`, `\~`) that only a RegExp without the `u` flag accepts.
  const ajv = new AjvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
  addFormats.default(ajv)
  for (const file of files) ajv.addSchema(JSON.parse(readFileSync(path.join(specs, file), 'utf8')))
  return ajv.getSchema(catalogId)!
}
const nonFederal = validator(['non-federal/catalog.json', 'non-federal/dataset-non-federal.json'])
const federal = validator(['federal/catalog.json', 'federal/dataset.json', 'federal/distribution.json', 'federal/organization.json', 'federal/vcard.json'])
const errorsOf = (validate: ValidateFunction) => (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)

const publication = publicationOf(readYamlFile('sources/publication.yml', projectRoot))
const withAddress: Publication = {...publication, base_url: 'https://data.example.org/kent-medway/'}
const withEverything: Publication = {...withAddress, contact: {...publication.contact, email: 'editors@example.org'}}

interface Resource {name: string; type?: string; path: string; title: string; description: string; format: string; mediatype: string; bytes: number; hash: string; schema?: {fields: Array<{name: string; type: string; description: string}>}}

/** The catalogue of the newest release (its datapackage.json and release.json), for `publication`, as release `version`. */
function catalogueOf(publication: Publication, version?: string): Catalogue {
  const newest = listReleases(projectRoot).at(-1)!
  const folder = path.join(projectRoot, releasesFolder, newest)
  const {date} = JSON.parse(readFileSync(path.join(folder, 'release.json'), 'utf8')) as {date: string}
  const shown = version ?? newest
  const {resources} = JSON.parse(readFileSync(path.join(folder, 'datapackage.json'), 'utf8')) as {resources: Resource[]}
  const datasets: CatalogueDataset[] = resources.filter((resource) => resource.type === 'table').map((table) => {
    const files = resources.filter((resource) => [table.name, `${table.name}-json`, `${table.name}-parquet`].includes(resource.name))
    // The period its records are about: the earliest and latest full dates of its `date` column, if it has one.
    const days = table.schema!.fields.some((field) => field.name === 'date')
      ? (parse(readFileSync(path.join(folder, table.path)), {columns: true}) as Array<Record<string, string>>).flatMap((row) => row['date']!.split('/')).filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day)).sort()
      : []
    return {
      name: table.name, title: table.title, description: table.description, keywords: publication.keywords,
      page: `datasets/${table.name}/`, version: shown, issued: date, modified: date,
      temporal: days.length > 0 ? {start: days[0]!, end: days.at(-1)!} : null,
      spatial: 'Kent and Medway',
      distributions: files.map((file) => ({title: file.title, path: `data/${shown}/${file.path}`, mediaType: file.mediatype, format: file.format.toUpperCase(), bytes: file.bytes, sha256: file.hash.replace('sha256:', '')})),
      columns: table.schema!.fields.map(({name, type, description}) => ({name, type, description})),
      versions: []
    }
  })
  return {publication, version: shown, issued: date, modified: date, datasets, distributions: []}
}

type Json = Record<string, any>
const datasetsOf = (document: Json) => document['dataset'] as Json[]

describe('dataJson', () => {
  it('should be valid against the non-federal v1.1 schema once the site has an address, with or without a contact email', () => {
    for (const which of [withAddress, withEverything]) {
      const document = dataJson(catalogueOf(which))
      expect(nonFederal(document), errorsOf(nonFederal).join('\n')).toBe(true)
      expect(datasetsOf(document).length).toBeGreaterThan(0)
    }
  })

  it('should fail, as the publication is today, only on its relative addresses: the schema wants absolute URIs', () => {
    const document = dataJson(catalogueOf(publication))
    expect(nonFederal(document)).toBe(false)
    // Each `anyOf` reports every branch it tried (a URI, or null): what fails is the URI branch alone.
    const errors = (nonFederal.errors as ErrorObject[]).filter((error) => error.keyword !== 'anyOf' && !(error.keyword === 'type' && error.params['type'] === 'null'))
    expect(errors.length).toBeGreaterThan(0)
    for (const error of errors) {
      expect(`${error.keyword} ${error.params['format']}`).toBe('format uri')
      expect(error.instancePath).toMatch(/^\/dataset\/\d+\/(landingPage|distribution\/\d+\/downloadURL)$/)
    }
    expect(datasetsOf(document)[0]!['landingPage']).toMatch(/^\/datasets\/[a-z-]+\/$/)
  })

  it('should give what the federal schema asks only where we know it: no US codes, and an email only once there is one', () => {
    const missing = (which: Publication) => {
      expect(federal(dataJson(catalogueOf(which)))).toBe(false)
      return new Set((federal.errors as ErrorObject[]).map((error) => error.keyword === 'required' ? error.params['missingProperty'] : `${error.instancePath} ${error.message}`))
    }
    expect(missing(withAddress)).toEqual(new Set(['bureauCode', 'programCode', 'hasEmail']))
    expect(missing(withEverything)).toEqual(new Set(['bureauCode', 'programCode']))
  })

  it('should give a contact without an address until the publication has one, then a mailto: address', () => {
    const contactOf = (which: Publication) => datasetsOf(dataJson(catalogueOf(which)))[0]!['contactPoint']
    expect(contactOf(publication)).toEqual({'@type': 'vcard:Contact', fn: publication.contact.name})
    expect(contactOf(withEverything)).toEqual({'@type': 'vcard:Contact', fn: publication.contact.name, hasEmail: 'mailto:editors@example.org'})
  })

  it('should give the ckanext-dcat harvester what it reads: identifiers stable across releases, language as a list, a media type per download', () => {
    for (const which of [publication, withAddress]) {
      const first = datasetsOf(dataJson(catalogueOf(which, '1.0.0')))
      const next = datasetsOf(dataJson(catalogueOf(which, '1.1.0')))
      const identifiers = first.map((dataset) => dataset['identifier'])
      expect(new Set(identifiers).size).toBe(first.length)
      expect(next.map((dataset) => dataset['identifier'])).toEqual(identifiers)
      // The files move with the release; the identifier does not.
      expect(next[0]!['distribution'][0]['downloadURL']).not.toBe(first[0]!['distribution'][0]['downloadURL'])
    }
    const datasets = datasetsOf(dataJson(catalogueOf(withAddress)))
    expect(datasets.map((dataset) => dataset['identifier'])).toEqual(datasets.map((dataset) => dataset['landingPage']))
    for (const dataset of datasets) {
      expect(dataset['language']).toEqual(['en-GB'])
      expect(dataset['accessLevel']).toBe('public')
      expect(dataset['license']).toBe(publication.licences.data.url)
      expect(dataset).not.toHaveProperty('bureauCode')
      expect(dataset).not.toHaveProperty('programCode')
      expect(dataset['distribution'].length).toBeGreaterThan(0)
      for (const distribution of dataset['distribution']) {
        expect(distribution).toMatchObject({downloadURL: expect.stringMatching(/^https:\/\/data\.example\.org\/kent-medway\/data\//), mediaType: expect.stringMatching(/^[-\w]+\/[-\w.+]+$/), format: expect.any(String), title: expect.any(String), description: expect.any(String)})
        expect(Number.isInteger(distribution['byteSize'])).toBe(true)
      }
      // CKAN's own tag rules (ckan/logic/validators.py): 2 to 100 characters, letters, digits, spaces, - _ .
      for (const keyword of dataset['keyword']) expect(keyword).toMatch(/^[\w \-.]{2,100}$/u)
    }
  })

  it('should give the period as an ISO interval, the first release as issued and the latest change as modified', () => {
    const catalogue = catalogueOf(withAddress)
    const timeline = datasetsOf(dataJson(catalogue)).find((dataset) => dataset['identifier'].endsWith('/timeline/'))!
    expect(timeline['temporal']).toMatch(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/)
    const dataset = {...catalogue.datasets[0]!, version: '1.1.0', issued: '2027-01-01', modified: '2027-01-01', versions: [{version: '1.0.0', date: '2026-12-02', distributions: []}]}
    expect(firstIssued(dataset)).toBe('2026-12-02')
    const [described] = datasetsOf(dataJson({...catalogue, datasets: [dataset]}))
    expect(described).toMatchObject({issued: '2026-12-02', modified: '2027-01-01'})
    expect(nonFederal(dataJson({...catalogue, datasets: [{...dataset, temporal: null, spatial: ''}]})), errorsOf(nonFederal).join('\n')).toBe(true)
  })

  it('should fail the schema when it is wrong (the check can fail)', () => {
    const document = dataJson(catalogueOf(withAddress)) as Json
    const first = datasetsOf(document)[0]!
    const withFirst = (change: Json) => ({...document, dataset: [{...first, ...change}, ...datasetsOf(document).slice(1)]})
    const {identifier: _identifier, ...anonymous} = first
    expect(nonFederal({...document, dataset: [anonymous]})).toBe(false)
    expect(nonFederal(withFirst({language: 'en-GB'}))).toBe(false)
    expect(nonFederal(withFirst({temporal: '2022-07-01'}))).toBe(false)
    expect(nonFederal(withFirst({contactPoint: {fn: 'Editors', hasEmail: 'editors@example.org'}}))).toBe(false)
    expect(nonFederal(withFirst({distribution: [{downloadURL: 'https://data.example.org/x.csv'}]}))).toBe(false)
    const {'@context': _context, ...untyped} = document
    expect(nonFederal(untyped)).toBe(false)
    expect(nonFederal({...document, conformsTo: 'https://project-open-data.cio.gov/v1.0/schema'})).toBe(false)
  })
})
