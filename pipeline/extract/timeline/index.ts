/**
 * Extract `timeline`: each judgement anchors an event and its status (as the
 * document saw it) to a quote; the date and its precision come from the text.
 */
import type {VFile} from 'vfile'
import {findDates} from '../../dates/index.ts'
import type {QuoteMatch} from '../../locate/index.ts'
import {report} from '../../messages.ts'
import {frontmatterPlace} from '../../parse/index.ts'
import type {Provenance} from '../../types.ts'
import {fromDocument, fromText, type DateFields} from '../document-date.ts'
import {judgements, locateQuote, locateWithin, markUsed, provenance, type Path} from '../evidence.ts'
import {markDisagreements, type Topical} from '../disagreements.ts'
import {geographyOf} from '../geography.ts'
import {compareText} from '../order.ts'

export interface EventRecord extends Provenance, DateFields, Topical {
  id: string
  event: string
  status: 'happened' | 'planned' | 'expected'
  geography: string
}

interface Judgement {
  id: string
  quote: string
  when?: string
  event: string
  status: EventRecord['status']
  geography?: string
  topic?: string
}

export function extractTimeline(files: readonly VFile[]): EventRecord[] {
  const records: EventRecord[] = []
  for (const file of files) {
    for (const {value: judgement, path} of judgements<Judgement>(file, 'timeline')) {
      const match = locateQuote(file, [...path, 'quote'], judgement.quote)
      if (!match) continue
      const date = judgement.when === 'document' ? fromDocument(file) : dateIn(file, path, judgement, match)
      if (!date) continue
      records.push({
        id: judgement.id,
        ...date,
        event: judgement.event,
        status: judgement.status,
        geography: geographyOf(file, match, judgement.geography),
        topic: judgement.topic ?? null,
        disagrees_with: [],
        ...provenance(file, match.block, match.start, match.end)
      })
    }
  }
  return orderTimeline(records)
}

/**
 * Mark disagreements and sort, over events of every document in document order.
 * Newest claims last; ties keep document order, so output is stable.
 * Planned and happened are the same claim seen at different times; only another date disagrees.
 */
export function orderTimeline(records: EventRecord[]): EventRecord[] {
  markDisagreements(records, (a, b) => a.date !== b.date)
  return records.sort((a, b) => compareText(a.date ?? '', b.date ?? ''))
}

function dateIn(file: VFile, path: Path, judgement: Judgement, match: QuoteMatch): DateFields | undefined {
  const scope = judgement.when === undefined ? match : locateWithin(file, [...path, 'when'], match, judgement.when)
  if (!scope) return undefined
  const text = scope.block.text.slice(scope.start, scope.end)
  const dates = findDates(text)
  const place = frontmatterPlace(file, [...path, judgement.when === undefined ? 'quote' : 'when'])
  if (dates.length === 0) {
    report(file, 'date-not-found', `Unexpected \`${text}\` without a date, expected a date such as \`1 July 2022\` or \`April 2021\``, {place})
    return undefined
  }
  if (dates.length > 1) {
    report(file, 'date-ambiguous', `Unexpected ${dates.length} dates in the quote (${dates.map((found) => `\`${found.date.text}\``).join(', ')}), expected one or a \`when\` field`, {place})
    return undefined
  }
  const found = dates[0]!
  markUsed(file, scope, found.start, found.end, 'date')
  return fromText(found.date)
}
