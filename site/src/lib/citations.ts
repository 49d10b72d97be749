/**
 * Citations of the publication, a dataset or a record, in the version a page
 * shows, and the four forms a page offers (pipeline/release/cite.ts formats
 * them). Paths are relative to the site's root, as publicUrl expects.
 */
import {apa, bibtex, cslJson, ris, type Citation} from '../../../pipeline/release/cite.ts'
import {recordCitation, releaseCitation} from '../../../pipeline/release/citation.ts'
import {publication} from './publication.ts'

export type {Citation}

/** A release (or, with version 'draft' and no date, the draft) of the whole publication. */
export function citeRelease(version: string, date: string | null): Citation {
  return releaseCitation(publication, version, date)
}

/** A dataset or a record, `label`, shown at `page` (a URL path of this site), in `version`. */
export function citeRecord(version: string, date: string | null, record: {key: string; label: string; page: string}): Citation {
  return recordCitation(publication, version, date, {key: record.key, label: record.label, pathname: record.page.replace(/^\//, '')})
}

export interface CitationForm {
  /** For ids: apa, bibtex, ris, csl-json. */
  id: string
  label: string
  text: string
}

export function citationForms(citation: Citation): CitationForm[] {
  return [
    {id: 'apa', label: 'APA 7', text: apa(citation)},
    {id: 'bibtex', label: 'BibTeX', text: bibtex(citation)},
    {id: 'ris', label: 'RIS', text: ris(citation)},
    {id: 'csl-json', label: 'CSL-JSON', text: `${JSON.stringify(cslJson(citation), null, 2)}\n`}
  ]
}
