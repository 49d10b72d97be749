/** Numbers that are not figures because they belong to dates: day numbers, numeric dates, financial years. */
import {MONTH_NAMES} from '../dates/index.ts'

export interface Span {
  start: number
  end: number
}

// Capitalised or upper case only, so "up to 5 may apply" keeps its 5.
const MONTH = `(?:${MONTH_NAMES.flatMap((name) => [name, name.slice(0, 3), name === 'September' ? 'Sept' : ''])
  .filter((name) => name !== '')
  .flatMap((name) => [name, name.toUpperCase()])
  .sort((a, b) => b.length - a.length)
  .join('|')})(?!\\p{L})\\.?`
const DAY = '\\d{1,2}(?:st|nd|rd|th)?'

/** Day-of-month numbers, numeric dates and financial years: numbers that are not figures. */
const DATE_PATTERNS = [
  // "1 July 2022", "1-3 July", "1st of July"
  new RegExp(`(?<![\\p{L}\\p{N}])${DAY}(?:\\s*[-–]\\s*${DAY})?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?`, 'gu'),
  // "July 1, 2022", "July 1st"
  new RegExp(`${MONTH}\\s+(?:${DAY},?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th))(?![\\p{L}\\p{N}])`, 'gu'),
  // "2022-07-01", "01/07/2022"
  /(?<!\p{N})(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})(?!\p{N})/gu,
]
/** "2020/21", "2020-21", "2020/2021": the second year must follow the first. */
const FINANCIAL_YEAR = /(?<![\p{L}\p{N}])((?:19|20)\d{2})[/–-](\d{2}|\d{4})(?![\p{L}\p{N}])/gu

export function dateSpans(text: string): Span[] {
  const spans: Span[] = []
  // Every pattern needs a digit.
  if (!/\d/.test(text)) return spans
  for (const pattern of DATE_PATTERNS) {
    for (const match of text.matchAll(pattern)) spans.push(spanOf(match))
  }
  for (const match of text.matchAll(FINANCIAL_YEAR)) {
    const start = Number(match[1])
    const end = Number(match[2])
    if (end === (match[2]!.length === 2 ? (start + 1) % 100 : start + 1)) spans.push(spanOf(match))
  }
  return spans
}

function spanOf(match: RegExpMatchArray): Span {
  const start = match.index ?? 0
  return {start, end: start + match[0].length}
}
