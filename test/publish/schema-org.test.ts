/**
 * schema.org JSON-LD for the dataset pages and the home page, checked as
 * Google Dataset Search asks (name; a description of 50 to 5,000
 * characters; a contentUrl per DataDownload; and its recommended
 * properties), and expanded with the `jsonld` package in safe mode. The
 * context is an extract of schema.org's own (test/fixtures/specs/schema-org/,
 * without `@vocab`), served by a document loader that fetches nothing else:
 * so a term that is not a real schema.org property fails the expansion.
 *
 * The catalogue is made here from the newest release's datapackage.json and
 * release.json, as the catalogue model describes it.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import jsonld from 'jsonld'
import {describe, expect, it} from 'vitest'
import type {Catalogue, CatalogueDataset} from '../../pipeline/publish/catalogue.ts'
import {catalogJsonLd, datasetJsonLd, descriptionLength} from '../../pipeline/publish/schema-org.ts'
import {publicationOf, type Publication} from '../../pipeline/publication.ts'
import {readYamlFile} from '../../pipeline/read/yaml-file.ts'
import {listReleases, releasesFolder} from '../../pipeline/release/frozen.ts'
import {projectRoot} from '../helpers/project.ts'

const context = JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures/specs/schema-org/schemaorg-context-extract.jsonld'), 'utf8'))
const schema = 'http://schema.org/'

/** Serves the bundled schema.org context for the URL the markup names; any other URL is an error, never a fetch. */
async function documentLoader(url: string) {
  if (url === 'https://schema.org/') return {contextUrl: undefined, documentUrl: url, document: context}
  throw new Error(`Refusing to load ${url}: only the bundled schema.org context is served`)
}

/** The markup expanded as a JSON-LD processor on the page at `page` would: safe mode, so a dropped or unknown term throws. */
const expand = (markup: object, page = 'https://data.example.org/kent-medway/') => jsonld.expand(markup as jsonld.JsonLdDocument, {documentLoader, safe: true, base: page} as jsonld.Options.Expand)

const publication = publicationOf(readYamlFile('sources/publication.yml', projectRoot))
const withEverything: Publication = {
  ...publication,
  base_url: 'https://data.example.org/kent-medway/',
  doi: {concept: '10.5281/zenodo.1000000', versions: {[listReleases(projectRoot).at(-1)!]: '10.5281/zenodo.1000001'}}
}

interface Resource {name: string; type?: string; path: string; title: string; description: string; format: string; mediatype: string; bytes: number; hash: string; schema?: {fields: Array<{name: string; type: string; description: string}>}}

/** The catalogue of the newest release (its datapackage.json and release.json), for `publication`. */
function catalogueOf(publication: Publication): Catalogue {
  const version = listReleases(projectRoot).at(-1)!
  const folder = path.join(projectRoot, releasesFolder, version)
  const {date} = JSON.parse(readFileSync(path.join(folder, 'release.json'), 'utf8')) as {date: string}
  const {resources} = JSON.parse(readFileSync(path.join(folder, 'datapackage.json'), 'utf8')) as {resources: Resource[]}
  const datasets: CatalogueDataset[] = resources.filter((resource) => resource.type === 'table').map((table) => ({
    name: table.name, title: table.title, description: table.description, keywords: publication.keywords,
    page: `datasets/${table.name}/`, version, issued: date, modified: date,
    // A period for one dataset, so that both cases are described.
    temporal: table.name === 'timeline' ? {start: '2021-07-01', end: '2022-07-01'} : null,
    spatial: 'Kent and Medway',
    distributions: resources.filter((resource) => [table.name, `${table.name}-json`, `${table.name}-parquet`].includes(resource.name))
      .map((file) => ({title: file.title, path: `data/${version}/${file.path}`, mediaType: file.mediatype, format: file.format.toUpperCase(), bytes: file.bytes, sha256: file.hash.replace('sha256:', '')})),
    columns: table.schema!.fields.map(({name, type, description}) => ({name, type, description})),
    versions: []
  }))
  return {publication, version, issued: date, modified: date, datasets, distributions: []}
}

