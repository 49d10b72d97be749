/**
 * Extract `timeline`: each judgement anchors an event and its status (as the
 * document saw it) to a quote; the date and its precision come from the text.
 */
import type {VFile} from 'vfile'
import {findDatesAndPeriods} from '../../dates/periods.ts'
import type {QuoteMatch} from '../../locate/index.ts'
import type {Provenance} from '../../types.ts'
import {concatenate, type Context, type Dataset} from '../dataset.ts'
import {idOf} from '../ids.ts'
import {fromDocument, fromText, type DateFields} from '../document-date.ts'
import {documentId, judgements, locateQuote, locateWithin, markUsed, provenance, reportJudgement, type Path} from '../evidence.ts'
import {markDisagreements, type Topical} from '../disagreements.ts'
import {geographyOf, nested, type AreaRegister, type GeographyFields} from '../geography.ts'
import {compareText} from '../order.ts'

export interface EventRecord extends Provenance, DateFields, GeographyFields, Topical {
  id: string
  event: string
  status: 'happened' | 'planned' | 'expected'
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

export const timeline: Dataset<EventRecord> = {
  name: 'timeline',
  foreignKeys: [{field: 'disagrees_with', resource: 'timeline', list: true}],
  extract: (file, context) => judgements<Judgement>(file, 'timeline').flatMap(({value, path}) => extractEvent(file, value, path, context) ?? []),
  merge: (parts, context) => orderTimeline(concatenate(parts), context.areas)
}

function extractEvent(file: VFile, judgement: Judgement, path: Path, context: Context): EventRecord | undefined {
  const match = locateQuote(file, [...path, 'quote'], judgement.quote)
  if (!match) return undefined
  const date = judgement.when === 'document' ? fromDocument(file) : dateIn(file, path, judgement, match)
  if (!date) return undefined
  const geography = geographyOf(file, match, judgement.geography, path, context.areas)
  if (!geography) return undefined
  return {
    id: idOf(judgement.id, documentId(file)),
    ...date,
    event: judgement.event,
    status: judgement.status,
    ...geography,
    topic: judgement.topic ?? null,
    disagrees_with: [],
    ...provenance(file, match.block, match.start, match.end)
  }
}

/**
 * Mark disagreements and sort, over events of every document in document order.
 * Newest claims last; ties keep document order, so output is stable.
 * Planned and happened are the same claim seen at different times; only another date disagrees,
 * for one area or areas that lie one in the other (a law for England takes effect in Kent and Medway too).
 */
function orderTimeline(records: EventRecord[], areas: AreaRegister): EventRecord[] {
  markDisagreements(records, (a, b) => a.date !== b.date && nested(areas, a.geography, b.geography))
  return records.sort((a, b) => compareText(a.date ?? '', b.date ?? ''))
}

function dateIn(file: VFile, path: Path, judgement: Judgement, match: QuoteMatch): DateFields | undefined {
  const scope = judgement.when === undefined ? match : locateWithin(file, [...path, 'when'], match, judgement.when)
  if (!scope) return undefined
  const text = scope.block.text.slice(scope.start, scope.end)
  const dates = findDatesAndPeriods(text)
  const field = [...path, judgement.when === undefined ? 'quote' : 'when']
  if (dates.length === 0) {
    reportJudgement(file, 'date-not-found', `Unexpected \`${text}\` without a date, expected a date such as \`1 July 2022\` or \`April 2021\``, field)
    return undefined
  }
  if (dates.length > 1) {
    reportJudgement(file, 'date-ambiguous', `Unexpected ${dates.length} dates in the quote (${dates.map((found) => `\`${found.date.text}\``).join(', ')}), expected one or a \`when\` field`, field)
    return undefined
  }
  const found = dates[0]!
  markUsed(file, scope, found.start, found.end, 'date')
  return fromText(found.date)
}
