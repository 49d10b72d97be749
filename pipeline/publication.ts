/**
 * The publication's own metadata (sources/publication.yml): title, publisher,
 * licence, contact, keywords and the datasets with their keys.
 */
import type {VFile} from 'vfile'
import type {ForeignKey} from './validate/index.ts'

export interface DatasetMeta {
  name: string
  title: string
  description: string
  primary_key: string
  foreign_keys: ForeignKey[]
}

export interface Publication {
  name: string
  title: string
  description: string
  version: string
  publisher: {name: string}
  contact: {name: string; issues: string}
  licence: {id: string; title: string; url: string; attribution: string}
  keywords: string[]
  language: string
  datasets: DatasetMeta[]
}

export function publicationOf(file: VFile): Publication {
  const matter = file.data.matter as unknown as Publication
  // Releases set a version; the working copy is the draft.
  return {...matter, version: matter.version ?? 'draft'}
}
