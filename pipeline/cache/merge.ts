/**
 * Extraction one document at a time, and the merge of those parts into the
 * datasets, so a document that has not changed need not be parsed or
 * extracted again (see ./index.ts).
 *
 * Each part is what the real extractors return for that document alone. The
 * merge then does what the extractors do across documents: a term or an
 * organisation named by several documents keeps its first evidence and
 * gathers the rest (the rules of extractTerms and extractOrganisations,
 * restated here), and figures and events on one topic point at each other
 * (markDisagreements with the extractors' own rules). The merge is used only
 * when every document extracted cleanly; otherwise build falls back to the
 * extractors over every document, so messages are exactly theirs.
 * test/hardening/cache.test.ts proves merged and whole-corpus extraction equal.
 */
import {VFile} from 'vfile'
import {extractBoardMembers, type BoardMemberRecord} from '../extract/board-members/index.ts'
import {markDisagreements} from '../extract/disagreements.ts'
import {extractDocuments, type DocumentRecord} from '../extract/documents/index.ts'
import {judgements} from '../extract/evidence.ts'
import {findQuote} from '../locate/index.ts'
import {byId} from '../extract/order.ts'
import {extractOrganisations, type OrganisationRecord, type RegisterEntry} from '../extract/organisations/index.ts'
import {extractStatistics, statisticsDisagree, type StatisticRecord} from '../extract/statistics/index.ts'
import {extractTerms, type DefinitionRecord, type RelationRecord, type TermRecord} from '../extract/terms/index.ts'
import {extractTimeline, orderTimeline, type EventRecord} from '../extract/timeline/index.ts'
import {warn} from '../messages.ts'
import {frontmatterPlace} from '../parse/index.ts'
import type {Provenance} from '../types.ts'

/** What one document contributes to the datasets, as plain data (it is stored as JSON). */
export interface DocumentPart {
  documents: DocumentRecord[]
  terms: TermRecord[]
  /** Ids of the terms this document gives an editorial `label` to. */
  labelled: string[]
  definitions: DefinitionRecord[]
  relations: RelationRecord[]
  organisations: OrganisationRecord[]
  boardMembers: BoardMemberRecord[]
  statistics: StatisticRecord[]
  /** In the order of the document's judgements, not yet sorted by date. */
  timeline: EventRecord[]
}

/** Extract one parsed document; problems go to `file` as with the whole-corpus extractors. */
export function extractPart(file: VFile, register: VFile, organisations: Map<string, RegisterEntry>): DocumentPart {
  const terms = extractTerms([file])
  // Register entries no document names are reported once, by the merge, not for every document; and only
  // entries whose name or alias occurs in the text can be named by it, so the rest are left out.
  const blocks = file.data.blocks ?? []
  const entries = judgements<RegisterEntry>(register, 'organisations')
    .map(({value}) => value)
    .filter((entry) => [entry.name, ...(entry.aliases ?? [])].some((name) => findQuote(blocks, name).length > 0))
  const scratch = new VFile()
  scratch.data = {...register.data, matter: {...register.data.matter, organisations: entries}}
  const events = extractTimeline([file])
  const order = new Map(judgements<{id: string}>(file, 'timeline').map(({value}, index) => [value.id, index] as const).reverse())
  return {
    documents: extractDocuments([file]),
    terms: terms.terms,
    labelled: [...new Set(judgements<{id: string; label?: string}>(file, 'terms').filter(({value}) => value.label).map(({value}) => value.id))],
    definitions: terms.definitions,
    relations: terms.relations,
    organisations: extractOrganisations([file], scratch),
    boardMembers: extractBoardMembers([file], organisations),
    statistics: extractStatistics([file]),
    timeline: events.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
  }
}

/** The records of every dataset from the parts of every document, in document order. */
export function mergeParts(parts: readonly DocumentPart[], register: VFile): Record<string, Provenance[]> {
  const terms = new Map<string, TermRecord>()
  const labelled = new Set<string>()
  const organisations = new Map<string, OrganisationRecord>()
  for (const part of parts) {
    for (const term of part.terms) {
      const existing = terms.get(term.id)
      if (!existing) {
        terms.set(term.id, {...term, defined_in: [...term.defined_in]})
        continue
      }
      // Later documents fill what earlier ones left open; the first naming stays the evidence
      // and the first editorial label, once given, stays the name.
      if (part.labelled.includes(term.id) && !labelled.has(term.id)) existing.name = term.name
      existing.abbreviation ??= term.abbreviation
      existing.sense ??= term.sense
      existing.defined_in.push(...term.defined_in)
    }
    for (const id of part.labelled) labelled.add(id)
    for (const organisation of part.organisations) {
      const existing = organisations.get(organisation.id)
      if (existing) existing.named_in.push(...organisation.named_in.filter((document) => !existing.named_in.includes(document)))
      else organisations.set(organisation.id, {...organisation, named_in: [...organisation.named_in]})
    }
  }
  for (const {value: entry, path} of judgements<RegisterEntry>(register, 'organisations')) {
    if (!organisations.has(entry.id)) {
      warn(register, 'unknown-organisation', `Unexpected register entry \`${entry.name}\` that no document names, expected a name or alias as the text writes it`, {place: frontmatterPlace(register, path)})
    }
  }
  const all = <T>(pick: (part: DocumentPart) => T[]): T[] => parts.flatMap(pick)
  return {
    documents: all((part) => part.documents),
    terms: [...terms.values()].sort(byId),
    'term-definitions': all((part) => part.definitions).sort(byId),
    'term-relations': all((part) => part.relations).sort(byId),
    organisations: [...organisations.values()].sort(byId),
    'board-members': all((part) => part.boardMembers),
    statistics: markDisagreements(all((part) => part.statistics), statisticsDisagree),
    timeline: orderTimeline(all((part) => part.timeline))
  }
}
