/**
 * Periods: a span of time the text gives as one thing, "2023 to 2028",
 * "between April 2024 and March 2025", "2023-2028", or a UK financial year
 * ("2023/24", "2023-24"), which runs from April to March. One finding, not two
 * dates.
 */
import {coarser, findDates, precisionOf, type DateMatch} from './index.ts'

export interface Period {
  /** ISO 8601 start and end (YYYY, YYYY-MM or YYYY-MM-DD), each as precise as the text. */
  from: string
  to: string
  /** The exact matched substring. */
  text: string
}

/** Offsets into the input string (end exclusive). */
export interface PeriodMatch {
  start: number
  end: number
  period: Period
}

/** What may stand between the two ends: "2023 to 2028", "2023 – 2028", "2023-2028", "between 2023 and 2028". */
const JOIN = /^\s*(?:to|until|till|through|and|[-–—])\s*$/u
const BETWEEN = /(?<![\p{L}\p{N}])between\s+$/iu

/** Every period in running text, left to right, non-overlapping (`dates`: the text's dates, when the caller has them). */
export function findPeriods(text: string, dates: readonly DateMatch[] = findDates(text)): PeriodMatch[] {
  const periods: PeriodMatch[] = []
  for (let index = 0; index < dates.length; index++) {
    const first = dates[index]!
    const joined = join(text, first, dates[index + 1])
    if (joined) {
      periods.push(joined)
      index++
    } else if (first.date.date.includes('/')) {
      const [from, to] = first.date.date.split('/') as [string, string]
      periods.push({start: first.start, end: first.end, period: {from, to, text: first.date.text}})
    }
  }
  return periods
}

/**
 * Every date of running text, a period joined from two dates counting as one:
 * "from 2023 to 2028" is the interval 2023/2028, as precise as its coarser end
 * and with no qualifier (both ends are bounds), so a record's quote or `when`
 * can name a period. A financial year alone stays the date findDates reads.
 */
export function findDatesAndPeriods(text: string): DateMatch[] {
  const dates = findDates(text)
  const meets = (a: {start: number; end: number}, b: {start: number; end: number}) => a.start < b.end && b.start < a.end
  const joined = findPeriods(text, dates).filter((period) => dates.filter((date) => meets(date, period)).length > 1)
  const periods = joined.map(({start, end, period}): DateMatch => ({start, end, date: {date: `${period.from}/${period.to}`, precision: coarser(precisionOf(period.from), precisionOf(period.to)), qualifier: null, text: period.text}}))
  return [...dates.filter((date) => !joined.some((period) => meets(date, period))), ...periods].sort((a, b) => a.start - b.start)
}

/** Two dates joined into one period, when only a joining word stands between them. */
function join(text: string, first: DateMatch, second: DateMatch | undefined): PeriodMatch | undefined {
  if (!second || (second.date.qualifier !== null && second.date.qualifier !== 'until')) return undefined
  const between = text.slice(first.end, second.start)
  // "from 2022 until 2025": the second date carries its own "until".
  const joins = second.date.qualifier === 'until' ? between.trim() === '' : JOIN.test(between)
  if (!joins) return undefined
  const opened = BETWEEN.exec(text.slice(Math.max(0, first.start - 12), first.start))
  // "between 2023 and 2028" is a period; "in 2023 and 2028" two dates.
  if (/and/u.test(between) && !opened) return undefined
  const start = opened ? first.start - opened[0].length : first.start
  const from = first.date.date.split('/')[0]!
  const to = second.date.date.split('/').at(-1)!
  if (!(from <= to)) return undefined
  return {start, end: second.end, period: {from, to, text: text.slice(start, second.end)}}
}
