/**
 * Review: what the text holds that no dataset uses yet — figures no record
 * took its value from, dates and periods no record took its date from, acronym
 * expansions and abbreviations no term of this document covers, defined-looking
 * terms of no known name, organisation names not in the register — less every
 * `ignore` entry, so an editor adding a document sees what needs judgement.
 * Acronyms are judged per document: another document's term for the same
 * abbreviation does not settle what it means here.
 */
import type {VFile} from 'vfile'
import {documentId, textPoint} from '../extract/evidence.ts'
import {ignoredSpans} from '../extract/ignored.ts'
import type {DatasetRecords} from '../validate/index.ts'
import {detect, overlaps, singular, type Detection, type Kind, type Reading} from './detect.ts'
import {knownMeanings, questionFor, type Meaning} from './meanings.ts'

export type {Kind} from './detect.ts'

/** One finding: where it is, what kind, its words, and what was read (value, date, period, expansion or name). */
export type Finding = {document: string; line: number; column: number; text: string} & Reading & {meanings?: Meaning[]; question?: string}

/** What review knows besides the documents: the organisations of the register, by every name they go by. */
export interface Knowledge {
  organisations?: ReadonlyMap<string, unknown>
  /** Areas of the integrated care boards, so "NHS Dorset" is found as a board. */
  boardAreas?: Iterable<string>
}

/** Everything detected in `files` that no record or `ignore` entry covers. */
export function review(files: readonly VFile[], datasets: readonly DatasetRecords[], knowledge: Knowledge = {}): Finding[] {
  const field = (name: string, key: string) => datasets.find((dataset) => dataset.name === name)?.records.map((record) => String((record as unknown as Record<string, unknown>)[key])) ?? []
  // A defined-looking phrase is known when a term goes by that name in any document.
  const named = new Set([...field('terms', 'name'), ...field('term-definitions', 'name')].map((name) => singular(name.toLowerCase())))
  const registered = new Set([...(knowledge.organisations?.keys() ?? []), ...field('organisations', 'name')])
  const meanings = knownMeanings(datasets)
  const findings: Finding[] = []
  for (const file of files) {
    const used = file.data.used ?? []
    const skipped = ignoredSpans(file)
    for (const detection of detect(file, {boardAreas: knowledge.boardAreas ?? []})) {
      const {reading} = detection
      if (reading.kind === 'term' && named.has(singular(reading.name.toLowerCase()))) continue
      if (reading.kind === 'organisation' && registered.has(reading.name)) continue
      const as = reading.kind === 'period' ? 'date' : reading.kind === 'acronym' ? 'term' : reading.kind
      const covering = [...skipped, ...used.filter((other) => other.as === as)]
      if ([detection, ...(detection.also ?? [])].some((place) => covering.some((other) => overlaps(other, place.block, place.start, place.end)))) continue
      findings.push(toFinding(file, detection, meanings))
    }
  }
  return findings
}

/** A detection as a finding, with the meanings of its abbreviation and the question to ask where they do not settle it. */
function toFinding(file: VFile, detection: Detection, meanings: ReadonlyMap<string, Meaning[]>): Finding {
  const point = textPoint(file, detection.block.offsets[detection.start] ?? 0)
  const {reading} = detection
  // Key order for JSON readers: where, what kind, the words, then what was read.
  const finding = Object.assign({document: documentId(file), line: point.line, column: point.column, kind: reading.kind, text: detection.text}, reading) as Finding
  if (finding.kind !== 'acronym') return finding
  const known = meanings.get(singular(finding.abbreviation)) ?? []
  const question = questionFor(finding.abbreviation, finding.expansion, known)
  return question ? {...finding, meanings: known, question} : finding
}

/** The kinds, in the order review counts them. */
export const kinds: readonly Kind[] = ['figure', 'date', 'period', 'acronym', 'term', 'organisation']
