/**
 * README.md of a release, also inside its zip: what the data is, which
 * version, every dataset's files and columns, the licences and attribution,
 * how to cite it and how to check the files.
 */
import type {Publication} from '../publication.ts'
import {apa, bibtex} from './cite.ts'
import {releaseCitation} from './citation.ts'
import type {ReleaseRecord} from './record.ts'

interface Table {
  name: string
  type?: string
  path: string
  title: string
  description: string
  schema: {fields: Array<{name: string; type: string; itemType?: string; description: string}>}
}

/** The README of `release`, whose datapackage.json is `datapackage`. */
export function releaseReadme(publication: Publication, release: ReleaseRecord, datapackage: {resources: Table[]}): string {
  const data = publication.licences.data
  const citation = releaseCitation(publication, release.version, release.date)
  const unknown = (value: string | null, note: string | null | undefined) => value ?? `not yet known.${note ? ` ${note.replace(/\.$/, '')}` : ''}`
  const lines = [
    `# ${publication.title}, version ${release.version}`,
    '',
    publication.description,
    '',
    `- Version: ${release.version}, released ${release.date}${release.previous ? `; the version before was ${release.previous}` : '; the first release'}.`,
    `- Publisher: ${publication.publisher.name}.`,
    `- Contact: ${publication.contact.email ?? publication.contact.url ?? unknown(null, publication.contact.note)}.`,
    `- Site: ${unknown(publication.base_url, publication.base_url_note)}.`,
    `- DOI of this version: ${unknown(publication.doi.versions[release.version] ?? null, publication.doi.note)}.`,
    '',
    release.notes,
    '',
    '## Files',
    '',
    'Each dataset comes as a CSV (UTF-8, no byte-order mark, LF line ends, lists joined by `|`), a CSV for Excel (the same rows with a byte-order mark, CRLF, and a `\'` before any cell a spreadsheet would run as a formula) and JSON (typed records). `datapackage.json` describes them all (Frictionless Data Package v2); `schema/` holds their JSON Schemas; `texts/` holds each source document\'s text as its page shows it.',
    '',
    `\`release.json\` records this release; \`changes.json\` and \`changes.csv\` list ${release.previous ? `every record added, removed or changed since ${release.previous}` : 'every record as added, this being the first release'}; \`SHA256SUMS\` (beside the zip) lists every file's SHA-256: check them with \`sha256sum -c SHA256SUMS\`.`,
    ''
  ]
  for (const table of datapackage.resources.filter((resource) => resource.type === 'table')) {
    lines.push(`### ${table.title} (\`${table.name}\`, ${release.counts[table.name] ?? 0} records)`, '', table.description, '', `Files: \`${table.path}\`, \`${table.name}.excel.csv\`, \`${table.name}.json\`.`, '', '| Column | Type | Meaning |', '| --- | --- | --- |')
    for (const field of table.schema.fields) lines.push(`| \`${field.name}\` | ${field.itemType ? `list of ${field.itemType}` : field.type} | ${field.description.replaceAll('|', '\\|').replaceAll('\n', ' ')} |`)
    lines.push('')
  }
  lines.push(
    '## Licence and attribution',
    '',
    `The data is published under the ${data.title} (${data.url}); its text is in \`${data.file}\`. Give this attribution when you reuse it:`,
    '',
    `> ${data.attribution}`,
    '',
    `The code that made it is under the ${publication.licences.code.title}; its text is in \`${publication.licences.code.file}\`.`,
    '',
    '## How to cite',
    '',
    apa(citation),
    '',
    '```bibtex',
    bibtex(citation).trimEnd(),
    '```',
    ''
  )
  return lines.join('\n')
}
