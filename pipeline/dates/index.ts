/**
 * Date expressions as English public-sector prose writes them: "1 July 2022",
 * "from April 2020", "by 2031", "in 2020/21".
 *
 * Pure and dependency-free: a few regular expressions propose candidates, the
 * leftmost longest win, and a bounding preposition just before a date joins it.
 */

export type Precision = 'day' | 'month' | 'year'

/** The precision of an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY), by its length. */
export function precisionOf(date: string): Precision {
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year'
}

/** The coarser of two precisions: a period from a day to a year is as precise as a year. */
export function coarser(a: Precision, b: Precision): Precision {
  const order: Precision[] = ['day', 'month', 'year']
  return order[Math.max(order.indexOf(a), order.indexOf(b))]!
}

export interface DateExpression {
  /** ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string
  precision: Precision
  /** Lower-case preposition that bounds it: by, from, since, before, after, until, in, on, as of, during; null when none. */
  qualifier: string | null
  /** The exact matched substring, qualifier included. */
  text: string
}

/** Offsets into the input string (end exclusive), covering the qualifier when present. */
export interface DateMatch {
  start: number
  end: number
  date: DateExpression
}

/** Parses a whole string that is one date expression; undefined if it is not one, or is an impossible date. */
export function parseDateExpression(text: string): DateExpression | undefined {
  const trimmed = text.trim()
  const found = scan(trimmed)
  const only = found[0]
  if (found.length !== 1 || !only || only.start !== 0 || only.end !== trimmed.length) return undefined
  return only.date ?? undefined
}

/** Every date expression in running text, left to right, non-overlapping. */
export function findDates(text: string): DateMatch[] {
  return scan(text).flatMap(({start, end, date}) => (date ? [{start, end, date}] : []))
}

// ---------------------------------------------------------------- candidates

interface Day {
  date: string
  precision: Precision
}

/** A span the patterns claimed; day is null for an impossible date, which still blocks shorter readings. */
interface Candidate {
  start: number
  end: number
  day: Day | null
}

interface Found {
  start: number
  end: number
  date: DateExpression | null
}

const MONTH_NUMBERS = new Map<string, number>()
/** Month names in order, shared with the figures module (it skips day numbers of dates). */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
MONTH_NAMES.forEach((name, index) => {
  for (const form of [name, name.slice(0, 3), name === 'September' ? 'Sept' : '']) {
    if (form) MONTH_NUMBERS.set(form.toLowerCase(), index + 1)
  }
})
// Capitalised or upper case only: "may 2020" in lower case is more often a verb than a month.
const MONTH = `(${[...MONTH_NUMBERS.keys()]
  .flatMap((form) => [form[0]!.toUpperCase() + form.slice(1), form.toUpperCase()])
  .sort((a, b) => b.length - a.length)
  .join('|')})(?!\\p{L})\\.?`
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
const FROM = '(?<![\\p{L}\\p{N}])'
const UNTIL = '(?![\\p{L}\\p{N}])'

type Reader = (match: RegExpMatchArray) => Day | null

/** Patterns, each with how to read its groups. Longer forms win over shorter ones at the same start. */
const PATTERNS: readonly [RegExp, Reader][] = [
  // "1 July 2022", "1st of July, 2022"
  [new RegExp(`${FROM}${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})${UNTIL}`, 'gu'), (m) => ymd(m[3], month(m[2]), m[1])],
  // "July 1, 2022"
  [new RegExp(`${FROM}${MONTH}\\s+${DAY},?\\s+(\\d{4})${UNTIL}`, 'gu'), (m) => ymd(m[3], month(m[1]), m[2])],
  // "July 2020"
  [new RegExp(`${FROM}${MONTH},?\\s+(\\d{4})${UNTIL}`, 'gu'), (m) => ym(m[2], month(m[1]))],
  // "2022-07-01"
  [/(?<![\p{L}\p{N}])(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}])/gu, (m) => ymd(m[1], Number(m[2]), m[3])],
  // "01/07/2022": UK order, day first.
  [/(?<![\p{L}\p{N}/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\p{L}\p{N}/])/gu, (m) => ymd(m[3], Number(m[2]), m[1])],
  // "2016": a bare year, not part of a larger number, a sum of money or a percentage.
  [/(?<![\p{L}\p{N}£$€]|\d[.,])(\d{4})(?![\p{L}\p{N}%]|[.,]\d|\s*(?:per\s?cent|percent|thousand|million|billion)(?!\p{L}))/gu, (m) => year(m[1])],
]

