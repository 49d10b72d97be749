/**
 * Everything the detectors find in one document, block by block, before any
 * record or `ignore` entry is taken into account: figures, dates, periods,
 * acronym expansions, abbreviations never expanded, defined-looking terms and
 * organisation names. `npm run review` and `npm run add-document` both start here.
 */
import type {VFile} from 'vfile'
import {findDates} from '../dates/index.ts'
import {findPeriods} from '../dates/periods.ts'
import {findAbbreviations} from '../detect/abbreviations.ts'
import {findAcronyms} from '../detect/acronyms.ts'
import {findDefinition} from '../detect/definitions.ts'
import {findOrganisations, type Options as OrganisationOptions} from '../detect/organisations.ts'
import type {Figure} from '../figures/index.ts'
import {findFigures} from '../figures/index.ts'
import type {QuoteMatch, TextBlock} from '../locate/index.ts'

export type Kind = 'figure' | 'date' | 'period' | 'acronym' | 'term' | 'organisation'

/** What a detector read, by kind. */
export type Reading =
  | {kind: 'figure'; value: number | null; low: number | null; high: number | null; unit: Figure['unit']; qualifier: string | null}
  | {kind: 'date'; date: string; precision: string; qualifier: string | null}
  | {kind: 'period'; from: string; to: string}
  | {kind: 'acronym'; abbreviation: string; expansion: string | null}
  | {kind: 'term'; name: string}
  | {kind: 'organisation'; name: string}

/** One thing found: where (a span of a block) and what was read there. */
export interface Detection extends QuoteMatch {
  text: string
  reading: Reading
  /** Other places the same abbreviation is used, for an abbreviation never expanded (covered when any is). */
  also?: QuoteMatch[]
}

/** Every detection in a parsed document, block by block, each kind left to right. */
export function detect(file: VFile, options: OrganisationOptions = {}): Detection[] {
  const blocks = file.data.blocks ?? []
  const found: Detection[] = []
  const expanded = new Set<string>()
  const uses = new Map<string, QuoteMatch[]>()
  const organisations = new Set<string>()
  for (const block of blocks) {
    const span = (start: number, end: number, reading: Reading, text = block.text.slice(start, end)): Detection => ({block, start, end, text, reading})
    for (const {start, end, figure} of findFigures(block.text)) {
      found.push(span(start, end, {kind: 'figure', value: figure.value, low: figure.low, high: figure.high, unit: figure.unit, qualifier: figure.qualifier}))
    }
    const dates = findDates(block.text)
    const periods = findPeriods(block.text, dates)
    for (const {start, end, period} of periods) found.push(span(start, end, {kind: 'period', from: period.from, to: period.to}))
    for (const {start, end, date} of dates) {
      if (periods.some((period) => period.start < end && start < period.end)) continue
      found.push(span(start, end, {kind: 'date', date: date.date, precision: date.precision, qualifier: date.qualifier}))
    }
    for (const {start, end, abbreviation, name} of findAcronyms(block.text)) {
      expanded.add(singular(abbreviation))
      found.push(span(start, end, {kind: 'acronym', abbreviation, expansion: name}))
    }
    for (const {start, end, abbreviation} of findAbbreviations(block.text)) {
      const list = uses.get(abbreviation) ?? []
      uses.set(abbreviation, [...list, {block, start, end}])
    }
    const definition = findDefinition(block)
    if (definition) found.push(span(definition.start, definition.end, {kind: 'term', name: definition.name}))
    for (const {start, end, name} of findOrganisations(block.text, options)) {
      if (organisations.has(name)) continue
      organisations.add(name)
      found.push(span(start, end, {kind: 'organisation', name}))
    }
  }
  // An abbreviation the text never expands is listed once, at its first use, with no expansion.
  for (const [abbreviation, [first, ...rest]] of uses) {
    if (!first || expanded.has(abbreviation)) continue
    const text = first.block.text.slice(first.start, first.end)
    found.push({...first, text, reading: {kind: 'acronym', abbreviation, expansion: null}, also: rest})
  }
  const order = new Map(blocks.map((block, index) => [block, index]))
  return found.sort((a, b) => order.get(a.block)! - order.get(b.block)! || a.start - b.start)
}

/** "PCNs" and "PCN" name the same term. */
export function singular(abbreviation: string): string {
  return abbreviation.replace(/s$/u, '')
}

/** True when `[start, end)` of `block` overlaps `other`. */
export function overlaps(other: QuoteMatch, block: TextBlock, start: number, end: number): boolean {
  return other.block === block && other.start < end && start < other.end
}
