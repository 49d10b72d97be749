/**
 * Extract `statistics`: each judgement anchors a label and unit to a quote;
 * the number, its qualifier and any unit the text states come from the text.
 */
import type {VFile} from 'vfile'
import {findDatesAndPeriods} from '../../dates/periods.ts'
import {findFigures, type FigureMatch} from '../../figures/index.ts'
import {findUnreadNumbers} from '../../figures/unread.ts'
import type {Provenance} from '../../types.ts'
import {concatenate, type Context, type Dataset} from '../dataset.ts'
import {idOf} from '../ids.ts'
import {fromDocument, fromText, type DateFields} from '../document-date.ts'
import {documentId, judgements, locateQuote, locateWithin, markUsed, provenance, reportJudgement, type Path} from '../evidence.ts'
import {markDisagreements, type Topical} from '../disagreements.ts'
import {geographyOf, type GeographyFields} from '../geography.ts'
import {overlappingDates} from '../document-date.ts'
import type {QuoteMatch} from '../../locate/index.ts'

export interface StatisticRecord extends Provenance, DateFields, GeographyFields, Topical {
  id: string
  label: string
  value: number | null
  value_low: number | null
  value_high: number | null
  unit: string
  qualifier: string | null
  figure: string
}

interface Judgement {
  id: string
  quote: string
  figure?: string
  when?: string
  label: string
  unit: string
  geography?: string
  topic?: string
}

export const statistics: Dataset<StatisticRecord> = {
  name: 'statistics',
  foreignKeys: [{field: 'disagrees_with', resource: 'statistics', list: true}],
  extract: (file, context) => judgements<Judgement>(file, 'statistics').flatMap(({value, path}) => extractStatistic(file, value, path, context) ?? []),
  merge: (parts) => markDisagreements(concatenate(parts), statisticsDisagree)
}

/**
 * Whether two figures on one topic disagree: they are for the same area (15
 * networks in one ICS and 42 in another are two facts), they describe times
 * that meet (a count that changed over the years is no disagreement), and
 * their numbers do not meet. Only the numbers: "people" and "registered
 * patients" may name the same count.
 */
function statisticsDisagree(a: StatisticRecord, b: StatisticRecord): boolean {
  return a.geography === b.geography && overlappingDates(a, b) && !overlaps(interval(a), interval(b))
}

function extractStatistic(file: VFile, judgement: Judgement, path: Path, context: Context): StatisticRecord | undefined {
  const match = locateQuote(file, [...path, 'quote'], judgement.quote)
  if (!match) return undefined
  const found = figureIn(file, path, judgement, match)
  if (!found) return undefined
  const {figure} = found
  const date = dateIn(file, path, judgement, match)
  if (!date) return undefined
  const at = {block: match.block, start: found.start, end: found.end}
  const geography = geographyOf(file, at, judgement.geography, path, context.areas, {figure: true})
  if (!geography) return undefined
  return {
    id: idOf(judgement.id, documentId(file)),
    label: judgement.label,
    value: figure.value,
    value_low: figure.low,
    value_high: figure.high,
    // A unit the text states (£, per cent) is fact; the judged unit names what is counted.
    unit: figure.unit ?? judgement.unit,
    qualifier: figure.qualifier,
    figure: figure.text,
    ...geography,
    ...date,
    topic: judgement.topic ?? null,
    disagrees_with: [],
    ...provenance(file, match.block, match.start, match.end)
  }
}

const atLeast = new Set(['over', 'more than', 'at least', 'or more', 'and over', 'or over', 'and above', 'or above'])
const atMost = new Set(['almost', 'nearly', 'up to', 'less than', 'fewer than', 'or fewer', 'or less', 'under', 'below'])
const roughly = new Set(['about', 'around', 'approximately', 'circa', 'roughly', 'some', 'typically', 'possibly'])

/** The values a figure allows: "over 528,000" is [528000, ∞), "about 1,000" is [900, 1100]. */
function interval(record: StatisticRecord): [number, number] {
  if (record.value === null) return [record.value_low ?? -Infinity, record.value_high ?? Infinity]
  const qualifier = record.qualifier ?? ''
  if (atLeast.has(qualifier)) return [record.value, Infinity]
  if (atMost.has(qualifier)) return [-Infinity, record.value]
  if (roughly.has(qualifier)) return [record.value * 0.9, record.value * 1.1]
  return [record.value, record.value]
}

function overlaps([lowA, highA]: [number, number], [lowB, highB]: [number, number]): boolean {
  return lowA <= highB && lowB <= highA
}

/** The one figure of the quote, or the one `figure` names, its offsets in the block. */
function figureIn(file: VFile, path: Path, judgement: Judgement, match: QuoteMatch): FigureMatch | undefined {
  const scope = judgement.figure === undefined ? match : locateWithin(file, [...path, 'figure'], match, judgement.figure)
  if (!scope) return undefined
  const text = scope.block.text.slice(scope.start, scope.end)
  const figures = findFigures(text)
  const field = [...path, judgement.figure === undefined ? 'quote' : 'figure']
  if (judgement.figure === undefined && unreadIn(file, path, text, figures)) return undefined
  if (figures.length === 0) {
    reportJudgement(file, 'figure-not-found', `Unexpected \`${text}\` without a figure, expected a number such as \`528,000\` or \`Forty two\``, field)
    return undefined
  }
  if (figures.length > 1) {
    reportJudgement(file, 'figure-ambiguous', `Unexpected ${figures.length} figures in the quote (${figures.map((found) => `\`${found.figure.text}\``).join(', ')}), expected one or a \`figure\` field`, field)
    return undefined
  }
  const found = figures[0]!
  markUsed(file, scope, found.start, found.end, 'figure')
  // Offsets in the block, as the figure's geography needs them.
  return {...found, start: scope.start + found.start, end: scope.start + found.end}
}

/**
 * A number the detector cannot read ("85practices") next to one it can ("31 networks") would
 * silently make the quote's one figure: without a `figure` field, that is an error.
 */
function unreadIn(file: VFile, path: Path, text: string, figures: readonly FigureMatch[]): boolean {
  const unread = findUnreadNumbers(text, figures)
  if (unread.length === 0) return false
  const numbers = unread.map((number) => `\`${number.text}\``).join(', ')
  const example = figures[0]?.figure.text ?? unread[0]!.text
  reportJudgement(file, 'figure-unread', `Unexpected number ${numbers} in \`${text}\` that is not read as a figure, expected a \`figure\` field naming the number this record is about, such as \`figure: "${example}"\``, [...path, 'quote'])
  return true
}

/** A date the quote (or its `when` words) states ("by 2031"), else the document's date. */
function dateIn(file: VFile, path: Path, judgement: Judgement, match: QuoteMatch): DateFields | undefined {
  if (judgement.when === 'document') return fromDocument(file)
  const scope = judgement.when === undefined ? match : locateWithin(file, [...path, 'when'], match, judgement.when)
  if (!scope) return undefined
  const dates = findDatesAndPeriods(scope.block.text.slice(scope.start, scope.end))
  if (dates.length > 1) {
    const listed = dates.map((found) => `\`${found.date.text}\``).join(', ')
    reportJudgement(file, 'date-ambiguous', `Unexpected ${dates.length} dates in the quote (${listed}), expected one, a \`when\` field, or \`when: document\``, [...path, judgement.when === undefined ? 'quote' : 'when'])
    return undefined
  }
  if (dates.length === 0) return fromDocument(file)
  const {date, start, end} = dates[0]!
  markUsed(file, scope, start, end, 'date')
  return fromText(date)
}
