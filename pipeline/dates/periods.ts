/**
 * Periods: a span of time the text gives as one thing, "2023 to 2028",
 * "between April 2024 and March 2025", "2023-2028", or a UK financial year
 * ("2023/24", "2023-24"), which runs from April to March. One finding, not two
 * dates.
 */
import {findDates, type DateMatch} from './index.ts'

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

/** Every period in running text, left to right, non-overlapping. */
export function findPeriods(text: string): PeriodMatch[] {
  const dates = findDates(text)
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