/**
 * "2020/21", "2020-21", "2020/2021". A UK financial year runs from April to
 * March, so it is recorded as the ISO 8601 interval of its months,
 * 2020-04/2021-03, precision month: "by 2030/31" then means by March 2031, not
 * April 2030. Pairs of years that do not follow each other ("2020/25") are not
 * financial years.
 */
const FINANCIAL_YEAR = /(?<![\p{L}\p{N}£$€/.,])(\d{4})[/–-](\d{2}|\d{4})(?![\p{L}\p{N}%/])/gu

function financialYear(match: RegExpMatchArray): Day | null | undefined {
  const start = Number(match[1])
  const end = Number(match[2])
  const follows = match[2]!.length === 2 ? end === (start + 1) % 100 : end === start + 1
  if (!follows) return undefined
  return year(match[1]) && {date: `${match[1]}-04/${start + 1}-03`, precision: 'month'}
}

function month(name: string | undefined): number {
  return MONTH_NUMBERS.get((name ?? '').replace('.', '').toLowerCase()) ?? 0
}

/** A bare year counts only from 1900 to 2100; beyond that a four-digit number is more likely a count. */
function year(text: string | undefined): Day | null {
  const value = Number(text)
  return value >= 1900 && value <= 2100 ? {date: String(value), precision: 'year'} : null
}

function ym(yearText: string | undefined, monthNumber: number): Day | null {
  if (!yearText || monthNumber < 1 || monthNumber > 12) return null
  return {date: `${yearText}-${pad(monthNumber)}`, precision: 'month'}
}

/** Null for impossible dates such as 31 February 2021 or 29 February 2021. */
function ymd(yearText: string | undefined, monthNumber: number, dayText: string | undefined): Day | null {
  const dayNumber = Number(dayText)
  const monthOnly = ym(yearText, monthNumber)
  if (!monthOnly || dayNumber < 1 || dayNumber > daysIn(Number(yearText), monthNumber)) return null
  return {date: `${monthOnly.date}-${pad(dayNumber)}`, precision: 'day'}
}

function daysIn(yearNumber: number, monthNumber: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids time zones.
  return new Date(Date.UTC(yearNumber, monthNumber, 0)).getUTCDate()
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function candidates(text: string): Candidate[] {
  const found: Candidate[] = []
  // Every pattern needs a digit: most quotes have none, and are spared seven scans.
  if (!/\d/.test(text)) return found
  for (const [pattern, read] of PATTERNS) {
    for (const match of text.matchAll(pattern)) found.push({...spanOf(match), day: read(match)})
  }
  for (const match of text.matchAll(FINANCIAL_YEAR)) {
    const day = financialYear(match)
    if (day !== undefined) found.push({...spanOf(match), day})
  }
  return found
}

function spanOf(match: RegExpMatchArray): {start: number; end: number} {
  const start = match.index ?? 0
  return {start, end: start + match[0].length}
}

/** Leftmost, then longest; drops candidates that overlap one already taken. */
function choose(found: Candidate[]): Candidate[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end)
  const chosen: Candidate[] = []
  for (const candidate of sorted) {
    const last = chosen.at(-1)
    if (!last || candidate.start >= last.end) chosen.push(candidate)
  }
  return chosen
}

// ---------------------------------------------------------------- qualifiers

const QUALIFIER = /(?<![\p{L}\p{N}])(as\s+of|by|from|since|before|after|until|in|on|during)\s+$/iu
/** Longer than any qualifier plus generous spacing, so the look-back stays cheap on long documents. */
const LOOK_BACK = 24

function scan(text: string): Found[] {
  let previousEnd = 0
  return choose(candidates(text)).map((candidate) => {
    const qualified = qualifierBefore(text, previousEnd, candidate.start)
    previousEnd = candidate.end
    const start = qualified?.start ?? candidate.start
    const {end, day} = candidate
    return {start, end, date: day && {...day, qualifier: qualified?.qualifier ?? null, text: text.slice(start, end)}}
  })
}

/** The bounding preposition just before a date, if any, not reaching back into the previous match. */
function qualifierBefore(text: string, from: number, start: number): {qualifier: string; start: number} | undefined {
  const windowStart = Math.max(from, start - LOOK_BACK)
  const match = QUALIFIER.exec(text.slice(windowStart, start))
  if (!match) return undefined
  const qualifierStart = windowStart + match.index
  // The window may have cut a word in two ("common" → "on"): check the character before it too.
  if (qualifierStart > 0 && /[\p{L}\p{N}]/u.test(text[qualifierStart - 1] ?? '')) return undefined
  return {qualifier: match[1]!.toLowerCase().replace(/\s+/gu, ' '), start: qualifierStart}
}
