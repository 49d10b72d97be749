/**
 * The publication's own metadata (sources/publication.yml): title, base URL,
 * publisher, licence, contact and keywords.
 */
import type {VFile} from 'vfile'

export interface Publication {
  name: string
  title: string
  description: string
  /** The site's address, ending in `/`, or null while it has none. */
  base_url: string | null
  version: string
  publisher: {name: string}
  contact: {name: string; issues: string}
  licence: {id: string; title: string; url: string; attribution: string}
  keywords: string[]
  language: string
}

export function publicationOf(file: VFile): Publication {
  const matter = file.data.matter as unknown as Publication
  // Releases set a version; the working copy is the draft.
  return {...matter, version: matter.version ?? 'draft'}
}
