/**
 * Figures as English public-sector prose writes them: "Over 528,000",
 * "£3.4 billion", "almost one in three", "30,000 to 50,000".
 *
 * Pure; it shares only the month names of the dates module. The text is cut into tokens (./tokens.ts)
 * and a small recursive-descent parser is tried at each token (numbers ./number-words.ts, quantities
 * ./quantities.ts, proportions and ranges ./shapes.ts), so every match keeps exact offsets into the
 * original string. Numbers of dates (./skip.ts) and labels (./labels.ts) are not figures.
 */
import {isLabelNumber, isListNumber, isServiceNumber} from './labels.ts'
import {readQuantity} from './quantities.ts'
import {readProportion, readRange, single, type Body} from './shapes.ts'
import {dateSpans, type Span} from './skip.ts'
import {isWord, tokenize, type Token} from './tokens.ts'


export interface Figure {
  /** The single value, or null when only a range is given. */
  value: number | null
  /** Range low, for "30,000 to 50,000", "1-3 million", "between 250,000 and 500,000". */
  low: number | null
  high: number | null
  /**
   * Only what the text itself says: £ → GBP; every share is a proportion from 0 to 1, whether the text
   * writes it as a percentage ("20%" → 0.2) or in words ("one in three", "a quarter", "half").
   */
  unit: 'GBP' | 'proportion' | null
  /** Lower-case word(s) that hedge the number: "over", "at least", "or more"… */
  qualifier: string | null
  /** The exact matched substring. */
  text: string
}

/** Offsets into the input string (end exclusive), covering qualifier, number, scale word and unit. */
export interface FigureMatch {
  start: number
  end: number
  figure: Figure
}

/** Parses a whole string that is one figure expression; undefined if it is not one. */
export function parseFigure(text: string): Figure | undefined {
  const trimmed = text.trim()
  const tokens = tokenize(trimmed)
  const parsed = parseFigureAt(tokens, 0, false)
  if (!parsed || parsed.next !== tokens.length) return undefined
  return toFigure(parsed, tokens, trimmed)
}

/** Every figure in running text, left to right, non-overlapping. */
export function findFigures(text: string): FigureMatch[] {
  const tokens = tokenize(text)
  const dates = dateSpans(text)
  const matches: FigureMatch[] = []
  let i = 0
  while (i < tokens.length) {
    const parsed = parseFigureAt(tokens, i, true)
    if (parsed && isFigureInProse(parsed, tokens, text, dates)) {
      const figure = toFigure(parsed, tokens, text)
      matches.push({start: tokens[parsed.first]!.start, end: tokens[parsed.next - 1]!.end, figure})
      i = parsed.next
    } else {
      i++
    }
  }
  return matches
}

// ---------------------------------------------------------------- qualifiers

function phrases(list: readonly string[]): string[][] {
  return list.map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length)
}

const LEADING_QUALIFIERS = phrases([
  'over', 'almost', 'around', 'about', 'at least', 'possibly', 'more than', 'circa', 'roughly', 'typically',
  'just', 'up to', 'nearly', 'approximately', 'some', 'a minimum of', 'less than', 'fewer than',
])
/**
 * Hedges written after a single number. "one or more" is reported as value 1
 * with qualifier "or more": the text's own words, so nothing is invented, and
 * a reader can tell it apart from "at least one" if that ever matters.
 */
const TRAILING_QUALIFIERS = phrases(['or more', 'or fewer', 'or less', 'or over', 'and over', 'or above', 'and above'])

function readPhrase(tokens: readonly Token[], i: number, list: readonly string[][]): {qualifier: string; next: number} | undefined {
  const phrase = list.find((words) => words.every((word, k) => isWord(tokens[i + k], word)))
  return phrase && {qualifier: phrase.join(' '), next: i + phrase.length}
}

// ---------------------------------------------------------------- figures

interface Parsed {
  body: Body
  qualifier: string | null
  first: number
  next: number
}

function parseFigureAt(tokens: readonly Token[], i: number, prose: boolean): Parsed | undefined {
  const lead = readPhrase(tokens, i, LEADING_QUALIFIERS)
  const at = lead?.next ?? i
  const quantity = readQuantity(tokens, at)
  const body = readProportion(tokens, at, lead !== undefined) ?? readRange(tokens, at, prose) ?? (quantity && single(quantity))
  if (!body) return undefined
  const trail = lead || !body.single ? undefined : readPhrase(tokens, body.next, TRAILING_QUALIFIERS)
  return {body, qualifier: lead?.qualifier ?? trail?.qualifier ?? null, first: i, next: trail?.next ?? body.next}
}

function toFigure(parsed: Parsed, tokens: readonly Token[], text: string): Figure {
  const {value, low, high, unit} = parsed.body
  const start = tokens[parsed.first]!.start
  const end = tokens[parsed.next - 1]!.end
  return {value, low, high, unit, qualifier: parsed.qualifier, text: text.slice(start, end)}
}

/** Rules that need the surrounding prose, so parseFigure("2016") and parseFigure("one") still parse. */
function isFigureInProse(parsed: Parsed, tokens: readonly Token[], text: string, dates: readonly Span[]): boolean {
  if (parsed.body.yearLike) return false
  // "one" alone is mostly a pronoun or determiner ("one of the", "one year"); it
  // counts only with a qualifier ("at least one", "one or more"), a scale
  // ("one million"), a proportion ("one in three") or a range ("one to three").
  if (parsed.body.bareOne && parsed.qualifier === null) return false
  const start = tokens[parsed.first]!.start
  const end = tokens[parsed.next - 1]!.end
  if (dates.some((span) => span.start < end && start < span.end)) return false
  // A label is a small bare whole number ("Objective 4"), never one with a unit, qualifier or thousands ("Year 1,000").
  const {single, unit, value} = parsed.body
  const bare = single && unit === null && parsed.qualifier === null
  const label = bare && value !== null && Number.isInteger(value) && value < 100 && isLabelNumber(tokens, parsed.first)
  return !isListNumber(text, start) && !label && !(bare && isServiceNumber(tokens, parsed.first))
}
