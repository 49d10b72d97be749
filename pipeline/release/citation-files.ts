/**
 * The repository's citation files, kept in step with the latest release by
 * `npm run release`: CITATION.cff (Citation File Format 1.2.0, type dataset),
 * which GitHub and reference managers read, and .zenodo.json, which Zenodo's
 * GitHub integration reads when it archives a tagged release and mints a DOI.
 * A fact the publication does not know is left out, never made up.
 */
import {stringify} from 'yaml'
import type {Publication} from '../publication.ts'
import {publicUrl, releasePath} from './citation.ts'

export const citationFiles = {cff: 'CITATION.cff', zenodo: '.zenodo.json'} as const

/** CITATION.cff for release `version` of `date`. */
export function citationCff(publication: Publication, version: string, date: string): string {
  const doi = publication.doi.versions[version] ?? publication.doi.concept
  const identifiers = [
    ...(publication.doi.concept ? [{type: 'doi', value: publication.doi.concept, description: 'Concept DOI: every version of the data'}] : []),
    ...(publication.doi.versions[version] ? [{type: 'doi', value: publication.doi.versions[version], description: `DOI of version ${version}`}] : []),
    ...(publication.base_url ? [{type: 'url', value: publicUrl(publication, releasePath(version)), description: `Page of version ${version}`}] : [])
  ]
  const cff = {
    'cff-version': '1.2.0',
    message: `If you use this data, please cite it as below, with its version. ${publication.licences.data.attribution}`,
    type: 'dataset',
    title: publication.title,
    abstract: publication.description,
    authors: [{name: publication.publisher.name, ...(publication.contact.email ? {email: publication.contact.email} : {})}],
    version,
    'date-released': date,
    license: publication.licences.data.id,
    keywords: publication.keywords,
    ...(doi ? {doi} : {}),
    ...(identifiers.length > 0 ? {identifiers} : {}),
    ...(publication.base_url ? {url: publication.base_url} : {}),
    ...(publication.repository ? {'repository-code': publication.repository} : {})
  }
  const header = '# Written by `npm run release` from sources/publication.yml for the latest release; edit those, not this file.\n'
  // Quoted: a bare YYYY-MM-DD would be read back as a YAML date, not the string the schema asks for.
  return header + stringify(cff, {lineWidth: 0, defaultStringType: 'PLAIN'}).replace(/^date-released: (.+)$/m, "date-released: '$1'")
}

/** .zenodo.json: the deposit's metadata, as Zenodo's legacy deposit schema describes it (no version: Zenodo takes the tag's). */
export function zenodoJson(publication: Publication, date: string): string {
  const data = publication.licences.data
  const zenodo = {
    upload_type: 'dataset',
    title: publication.title,
    description: publication.description,
    creators: [{name: publication.publisher.name}],
    access_right: 'open',
    license: data.id,
    keywords: publication.keywords,
    publication_date: date,
    notes: `${data.attribution} Data: ${data.title} (${data.url}). Code: ${publication.licences.code.title}.`,
    ...(publication.repository ? {related_identifiers: [{identifier: publication.repository, relation: 'isCompiledBy', scheme: 'url'}]} : {})
  }
  return JSON.stringify(zenodo, null, 2) + '\n'
}
