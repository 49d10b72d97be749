/**
 * Extract `organisations`: every organisation of the register
 * (sources/reference/organisations.yml) that the documents name. The register
 * holds the judgements (type, sector) and the verified identifiers; the text
 * gives the evidence: the first place a document names it.
 */
import type {VFile} from 'vfile'
import {findQuote, type QuoteMatch, type TextBlock} from '../../locate/index.ts'
import {warn} from '../../messages.ts'
import {frontmatterPlace} from '../../parse/index.ts'
import type {Provenance} from '../../types.ts'
import type {Dataset} from '../dataset.ts'
import {documentId, judgements, provenance} from '../evidence.ts'
import {byId} from '../order.ts'

export interface OrganisationRecord extends Provenance {
  id: string
  name: string
  type: string
  sector: string
  ods_code: string | null
  gss_code: string | null
  identifier_evidence: string | null
  note: string | null
  named_in: string[]
}

export interface RegisterEntry {
  id: string
  name: string
  aliases: string[]
  type: string
  sector: string
  identifiers: Array<{register: 'ods' | 'gss'; code: string; evidence: string}>
  note: string | null
}

/** Register entries by every name they go by. */
export function registerIndex(register: VFile): Map<string, RegisterEntry> {
  const index = new Map<string, RegisterEntry>()
  for (const {value: entry} of judgements<RegisterEntry>(register, 'organisations')) {
    for (const name of [entry.name, ...(entry.aliases ?? [])]) index.set(name, entry)
  }
  return index
}

export const organisations: Dataset<OrganisationRecord> = {
  name: 'organisations',
  foreignKeys: [{field: 'named_in', resource: 'documents', list: true}],
  extract: (file, context) => extractNamed(file, context.organisations),
  merge: (parts, context) => mergeNamed(parts, context.register)
}

/** The organisations one document names, each at its first mention there. */
function extractNamed(file: VFile, index: Map<string, RegisterEntry>): OrganisationRecord[] {
  const records = new Map<string, OrganisationRecord>()
  for (const {entry, match} of mentions(file, index)) {
    if (records.has(entry.id)) continue
    const code = (register: 'ods' | 'gss') => entry.identifiers.find((identifier) => identifier.register === register)?.code ?? null
    records.set(entry.id, {
      id: entry.id,
      name: entry.name,
      type: entry.type,
      sector: entry.sector,
      ods_code: code('ods'),
      gss_code: code('gss'),
      identifier_evidence: entry.identifiers.length > 0 ? [...new Set(entry.identifiers.map((identifier) => identifier.evidence))].join(' ') : null,
      note: entry.note,
      named_in: [documentId(file)],
      ...provenance(file, match.block, match.start, match.end)
    })
  }
  return [...records.values()]
}

/**
 * The organisations of every document's part, in document order: the first
 * mention stays the evidence and every naming document is listed. A register
 * entry that no document names is a warning on the register.
 */
function mergeNamed(parts: ReadonlyArray<readonly OrganisationRecord[]>, register: VFile): OrganisationRecord[] {
  const records = new Map<string, OrganisationRecord>()
  for (const part of parts) {
    for (const organisation of part) {
      const existing = records.get(organisation.id)
      if (existing) existing.named_in.push(...organisation.named_in.filter((document) => !existing.named_in.includes(document)))
      else records.set(organisation.id, {...organisation, named_in: [...organisation.named_in]})
    }
  }
  for (const {value: entry, path} of judgements<RegisterEntry>(register, 'organisations')) {
    if (!records.has(entry.id)) {
      warn(register, 'unknown-organisation', `Unexpected register entry \`${entry.name}\` that no document names, expected a name or alias as the text writes it`, {place: frontmatterPlace(register, path)})
    }
  }
  return [...records.values()].sort(byId)
}

/**
 * Every place a file names a register organisation, in text order. A name
 * inside a longer registered name ("NHS England" in "NHS England and NHS
 * Improvement – South East Region") belongs to the longer one.
 */
function mentions(file: VFile, index: Map<string, RegisterEntry>): Array<{entry: RegisterEntry; match: QuoteMatch}> {
  const found: Array<{entry: RegisterEntry; match: QuoteMatch}> = []
  const names = [...index.keys()].sort((a, b) => b.length - a.length)
  // Per block, the end of the longest span found at each start: names come longest first, so a span
  // that contains a match starts at most the longest name's length before the match ends.
  const spans = new Map<TextBlock, Map<number, number>>()
  const longest = names[0]?.length ?? 0
  for (const name of names) {
    for (const match of findQuote(file.data.blocks ?? [], name)) {
      if (!wholeWords(match)) continue
      let ends = spans.get(match.block)
      if (!ends) spans.set(match.block, (ends = new Map()))
      let inside = false
      for (let start = Math.max(0, match.end - longest); start <= match.start && !inside; start++) inside = (ends.get(start) ?? -1) >= match.end
      if (inside) continue
      found.push({entry: index.get(name)!, match})
      ends.set(match.start, Math.max(ends.get(match.start) ?? -1, match.end))
    }
  }
  const order = new Map((file.data.blocks ?? []).map((block, position) => [block, position]))
  return found.sort((a, b) => order.get(a.match.block)! - order.get(b.match.block)! || a.match.start - b.match.start)
}

function wholeWords(match: QuoteMatch): boolean {
  const {text} = match.block
  return !/[\p{L}\p{N}]/u.test(text[match.start - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[match.end] ?? '')
}
