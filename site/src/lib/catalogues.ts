/**
 * The harvesting catalogues, made at build time from the frozen releases
 * (pipeline/publish/from-releases.ts) and served at the site's root:
 * DCAT-AP as JSON-LD and Turtle, and Project Open Data's data.json. Before
 * the first release there is no catalogue, so none is served or linked: a
 * catalogue of the draft would describe files that may change at any time.
 */
import {catalogueFromReleases} from '../../../pipeline/publish/from-releases.ts'
import {dataJson} from '../../../pipeline/publish/data-json.ts'
import {dcatJsonLd, dcatTurtle} from '../../../pipeline/publish/dcat.ts'
import type {Catalogue, CatalogueDataset} from '../../../pipeline/publish/catalogue.ts'
import {publication} from './publication.ts'

export type {Catalogue, CatalogueDataset}

export const catalogue: Catalogue | null = catalogueFromReleases(process.cwd(), publication)

export interface CatalogueFile {
  /** Its name at the site's root, also its path. */
  file: string
  /** What it is, for the page that lists it and the autodiscovery link's title. */
  title: string
  mediaType: string
  /** Who reads it. */
  readers: string
  body: (catalogue: Catalogue) => Promise<string> | string
}

export const catalogueFiles: CatalogueFile[] = [
  {file: 'catalog.jsonld', title: 'DCAT-AP 3 catalogue (JSON-LD)', mediaType: 'application/ld+json', readers: 'European portals (data.europa.eu) and CKAN’s DCAT harvester', body: (c) => `${JSON.stringify(dcatJsonLd(c), null, 2)}\n`},
  {file: 'catalog.ttl', title: 'DCAT-AP 3 catalogue (Turtle)', mediaType: 'text/turtle; charset=utf-8', readers: 'RDF tools and the same harvesters, as Turtle', body: (c) => dcatTurtle(c)},
  {file: 'data.json', title: 'Project Open Data v1.1 catalogue (data.json)', mediaType: 'application/json', readers: 'CKAN’s dcat_json harvester and data.gov-style portals', body: (c) => `${JSON.stringify(dataJson(c), null, 2)}\n`}
]

/** The catalogue files served: all of them once a release exists, none before. */
export const servedCatalogues: CatalogueFile[] = catalogue ? catalogueFiles : []

/** A dataset of the catalogue, when there is one. */
export function catalogueDataset(name: string): CatalogueDataset | undefined {
  return catalogue?.datasets.find((dataset) => dataset.name === name)
}

/** JSON for a <script type="application/ld+json">: `<` escaped so no text can close the element; JSON.parse gives the same value. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replaceAll('<', '\\u003c')
}