type Json = Record<string, any>

/** What Google Dataset Search requires of a Dataset, as a list of what is missing or wrong. */
function googleRequired(dataset: Json): string[] {
  const problems: string[] = []
  if (typeof dataset['name'] !== 'string' || dataset['name'].trim() === '') problems.push('name')
  const description = dataset['description']
  if (typeof description !== 'string' || description.length < descriptionLength.min || description.length > descriptionLength.max) problems.push('description of 50 to 5,000 characters')
  for (const download of dataset['distribution'] ?? []) if (!download['contentUrl']) problems.push('distribution.contentUrl')
  return problems
}

describe('datasetJsonLd', () => {
  const catalogue = catalogueOf(publication)

  it('should give every dataset what Google Dataset Search requires and recommends', async () => {
    for (const dataset of catalogue.datasets) {
      const markup = datasetJsonLd(catalogue, dataset) as Json
      expect(googleRequired(markup)).toEqual([])
      expect(markup).toMatchObject({
        '@context': 'https://schema.org/', '@type': 'Dataset', name: dataset.title, description: dataset.description,
        url: `/datasets/${dataset.name}/`, identifier: dataset.name, version: dataset.version,
        datePublished: dataset.issued, dateModified: dataset.modified, keywords: publication.keywords, inLanguage: 'en-GB',
        license: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
        creditText: publication.licences.data.attribution, isAccessibleForFree: true,
        creator: {'@type': 'Organization', name: publication.publisher.name},
        publisher: {'@type': 'Organization', name: publication.publisher.name},
        spatialCoverage: {'@type': 'Place', name: 'Kent and Medway'},
        includedInDataCatalog: {'@type': 'DataCatalog', name: publication.title, url: '/'}
      })
      // No URL is known for the publisher, so none is given.
      expect(markup['creator']).not.toHaveProperty('url')
      expect(markup['variableMeasured']).toEqual(dataset.columns.map((column) => ({'@type': 'PropertyValue', name: column.name, description: column.description})))
      expect(markup['distribution']).toHaveLength(dataset.distributions.length)
      for (const download of markup['distribution']) expect(download).toMatchObject({'@type': 'DataDownload', encodingFormat: expect.stringMatching(/^[-\w]+\/[-\w.+]+$/), contentUrl: expect.stringMatching(/^\/data\//), contentSize: expect.stringMatching(/^\d+ bytes$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/)})
      expect(markup['temporalCoverage']).toBe(dataset.temporal ? `${dataset.temporal.start}/${dataset.temporal.end}` : undefined)
      await expect(expand(markup)).resolves.toHaveLength(1)
    }
    expect(catalogue.datasets.some((dataset) => dataset.temporal !== null)).toBe(true)
  })

  it('should expand to schema.org terms with the bundled context: typed dates, addresses as IRIs', async () => {
    const timeline = catalogue.datasets.find((dataset) => dataset.name === 'timeline')!
    const [node] = await expand(datasetJsonLd(catalogue, timeline), 'https://data.example.org/kent-medway/datasets/timeline/') as Json[]
    expect(node!['@type']).toEqual([`${schema}Dataset`])
    expect(node![`${schema}name`]).toEqual([{'@value': timeline.title}])
    expect(node![`${schema}datePublished`]).toEqual([{'@type': `${schema}Date`, '@value': timeline.issued}])
    expect(node![`${schema}license`]).toEqual([{'@id': publication.licences.data.url}])
    expect(node![`${schema}url`]).toEqual([{'@id': 'https://data.example.org/datasets/timeline/'}])
    expect(node![`${schema}temporalCoverage`]).toEqual([{'@value': '2021-07-01/2022-07-01'}])
    expect(node![`${schema}variableMeasured`]).toHaveLength(timeline.columns.length)
    expect(node![`${schema}distribution`][0]['@type']).toEqual([`${schema}DataDownload`])
  })

  it('should use absolute addresses and the page URL as identifier once the site has one', () => {
    const full = catalogueOf(withEverything)
    const markup = datasetJsonLd(full, full.datasets[0]!) as Json
    expect(markup['url']).toBe(`https://data.example.org/kent-medway/datasets/${full.datasets[0]!.name}/`)
    expect(markup['identifier']).toBe(markup['url'])
    expect(markup['distribution'][0]['contentUrl']).toMatch(/^https:\/\/data\.example\.org\/kent-medway\/data\//)
    expect(markup['includedInDataCatalog']['url']).toBe('https://data.example.org/kent-medway/')
  })

  it('should lengthen a short description only with the publication\'s own, and shorten a long one at a word', () => {
    const dataset = catalogue.datasets[0]!
    const short = datasetJsonLd(catalogue, {...dataset, description: 'One row per board.'}) as Json
    expect(short['description']).toBe(`One row per board. Part of ${publication.title}: ${publication.description}`)
    expect(googleRequired(short)).toEqual([])
    const long = datasetJsonLd(catalogue, {...dataset, description: 'word '.repeat(1200)}) as Json
    expect(long['description'].length).toBeLessThanOrEqual(descriptionLength.max)
    expect(long['description']).toMatch(/word…$/)
    expect(googleRequired(long)).toEqual([])
  })

  it('should fail the checks when the markup is wrong (the checks can fail)', async () => {
    const dataset = catalogue.datasets[0]!
    const markup = datasetJsonLd(catalogue, dataset) as Json
    // Too little to say, even with the publication's own description: still short, and Google's check says so.
    const terse = {...catalogue, publication: {...publication, title: 'ICS data', description: 'Data.'}}
    expect(googleRequired(datasetJsonLd(terse, {...dataset, description: 'Boards.'}))).toEqual(['description of 50 to 5,000 characters'])
    expect(googleRequired({...markup, name: ''})).toEqual(['name'])
    expect(googleRequired({...markup, distribution: [{'@type': 'DataDownload', encodingFormat: 'text/csv'}]})).toEqual(['distribution.contentUrl'])
    // A misspelt or invented term is not in schema.org's context: safe mode refuses to drop it.
    await expect(expand({...markup, temporalCoverge: '2021/2022'})).rejects.toThrow(/Safe mode/)
    await expect(expand({...markup, '@context': 'https://example.org/context.jsonld'})).rejects.toThrow()
  })
})

describe('catalogJsonLd', () => {
  it('should describe the catalogue for the home page, each dataset with a name, a long enough description and its page', async () => {
    const catalogue = catalogueOf(publication)
    const markup = catalogJsonLd(catalogue) as Json
    expect(markup).toMatchObject({
      '@context': 'https://schema.org/', '@type': 'DataCatalog', name: publication.title, url: '/',
      version: catalogue.version, datePublished: catalogue.issued, dateModified: catalogue.modified,
      license: publication.licences.data.url, isAccessibleForFree: true, inLanguage: 'en-GB', keywords: publication.keywords,
      publisher: {'@type': 'Organization', name: publication.publisher.name}
    })
    expect(markup['description'].length).toBeGreaterThanOrEqual(descriptionLength.min)
    // No DOI is minted yet, so none is given.
    expect(markup).not.toHaveProperty('identifier')
    expect(markup['dataset']).toHaveLength(catalogue.datasets.length)
    for (const dataset of markup['dataset']) expect(googleRequired(dataset)).toEqual([])
    const [node] = await expand(markup) as Json[]
    expect(node!['@type']).toEqual([`${schema}DataCatalog`])
    expect(node![`${schema}dataset`]).toHaveLength(catalogue.datasets.length)
  })

  it('should give the concept and version DOIs once they are minted', () => {
    const markup = catalogJsonLd(catalogueOf(withEverything)) as Json
    expect(markup['identifier']).toEqual(['https://doi.org/10.5281/zenodo.1000000', 'https://doi.org/10.5281/zenodo.1000001'])
    expect(markup['url']).toBe('https://data.example.org/kent-medway/')
  })
})
