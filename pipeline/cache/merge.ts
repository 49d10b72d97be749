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
import {createHash} from 'node:crypto'
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

/** The list of a part each dataset is made from, as mergeParts below makes them. */
const mergedFrom = {
  documents: 'documents',
  terms: 'terms',
  'term-definitions': 'terms',
  'term-relations': 'terms',
  organisations: 'organisations',
  'board-members': 'boardMembers',
  statistics: 'statistics',
  timeline: 'timeline'
} as const satisfies Record<string, keyof DocumentPart>

/** A SHA-256 of each list of a part, kept with it, so a merged dataset can be known unchanged without reading its records. */
export type PartDigests = Record<keyof DocumentPart, string>

export function digestPart(part: DocumentPart): PartDigests {
  return serialisePart(part).digests
}

/** A part as JSON, with its digests, each list turned into JSON once for both (the cache stores the JSON). */
export function serialisePart(part: DocumentPart): {json: string; digests: PartDigests} {
  const lists = Object.entries(part).map(([list, value]) => [list, JSON.stringify(value)] as const)
  return {
    json: `{${lists.map(([list, json]) => `${JSON.stringify(list)}:${json}`).join(',')}}`,
    digests: Object.fromEntries(lists.map(([list, json]) => [list, createHash('sha256').update(json).digest('hex')])) as PartDigests
  }
}

/**
 * Per dataset, a SHA-256 of all that mergeParts makes its records from: the
 * register's bytes and, document by document, the digest of the list it
 * takes. The merge is a pure function of these, so for one pipeline version
 * equal digests mean equal records.
 */
export function mergedDigests(digests: readonly PartDigests[], register: VFile): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mergedFrom).map(([dataset, list]) => {
      const digest = createHash('sha256').update(`${dataset}\0${register.data.sha256 ?? ''}\0`)
      for (const part of digests) digest.update(part[list])
      return [dataset, digest.digest('hex')]
    })
  )
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
