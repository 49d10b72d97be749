/**
 * What every harvesting format describes (DCAT-AP, data.json, schema.org,
 * CSVW): one model, made once from the publication's metadata
 * (sources/publication.yml), the releases and their datapackage.json, so the
 * formats never disagree. Addresses are site paths (`data/1.0.0/terms.csv`);
 * `urlOf` makes them absolute under the base URL, or leaves them relative to
 * the site's root while it has none.
 */
import type {Publication} from '../publication.ts'

export interface Distribution {
  /** What the file is, e.g. `Terms (CSV)`. */
  title: string
  /** Site path of the file, e.g. `data/1.0.0/terms.csv`. */
  path: string
  /** IANA media type, e.g. `text/csv`. */
  mediaType: string
  /** Short format name: CSV, JSON, Parquet, XLSX, SQLite. */
  format: string
  bytes: number
  sha256: string
}

export interface Column {
  name: string
  /** Table Schema type: string, integer, number, boolean, list. */
  type: string
  description: string
}

export interface CatalogueDataset {
  /** The dataset's name, stable across releases: its identifier. */
  name: string
  title: string
  description: string
  keywords: string[]
  /** Site path of its page, e.g. `datasets/terms/`. */
  page: string
  /** The release described, and its date. */
  version: string
  issued: string
  /** Date of the latest release that changed it (YYYY-MM-DD). */
  modified: string
  /** Period its records are about, from its dates (YYYY-MM-DD), when it has any. */
  temporal: {start: string; end: string} | null
  /** Area it covers, in words (e.g. `Kent and Medway`). */
  spatial: string
  /** Its files in the latest release. */
  distributions: Distribution[]
  columns: Column[]
  /** Each earlier release's version and its files, oldest first. */
  versions: Array<{version: string; date: string; distributions: Distribution[]}>
}

export interface Catalogue {
  publication: Publication
  /** The latest release's version and date. */
  version: string
  issued: string
  modified: string
  datasets: CatalogueDataset[]
  /** Files of every dataset at once in the latest release (the workbook, the SQLite database). */
  distributions: Distribution[]
}

/** The address of a site path: absolute under the base URL, or relative to the site's root (`/data/…`) while there is none. */
export function urlOf(publication: Pick<Publication, 'base_url'>, sitePath: string): string {
  return publication.base_url === null ? `/${sitePath}` : new URL(sitePath, publication.base_url).href
}
