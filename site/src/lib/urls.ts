/** Every URL the site links to, in one place: pages map one-to-one to these. */
import {shown} from './shown.ts'

/** A file of a version ('1.0.0', 'latest' or 'draft'): the URL never changes for a release. */
const file = (version: string, name: string) => `/data/${version}/${name}`

export const urls = {
  home: '/',
  datasets: '/datasets/',
  dataset: (name: string) => `/datasets/${name}/`,
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

/** The page of a record, by dataset and id: its own page, or else its row on the dataset page. */
export function pageOf(dataset: string, id: string): string {
  return recordPages[dataset]?.(id) ?? `${urls.dataset(dataset)}#${id}`
}

/** The page that shows a record: a definition and a relation are shown on their term's page. */
export function recordUrl(dataset: string, record: Record<string, unknown>): string {
  if (dataset === 'term-definitions') return `${urls.term(String(record['term']))}#definition-${String(record['document'])}`
  if (dataset === 'term-relations') return urls.term(String(record['subject']))
  return pageOf(dataset, String(record['id']))
}
