/**
 * The publication's own metadata (sources/publication.yml): title, base URL,
 * repository, publisher, contact, licences, DOIs and keywords. An unknown
 * fact is null, with a note saying why; it is shown as such, never invented.
 */
import type {VFile} from 'vfile'

export interface Licence {
  /** SPDX id. */
  id: string
  title: string
  url: string
  /** Its full text, a file at the repository's root. */
  file: string
  attribution?: string
}

export interface Publication {
  name: string
  title: string
  description: string
  /** The site's address, ending in `/`, or null while it has none. */
  base_url: string | null
  base_url_note?: string | null
  repository: string | null
  repository_note?: string | null
  /** The release this metadata describes: a version such as `1.0.0`, or `draft`. */
  version: string
  /** Its date (YYYY-MM-DD); null for the draft. */
  date: string | null
  publisher: {name: string}
  contact: {name: string; email: string | null; url: string | null; note?: string | null}
  licences: {data: Licence & {attribution: string}; code: Licence}
  doi: {concept: string | null; versions: Record<string, string>; note?: string | null}
  keywords: string[]
  language: string
}

/** The publication as the file says, for release `version` of `date` (default: the draft, undated). */
export function publicationOf(file: VFile, version = 'draft', date: string | null = null): Publication {
  return {...(file.data.matter as unknown as Omit<Publication, 'version' | 'date'>), version, date}
}
