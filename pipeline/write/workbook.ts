/**
 * What the workbook's first sheet says before its column list: what the data
 * is, which version, who publishes it, the licence and its attribution, how
 * to cite it, and where the canonical files are.
 */
import type {Publication} from '../publication.ts'
import {apa} from '../release/cite.ts'
import {releaseCitation} from '../release/citation.ts'
import type {Table} from './table.ts'

export function aboutWorkbook(publication: Publication, tables: readonly Table[]): {title: string; lines: string[]} {
  const data = publication.licences.data
  const released = publication.version !== 'draft'
  return {
    title: publication.title,
    lines: [
      publication.description,
      released ? `Version ${publication.version}.` : 'Draft: records may change until the next numbered release.',
      `Published by ${publication.publisher.name}.`,
      `${tables.length} sheets, one per dataset, after this one; the next part of this sheet says what every column means. Numbers are numbers, text stays text; lists are joined with "|". The CSV and JSON files hold the same records; a cell longer than a spreadsheet holds (32,767 characters) is cut here and says so.`,
      `Licence: ${data.title} (${data.url}).`,
      `Attribution: ${data.attribution}`,
      `How to cite: ${apa(releaseCitation(publication, publication.version, publication.date))}`
    ]
  }
}
