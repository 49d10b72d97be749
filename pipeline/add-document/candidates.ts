/**
 * A new document's findings as candidates for its judgements file: each with a
 * quote that occurs exactly once in the text, what was read there, and for a
 * figure a suggested label. Candidates make no record: an editor confirms one
 * by moving it into `statistics`, `timeline`, `terms` (or the register).
 */
import {idOf} from '../extract/ids.ts'
import {around} from '../extract/geography.ts'
import {findFigures} from '../figures/index.ts'
import {findUnreadNumbers} from '../figures/unread.ts'
import {findQuote, type TextBlock} from '../locate/index.ts'
import type {Detection} from '../review/detect.ts'
import {suggestLabel} from './labels.ts'

export interface Candidates {
  statistics: Array<{id: string; quote: string; figure?: string; label: string; unit: string; read: object}>
  timeline: Array<{quote: string; when: string; read: object}>
  terms: Array<{name: string; abbreviation?: string; quote: string; read: object}>
  organisations: Array<{name: string; quote: string; register: string | null}>
}

/** Candidates from `detections` of a document whose text is `blocks`; `register` gives the register id of a known name. */
export function candidatesOf(detections: readonly Detection[], blocks: readonly TextBlock[], register: (name: string) => string | null): Candidates {
  const candidates: Candidates = {statistics: [], timeline: [], terms: [], organisations: []}
  const ids = new Set<string>()
  for (const detection of detections) {
    const {reading} = detection
    const quote = uniqueQuote(blocks, detection, reading.kind === 'figure' || reading.kind === 'date' || reading.kind === 'period')
    if (quote === undefined) continue
    const read = reading
    if (reading.kind === 'figure') {
      const label = suggestLabel(detection.block.text, detection.start, detection.end)
      // A number the detectors cannot read ("85practices") makes the build ask for `figure` too (figure-unread).
      const figures = findFigures(quote)
      const several = figures.length > 1 || findUnreadNumbers(quote, figures).length > 0
      const unit = reading.unit ?? label
      candidates.statistics.push({id: uniqueId(ids, label), quote, ...(several ? {figure: detection.text} : {}), label, unit, read})
    } else if (reading.kind === 'date' || reading.kind === 'period') {
      candidates.timeline.push({quote, when: detection.text, read: reading})
    } else if (reading.kind === 'acronym') {
      candidates.terms.push({name: reading.expansion ?? reading.abbreviation, abbreviation: reading.abbreviation, quote, read})
    } else if (reading.kind === 'term') {
      candidates.terms.push({name: reading.name, quote, read})
    } else {
      candidates.organisations.push({name: reading.name, quote, register: register(reading.name)})
    }
  }
  return candidates
}

/**
 * The shortest quote around a detection that occurs exactly once: its own words,
 * then its sentence, then its whole block (for a figure or a date, its sentence first,
 * which says what it counts or what happened then). Undefined when even the block occurs twice.
 */
function uniqueQuote(blocks: readonly TextBlock[], detection: Detection, sentenceFirst: boolean): string | undefined {
  const {block, start, end} = detection
  const sentence = around(block.text, start, end, sentenceBoundary)
  const tries = sentenceFirst ? [sentence, block.text] : [block.text.slice(start, end), sentence, block.text]
  return tries.find((quote) => quote.length >= 3 && findQuote(blocks, quote).length === 1)
}

/** Between sentences: the space after a full stop (or ; ! ?) before a capital, a digit or an opening mark. */
const sentenceBoundary = /(?<=[.!?;])\s+(?=[\p{Lu}\p{N}£“"‘'(])/gu

function uniqueId(ids: Set<string>, label: string): string {
  const base = idOf(label) || 'figure'
  let id = base
  for (let count = 2; ids.has(id); count++) id = idOf(base, String(count))
  ids.add(id)
  return id
}
