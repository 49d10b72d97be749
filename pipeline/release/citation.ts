/**
 * What a citation of the publication says, for a release or one record in
 * it: the publisher as author, the title, version, year, the page's address
 * and the version's DOI, each only where known (./cite.ts formats it).
 */
import type {Publication} from '../publication.ts'
import type {Citation} from './cite.ts'

/** A release's page, relative to the site's root. */
export const releasePath = (version: string) => `releases/${version}/`

/** The address of `pathname` (relative to the site's root) on the public site; null while it has none. */
export function publicUrl(publication: Pick<Publication, 'base_url'>, pathname: string): string | null {
  return publication.base_url === null ? null : new URL(pathname, publication.base_url).href
}

/** A citation of release `version` (or of the draft, with no date) of the whole publication. */
export function releaseCitation(publication: Publication, version: string, date: string | null): Citation {
  return {
    key: `${publication.name}-${version}`,
    publisher: publication.publisher.name,
    title: publication.title,
    version,
    date,
    url: publicUrl(publication, version === 'draft' ? '' : releasePath(version)),
    doi: publication.doi.versions[version] ?? null
  }
}

/** A citation of one record, `label`, at its page `pathname`, in release `version` of the publication. */
export function recordCitation(publication: Publication, version: string, date: string | null, record: {key: string; label: string; pathname: string}): Citation {
  return {...releaseCitation(publication, version, date), key: `${publication.name}-${version}-${record.key}`, title: record.label, container: publication.title, url: publicUrl(publication, record.pathname)}
}
