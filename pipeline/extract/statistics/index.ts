/**
 * Extract `statistics`: each judgement anchors a label and unit to a quote;
 * the number, its qualifier and any unit the text states come from the text.
 */
import type {VFile} from 'vfile'
import {findDates} from '../../dates/index.ts'
import {findFigures, type FigureMatch} from '../../figures/index.ts'
import {report} from '../../messages.ts'
import {frontmatterPlace} from '../../parse/index.ts'
import type {Provenance} from '../../types.ts'
import {documentDate} from '../document-date.ts'
import {judgements, locateQuote, locateWithin, markUsed, provenance, type Path} from '../evidence.ts'
import {markDisagreements} from '../disagreements.ts'
import {geographyOf} from '../geography.ts'
import type {QuoteMatch} from '../../locate/index.ts'

export interface StatisticRecord extends Provenance {
  id: string
  label: string
  value: number | null
  value_low: number | null
  value_high: number | null
  unit: string
  qualifier: string | null
  figure: string
  geography: string
  date: string | null
  date_precision: 'day' | 'month' | 'year' | null
  date_qualifier: string | null
  date_basis: 'text' | 'document'
  topic: string | null
  disagrees_with: string[]
}

interface Judgement {
  id: string
  quote: string
  figure?: string
  label: string
  unit: string
  geography?: string
  topic?: string
}

export function extractStatistics(files: readonly VFile[]): StatisticRecord[] {
  const records: StatisticRecord[] = []
  for (const file of files) {
    for (const {value: judgement, path} of judgements<Judgement>(file, 'statistics')) {
      const record = extractStatistic(file, judgement, path)
      if (record) records.push(record)
    }
  }
  // Only the numbers: "people" and "registered patients" may name the same count.
  return markDisagreements(records, (record) => `${record.value} ${record.value_low} ${record.value_high}`)
}

function extractStatistic(file: VFile, judgement: Judgement, path: Path): StatisticRecord | undefined {
  const match = locateQuote(file, [...path, 'quote'], judgement.quote)
  if (!match) return undefined
  const found = figureIn(file, path, judgement, match)
  if (!found) return undefined
  const {figure} = found
  const date = dateIn(file, match)
  return {
    id: judgement.id,
    label: judgement.label,
    value: figure.value,
    value_low: figure.low,
    value_high: figure.high,
    // A unit the text states (£, per cent) is fact; the judged unit names what is counted.
    unit: figure.unit ?? judgement.unit,
    qualifier: figure.qualifier,
    figure: figure.text,
    geography: geographyOf(file, match, judgement.geography),
    ...date,
    topic: judgement.topic ?? null,
    disagrees_with: [],
    ...provenance(file, match.block, match.start, match.end)
  }
}

/** The one figure of the quote, or the one `figure` names. */
function figureIn(file: VFile, path: Path, judgement: Judgement, match: QuoteMatch): FigureMatch | undefined {
  const scope = judgement.figure === undefined ? match : locateWithin(file, [...path, 'figure'], match, judgement.figure)
  if (!scope) return undefined
  const text = scope.block.text.slice(scope.start, scope.end)
  const figures = findFigures(text)
  const place = frontmatterPlace(file, [...path, judgement.figure === undefined ? 'quote' : 'figure'])
  if (figures.length === 0) {
    report(file, 'figure-not-found', `Unexpected \`${text}\` without a figure, expected a number such as \`528,000\` or \`Forty two\``, {place})
    return undefined
  }
  if (figures.length > 1) {
    report(file, 'figure-ambiguous', `Unexpected ${figures.length} figures in the quote (${figures.map((found) => `\`${found.figure.text}\``).join(', ')}), expected one or a \`figure\` field`, {place})
    return undefined
  }
  const found = figures[0]!
  markUsed(file, scope, found.start, found.end, 'figure')
  return found
}

/** A date the quote states ("by 2031"), else the document's date. */
function dateIn(file: VFile, match: QuoteMatch): Pick<StatisticRecord, 'date' | 'date_precision' | 'date_qualifier' | 'date_basis'> {
  const dates = findDates(match.block.text.slice(match.start, match.end))
  if (dates.length === 1) {
    const {date, start, end} = dates[0]!
    markUsed(file, match, start, end, 'date')
    return {date: date.date, date_precision: date.precision, date_qualifier: date.qualifier, date_basis: 'text'}
  }
  const fallback = documentDate(file)
  return {date: fallback.date, date_precision: fallback.precision, date_qualifier: fallback.qualifier, date_basis: 'document'}
}
