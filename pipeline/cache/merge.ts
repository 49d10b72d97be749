/**
 * Extraction one document at a time, and the merge of those parts into the
 * datasets, so a document that has not changed need not be parsed or
 * extracted again (see ./index.ts).
 *
 * Each part is what the real extractors return for that document alone. The
 * merge then calls the extractors' own merge rules (mergeTermParts,
 * mergeOrganisationParts, markDisagreements, orderTimeline). The merge is used only
 * when every document extracted cleanly; otherwise build falls back to the
 * extractors over every document, so messages are exactly theirs.
 * test/hardening/cache.test.ts proves merged and whole-corpus extraction equal.
 */
import type {VFile} from 'vfile'
import {extractBoardMembers, type BoardMemberRecord} from '../extract/board-members/index.ts'
import {markDisagreements} from '../extract/disagreements.ts'
import {extractDocuments, type DocumentRecord} from '../extract/documents/index.ts'
import {judgements} from '../extract/evidence.ts'
import {extractOrganisationPart, mergeOrganisationParts, type OrganisationRecord, type RegisterEntry} from '../extract/organisations/index.ts'
import {extractStatistics, statisticsDisagree, type StatisticRecord} from '../extract/statistics/index.ts'
import {extractTermPart, mergeTermParts, type TermPart} from '../extract/terms/index.ts'
import {extractTimeline, orderTimeline, type EventRecord} from '../extract/timeline/index.ts'
import type {Provenance} from '../types.ts'

/** What one document contributes to the datasets, as plain data (it is stored as JSON). */
export interface DocumentPart {
  documents: DocumentRecord[]
  terms: TermPart
  organisations: OrganisationRecord[]
  boardMembers: BoardMemberRecord[]
  statistics: StatisticRecord[]
  /** In the order of the document's judgements, not yet sorted by date. */
  timeline: EventRecord[]
}

/** Extract one parsed document; problems go to `file` as with the whole-corpus extractors. */
export function extractPart(file: VFile, organisations: Map<string, RegisterEntry>): DocumentPart {
  const events = extractTimeline([file])
  const order = new Map(judgements<{id: string}>(file, 'timeline').map(({value}, index) => [value.id, index] as const).reverse())
  return {
    documents: extractDocuments([file]),
    terms: extractTermPart(file),
    organisations: extractOrganisationPart(file, organisations),
    boardMembers: extractBoardMembers([file], organisations),
    statistics: extractStatistics([file]),
    timeline: events.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
  }
}

/** The records of every dataset from the parts of every document, merged by the extractors' own rules. */
export function mergeParts(parts: readonly DocumentPart[], register: VFile): Record<string, Provenance[]> {
  const terms = mergeTermParts(parts.map((part) => part.terms))
  const all = <T>(pick: (part: DocumentPart) => T[]): T[] => parts.flatMap(pick)
  return {
    documents: all((part) => part.documents),
    terms: terms.terms,
    'term-definitions': terms.definitions,
    'term-relations': terms.relations,
    organisations: mergeOrganisationParts(parts.map((part) => part.organisations), register),
    'board-members': all((part) => part.boardMembers),
    statistics: markDisagreements(all((part) => part.statistics), statisticsDisagree),
    timeline: orderTimeline(all((part) => part.timeline))
  }
}
