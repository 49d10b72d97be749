/** Every URL the site links to, in one place: pages map one-to-one to these. */
import {rowsOf} from './data.ts'
import {pageHolding, pageUrl} from './paging.ts'
import {shown} from './shown.ts'

/** A file of a version ('1.0.0', 'latest' or 'draft'): the URL never changes for a release. */
const file = (version: string, name: string) => `/data/${version}/${name}`

export const urls = {
  home: '/',
  datasets: '/datasets/',
  dataset: (name: string) => `/datasets/${name}/`,
  /** The rows of a dataset as its table shows them, for filtering and sorting in the browser. */
  datasetRows: (name: string) => `/datasets/${name}/rows.json`,
  terms: '/terms/',
  term: (id: string) => `/terms/${id}/`,
  organisations: '/organisations/',
  organisation: (id: string) => `/organisations/${id}/`,
  statistics: '/statistics/',
  statistic: (id: string) => `/statistics/${id}/`,
  sources: '/sources/',
  source: (id: string, line?: number) => `/sources/${id}/${line === undefined ? '' : `#L${line}`}`,
  figures: '/figures/',
  structure: '/structure/',
  search: '/search/',
  about: '/about/',
  api: '/api/',
  releases: '/releases/',
  release: (version: string) => `/releases/${version}/`,
  /** The page listing the draft's files. */
  draft: '/data/draft/',
  file,
  /** A file of the version the site shows. */
  download: (name: string) => file(shown.version, name)
}

/** The datasets whose records have pages of their own: the page of one of them, by its id. */
const recordPages: Record<string, (id: string) => string> = {
  documents: (id) => urls.source(id),
  terms: urls.term,
  organisations: urls.organisation,
  statistics: urls.statistic
}

const positions = new Map<string, Map<string, number>>()

/** A record's place in its dataset's rows, from 0 (-1 when it is not there). */
function positionOf(dataset: string, id: string): number {
  if (!positions.has(dataset)) positions.set(dataset, new Map(rowsOf(dataset).map((row, index) => [String(row['id']), index])))
  return positions.get(dataset)!.get(id) ?? -1
}

/** A record's row in its dataset's table: on the page of the table that holds it. */
export function rowUrl(dataset: string, id: string): string {
  return `${pageUrl(urls.dataset(dataset), pageHolding(Math.max(positionOf(dataset, id), 0)))}#${id}`
}

/** The page of a record, by dataset and id: its own page, or else its row in the dataset's table. */
export function pageOf(dataset: string, id: string): string {
  return recordPages[dataset]?.(id) ?? rowUrl(dataset, id)
}

/** The page that shows a record: a definition and a relation are shown on their term's page. */
export function recordUrl(dataset: string, record: Record<string, unknown>): string {
  if (dataset === 'term-definitions') return `${urls.term(String(record['term']))}#definition-${String(record['document'])}`
  if (dataset === 'term-relations') return urls.term(String(record['subject']))
  return pageOf(dataset, String(record['id']))
}
