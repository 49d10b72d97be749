/**
 * Review: what the text holds that no dataset uses yet — figures no record took
 * its value from, dates no record took its date from, acronym expansions of no
 * known term — less every `ignore` entry, so an editor adding a document sees
 * what needs judgement.
 */
import type {VFile} from 'vfile'
import {findDates} from '../dates/index.ts'
import {findAcronyms} from '../detect/acronyms.ts'
import {findDefinition} from '../detect/definitions.ts'
import {documentId, textPoint} from '../extract/evidence.ts'
import {ignoredSpans} from '../extract/ignored.ts'
import {findFigures} from '../figures/index.ts'
import type {QuoteMatch, TextBlock} from '../locate/index.ts'
import type {DatasetRecords} from '../validate/index.ts'

export interface Finding {
  document: string
  line: number
  column: number
  kind: 'figure' | 'date' | 'acronym' | 'term'
  text: string
}

/** Everything detected in `files` that no record or `ignore` entry covers. */
export function review(files: readonly VFile[], datasets: readonly DatasetRecords[]): Finding[] {
  const field = (name: string, key: string) => datasets.find((dataset) => dataset.name === name)?.records.map((record) => String((record as unknown as Record<string, unknown>)[key])) ?? []
  const known = new Set(field('terms', 'abbreviation').map(singular))
  // A defined-looking phrase is known when a term goes by that name in any document.
  const named = new Set([...field('terms', 'name'), ...field('term-definitions', 'name')].map((name) => singular(name.toLowerCase())))
  const findings: Finding[] = []
  for (const file of files) {
    const used = file.data.used ?? []
    const skipped = ignoredSpans(file)
    for (const block of file.data.blocks ?? []) {
      const spans = [
        ...findFigures(block.text).map((match) => ({...match, kind: 'figure' as const, text: match.figure.text})),
        ...findDates(block.text).map((match) => ({...match, kind: 'date' as const, text: match.date.text})),
        ...findAcronyms(block.text)
          .filter((match) => !known.has(singular(match.abbreviation)))
          .map((match) => ({...match, kind: 'acronym' as const, text: `${match.name} (${match.abbreviation})`})),
        ...[findDefinition(block)].flatMap((match) => (match && !named.has(singular(match.name.toLowerCase())) ? [{...match, kind: 'term' as const, text: match.name}] : []))
      ]
      for (const span of spans) {
        const covered = [...skipped, ...used.filter((other) => other.as === span.kind)]
        if (covered.some((other) => overlaps(other, block, span.start, span.end))) continue
        const point = textPoint(file, block.offsets[span.start] ?? 0)
        findings.push({document: documentId(file), line: point.line, column: point.column, kind: span.kind, text: span.text})
      }
    }
  }
  return findings
}

/** "PCNs" and "PCN" name the same term. */
function singular(abbreviation: string): string {
  return abbreviation.replace(/s$/u, '')
}

function overlaps(used: QuoteMatch, block: TextBlock, start: number, end: number): boolean {
  return used.block === block && used.start < end && start < used.end
}
