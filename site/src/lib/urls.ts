/** Every URL the site links to, in one place: pages map one-to-one to these. */

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
  download: (file: string) => `/data/draft/${file}`
}

/** The page of a record of any dataset (a row anchor on the dataset page when it has no page of its own). */
export function recordUrl(dataset: string, record: Record<string, unknown>): string {
  const id = String(record['id'])
  switch (dataset) {
    case 'documents':
      return urls.source(id)
    case 'terms':
      return urls.term(id)
    case 'term-definitions':
      return `${urls.term(String(record['term']))}#definition-${String(record['document'])}`
    case 'term-relations':
      return urls.term(String(record['subject']))
    case 'organisations':
      return urls.organisation(id)
    case 'statistics':
      return urls.statistic(id)
    default:
      return `${urls.dataset(dataset)}#${id}`
  }
}
