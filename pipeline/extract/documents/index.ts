/**
 * Extract `documents`: one record per source, its provenance as the frontmatter
 * states it, and the SHA-256 of its text.
 */
import type {VFile} from 'vfile'
import type {Provenance} from '../../types.ts'
import {foldWhitespace} from '../../locate/index.ts'
import {report} from '../../messages.ts'
import {frontmatterPlace} from '../../parse/index.ts'
import {concatenate, type Dataset} from '../dataset.ts'
import {documentId, provenance} from '../evidence.ts'

export interface DocumentRecord extends Provenance {
  id: string
  title: string
  publisher: string | null
  publisher_organisation: string | null
  publisher_note: string | null
  url: string | null
  url_note: string | null
  date_published: string | null
  date_written_earliest: string | null
  date_written_latest: string | null
  date_basis: string
  licence: string | null
  licence_note: string | null
  language: string
  geography: string
  path: string
  sha256: string
}

interface Matter {
  title: string
  publisher: {name: string | null; organisation: string | null; note: string | null}
  url: string | null
  url_note: string | null
  date_published: string | null
  date_written: {earliest: string | null; latest: string | null; basis: string}
  licence: string | null
  licence_note: string | null
  language: string
  geography: string
}

export const documents: Dataset<DocumentRecord> = {
  name: 'documents',
  foreignKeys: [{field: 'publisher_organisation', resource: 'organisations'}],
  extract: extractDocument,
  merge: concatenate
}

function extractDocument(file: VFile): DocumentRecord[] {
  const matter = file.data.matter as unknown as Matter
  // The title's evidence is the document's own heading, the first block that reads the same.
  const block = file.data.blocks?.find((candidate) => candidate.text === foldWhitespace(matter.title))
  if (!block) {
    report(file, 'quote-not-found', `Unexpected title \`${matter.title}\` that no heading or paragraph reads, expected the document's first line`, {place: frontmatterPlace(file, ['title'])})
    return []
  }
  return [{
    id: documentId(file),
    title: matter.title,
    publisher: matter.publisher.name,
    publisher_organisation: matter.publisher.organisation,
    publisher_note: matter.publisher.note,
    url: matter.url,
    url_note: matter.url_note,
    date_published: matter.date_published,
    date_written_earliest: matter.date_written.earliest,
    date_written_latest: matter.date_written.latest,
    date_basis: matter.date_written.basis,
    licence: matter.licence,
    licence_note: matter.licence_note,
    language: matter.language,
    geography: matter.geography,
    path: file.path,
    sha256: file.data.textSha256 ?? '',
    ...provenance(file, block, 0, block.text.length)
  }]
}
