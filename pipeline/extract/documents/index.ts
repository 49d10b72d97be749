/**
 * Extract `documents`: one record per source, its provenance as the frontmatter
 * states it, and the SHA-256 of its text.
 */
import type {VFile} from 'vfile'
import type {Provenance} from '../../types.ts'
import {foldWhitespace, type TextBlock} from '../../locate/index.ts'
import {report} from '../../messages.ts'
import {frontmatterPlace} from '../../parse/index.ts'
import {concatenate, type Context, type Dataset} from '../dataset.ts'
import {documentId, provenance} from '../evidence.ts'
import {documentArea} from '../geography.ts'

export interface DocumentRecord extends Provenance {
  id: string
  title: string | null
  title_note: string | null
  publisher: string | null
  publisher_organisation: string | null
  publisher_note: string | null
  url: string | null
  url_note: string | null
  date_published: string | null
  date_updated: string | null
  date_written_earliest: string | null
  date_written_latest: string | null
  date_basis: string
  licence: string | null
  licence_note: string | null
  language: string
  geography: string | null
  geography_code: string | null
  path: string
  sha256: string
}

interface Matter {
  title: string | null
  title_note?: string | null
  publisher: {name: string | null; organisation: string | null; note: string | null}
  url: string | null
  url_note: string | null
  date_published: string | null
  date_updated?: string | null
  date_written: {earliest: string | null; latest: string | null; basis: string}
  licence: string | null
  licence_note: string | null
  language: string
  geography: string | null
}

export const documents: Dataset<DocumentRecord> = {
  name: 'documents',
  foreignKeys: [{field: 'publisher_organisation', resource: 'organisations'}],
  extract: extractDocument,
  merge: concatenate
}

function extractDocument(file: VFile, context: Context): DocumentRecord[] {
  const matter = file.data.matter as unknown as Matter
  const block = evidence(file, matter.title)
  const area = documentArea(file, context.areas)
  if (!block || (matter.geography !== null && !area)) return []
  return [{
    id: documentId(file),
    title: matter.title,
    title_note: matter.title_note ?? null,
    publisher: matter.publisher.name,
    publisher_organisation: matter.publisher.organisation,
    publisher_note: matter.publisher.note,
    url: matter.url,
    url_note: matter.url_note,
    date_published: matter.date_published,
    date_updated: matter.date_updated ?? null,
    date_written_earliest: matter.date_written.earliest,
    date_written_latest: matter.date_written.latest,
    date_basis: matter.date_written.basis,
    licence: matter.licence,
    licence_note: matter.licence_note,
    language: matter.language,
    geography: area?.name ?? null,
    geography_code: area?.gss_code ?? null,
    path: file.path,
    sha256: file.data.textSha256 ?? '',
    ...provenance(file, block, 0, block.text.length)
  }]
}

/**
 * The record's evidence: the document's own title, the first heading or
 * paragraph that reads the same; with no title, the text's first block.
 */
function evidence(file: VFile, title: string | null): TextBlock | undefined {
  const blocks = file.data.blocks ?? []
  if (blocks.length === 0) {
    // Else the document would build, and be in no dataset.
    report(file, 'empty-file', 'Unexpected document with no text after its frontmatter (only comments, link definitions or empty headings), expected the text of the document', {place: {line: file.data.bodyLine ?? 1, column: 1}})
    return undefined
  }
  if (title === null) return blocks[0]
  const block = blocks.find((candidate) => candidate.text === foldWhitespace(title))
  if (!block) {
    report(file, 'title-not-found', `Unexpected title \`${title}\` that no heading or paragraph reads, expected a line of the document's text as it reads, or \`title: null\` with a \`title_note\` when the document has no title of its own`, {place: frontmatterPlace(file, ['title'])})
  }
  return block
}
