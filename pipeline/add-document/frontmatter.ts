/**
 * A new document's frontmatter, from the options alone: what the editor did
 * not give is `null` with a note that says it is unknown and what to fill in,
 * never a guess (see schema/source-document.schema.json).
 */
import {stringify} from 'yaml'
import type {Options} from './options.ts'

export interface Known {
  /** Register id of the publisher, when the publisher's name is a register name or alias. */
  organisation: string | null
}

/** The frontmatter of document `id`, as YAML between `---` lines. */
export function frontmatterOf(id: string, options: Options, known: Known): string {
  const unknown = (what: string, fill: string) => `Unknown: add-document was given no ${what}; ${fill}.`
  const latest = options.updated ?? options.published
  const matter = {
    id,
    title: options.title,
    title_note: options.title === null ? unknown('--title', 'fill in the title the page gives itself, or say why it has none') : null,
    publisher: {
      name: options.publisher,
      organisation: known.organisation,
      note:
        options.publisher === null
          ? unknown('--publisher', 'fill in the publisher as the page names it, and its id in sources/reference/organisations.yml')
          : known.organisation === null
            ? 'Given to add-document (--publisher); not in sources/reference/organisations.yml: add it there and set `organisation` to its id.'
            : null
    },
    url: options.url,
    url_note: options.url === null ? unknown('--url', 'fill in the address the page was published at, or say why there is none') : null,
    date_published: options.published,
    date_updated: options.updated,
    date_written: {
      earliest: null,
      latest,
      basis:
        latest === null
          ? unknown('date', 'fill in the bounds of when the text was written, quoting the words that date it')
          : `Written no later than ${options.updated ? 'its update' : 'its publication'} on ${latest} (given to add-document); the earliest date is unknown: fill it in from the text, quoting the words that date it.`
    },
    licence: null,
    licence_note: 'Unknown: add-document does not read licences; fill in the SPDX id of the licence the page states (e.g. OGL-UK-3.0), or say that it states none.',
    language: options.language,
    geography: options.geography,
    geography_note: options.geography === null ? unknown('--geography', 'fill in the area the document is about, as sources/reference/areas.yml names it') : null
  }
  return `---\n${stringify(matter, {lineWidth: 0})}---\n`
}
