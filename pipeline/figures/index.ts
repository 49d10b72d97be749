/**
 * Figures as English public-sector prose writes them: "Over 528,000",
 * "£3.4 billion", "almost one in three", "30,000 to 50,000".
 *
 * Pure; it shares only the month names of the dates module. The text is cut into tokens and a small
 * recursive-descent parser is tried at each token, so every match keeps exact
 * offsets into the original string.
 */

import {MONTH_NAMES} from '../dates/index.ts'

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

type Unit = Figure['unit']

// ---------------------------------------------------------------- tokens

interface Token {
  kind: 'num' | 'word' | 'sym'
  text: string
  lower: string
  start: number
  end: number
}

// Digits with well-formed thousands separators, or plain digits; words (which
// may carry digits, so "M20" and "ICS2" stay words); any other single character.
const TOKEN = /(\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)|(\p{L}[\p{L}\p{N}]*(?:['’]\p{L}+)*)|(\S)/gu

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(TOKEN)) {
    const kind = match[1] !== undefined ? 'num' : match[2] !== undefined ? 'word' : 'sym'
    const start = match.index ?? 0
    tokens.push({kind, text: match[0], lower: match[0].toLowerCase(), start, end: start + match[0].length})
  }
  return tokens
}

/** True when b follows a with no space between. */
function glued(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start
}

function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.kind === 'word' && words.includes(token.lower)
}

// ---------------------------------------------------------------- number words

const SMALL = new Map<string, number>([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
])
const TENS = new Map<string, number>([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
])
/** Multipliers as powers of ten, so scaling stays exact. */
const MULTIPLIERS = new Map<string, number>([['thousand', 3], ['million', 6], ['billion', 9]])

/** Ordinals that can follow a hyphen after a tens word ("twenty-first"). */
const UNIT_ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'])

type WordKind = 'none' | 'small' | 'teen' | 'tens' | 'hundred' | 'scale'

interface WordState {
  total: number
  group: number
  last: WordKind
  lastPower: number
  trailingPower: number
}

/** Adds one word to a number being read; false (state untouched) if it cannot follow what came before. */
function applyWord(state: WordState, word: string): boolean {
  const small = SMALL.get(word)
  if (small !== undefined) {
    const afterTens = state.last === 'tens' && small >= 1 && small <= 9
    const fresh = state.last === 'none' || state.last === 'hundred' || state.last === 'scale'
    if (!(fresh || afterTens) || (small === 0 && state.last !== 'none')) return false
    return step(state, state.group + small, small >= 10 ? 'teen' : 'small')
  }
  const tens = TENS.get(word)
  if (tens !== undefined) {
    if (!(state.last === 'none' || state.last === 'hundred' || state.last === 'scale')) return false
    return step(state, state.group + tens, 'tens')
  }
  if (word === 'hundred') {
    // "two hundred", "nineteen hundred"; not "twenty hundred" or a second hundred in one group.
    if (!((state.last === 'small' || state.last === 'teen') && state.group > 0 && state.group < 100)) return false
    return step(state, state.group * 100, 'hundred')
  }
  const power = MULTIPLIERS.get(word)
  if (power === undefined || state.last === 'none' || state.group === 0 || power >= state.lastPower) return false
  state.total += state.group * 10 ** power
  state.lastPower = power
  step(state, 0, 'scale')
  state.trailingPower = power
  return true
}

function step(state: WordState, group: number, last: WordKind): true {
  state.group = group
  state.last = last
  state.trailingPower = 0
  return true
}

interface NumberRead {
  /** Decimal digits of the number before its trailing scale, e.g. "3.4" for "3.4 billion". */
  decimal: string
  /** Trailing scale as a power of ten (0 when none). */
  power: number
  word: boolean
  words: number
  next: number
}

/** Reads number words from token i: "Forty two", "forty-two", "two hundred and fifty thousand". */
function readWordNumber(tokens: readonly Token[], i: number): NumberRead | undefined {
  const state: WordState = {total: 0, group: 0, last: 'none', lastPower: Infinity, trailingPower: 0}
  let next = i
  let words = 0
  let j = i
  while (j >= 0 && tokens[j]?.kind === 'word' && applyWord(state, tokens[j]!.lower)) {
    next = j + 1
    words++
    j = nextNumberWord(tokens, next, state.last)
  }
  if (words === 0) return undefined
  const value = state.total + state.group
  return {decimal: String(value / 10 ** state.trailingPower), power: state.trailingPower, word: true, words, next}
}

/** Where the next number word could start after token k-1, or -1: a space, a glued hyphen, or "and" after hundred/thousand. */
function nextNumberWord(tokens: readonly Token[], k: number, last: WordKind): number {
  const token = tokens[k]
  if (token?.text === '-' && glued(tokens[k - 1], token) && glued(token, tokens[k + 1])) return k + 1
  if (isWord(token, 'and')) return last === 'hundred' || last === 'scale' ? k + 1 : -1
  return token?.kind === 'word' ? k : -1
}

function readNumber(tokens: readonly Token[], i: number): NumberRead | undefined {
  const token = tokens[i]
  if (token?.kind === 'num') return {decimal: token.text.replaceAll(',', ''), power: 0, word: false, words: 0, next: i + 1}
  return readWordNumber(tokens, i)
}

/** A whole number ≥ 1 with no scale, for "one in three" and "two thirds". */
function readCount(tokens: readonly Token[], i: number): {value: number; next: number} | undefined {
  const read = readNumber(tokens, i)
  if (!read || read.decimal.includes('.')) return undefined
  const value = Number(`${read.decimal}e${read.power}`)
  return value >= 1 ? {value, next: read.next} : undefined
}

// ---------------------------------------------------------------- quantities

/** Scale words after digits; the abbreviations only count when glued ("£86m", "£1.2bn", "250k"). */
const DIGIT_SCALES = new Map<string, number>([
  ['thousand', 3], ['million', 6], ['billion', 9], ['trillion', 12], ['k', 3], ['m', 6], ['bn', 9],
])
const ABBREVIATED_SCALES = new Set(['k', 'm', 'bn'])

interface Quantity {
  decimal: string
  power: number
  unit: Unit
  /** The lone word "one", which prose mostly uses as a pronoun. */
  bareOne: boolean
  /** A plain four-digit number from 1900 to 2100, which prose mostly uses as a year. */
  yearLike: boolean
  next: number
}

function valueOf(quantity: {decimal: string; power: number}): number {
  // Shifting the exponent in the string keeps "3.4 billion" exact (3.4 * 1e9 is not).
  return Number(`${quantity.decimal}e${quantity.power}`)
}

/** "£86m", "2 per cent", "3.4 billion", "Forty two", "20%". */
function readQuantity(tokens: readonly Token[], i: number): Quantity | undefined {
  const currency = tokens[i]?.text === '£'
  const digits = tokens[currency ? i + 1 : i]?.text ?? ''
  const number = readNumber(tokens, currency ? i + 1 : i)
  if (!number) return undefined
  let next = number.next
  let power = number.power
  const scale = number.word ? undefined : readScale(tokens, next)
  if (scale) {
    power = scale.power
    next = scale.next
  }
  const percent = readPercent(tokens, next)
  if (percent !== undefined) {
    next = percent
    // A percentage is a share: "20%" is 0.2, shifted in the exponent so it stays exact.
    power -= 2
  }
  if ((currency && percent !== undefined) || !standsAlone(tokens, i, next)) return undefined
  const unit: Unit = currency ? 'GBP' : percent !== undefined ? 'proportion' : null
  const plain = unit === null && power === 0
  return {
    decimal: number.decimal,
    power,
    unit,
    bareOne: plain && number.word && number.words === 1 && number.decimal === '1',
    yearLike: plain && /^\d{4}$/.test(digits) && Number(digits) >= 1900 && Number(digits) <= 2100,
    next,
  }
}

function readScale(tokens: readonly Token[], i: number): {power: number; next: number} | undefined {
  const token = tokens[i]
  const power = token?.kind === 'word' ? DIGIT_SCALES.get(token.lower) : undefined
  if (power === undefined) return undefined
  if (ABBREVIATED_SCALES.has(token!.lower) && !glued(tokens[i - 1], token)) return undefined
  return {power, next: i + 1}
}

/** "%", "per cent", "percent", "per-cent": the index after it, or undefined. */
function readPercent(tokens: readonly Token[], i: number): number | undefined {
  const token = tokens[i]
  if (token?.text === '%' || isWord(token, 'percent')) return i + 1
  if (!isWord(token, 'per')) return undefined
  if (isWord(tokens[i + 1], 'cent')) return i + 2
  if (tokens[i + 1]?.text === '-' && isWord(tokens[i + 2], 'cent')) return i + 3
  return undefined
}

/**
 * False when tokens [first, next) are glued to something that makes them part
 * of another thing: "1st", "10am", "1990s", "24/7", "10:30", "COVID-19",
 * "1.2.3", "twenty-first".
 */
function standsAlone(tokens: readonly Token[], first: number, next: number): boolean {
  const head = tokens[first]
  const before = tokens[first - 1]
  if (glued(before, head)) {
    if (before!.text === '/' || before!.text === ':') return false
    if (before!.text === '-' && tokens[first - 2]?.kind === 'word' && glued(tokens[first - 2], before)) return false
    if (before!.text === '.' && tokens[first - 2]?.kind === 'num' && glued(tokens[first - 2], before)) return false
  }
  const tail = tokens[next - 1]
  const after = tokens[next]
  if (!glued(tail, after)) return true
  if (after!.kind === 'word' || after!.text === '/' || after!.text === ':') return false
  if (after!.text === '.' && tokens[next + 1]?.kind === 'num' && glued(after, tokens[next + 1])) return false
  const ordinal = tokens[next + 1]
  return !(tail!.kind === 'word' && after!.text === '-' && glued(after, ordinal) && ordinal?.kind === 'word' && UNIT_ORDINALS.has(ordinal.lower))
}

// ---------------------------------------------------------------- figure shapes

interface Body {
  value: number | null
  low: number | null
  high: number | null
  unit: Unit
  bareOne: boolean
  yearLike: boolean
  single: boolean
  next: number
}

function single(quantity: Quantity): Body {
  const {unit, bareOne, yearLike, next} = quantity
  return {value: valueOf(quantity), low: null, high: null, unit, bareOne, yearLike, single: true, next}
}

function proportion(value: number, next: number): Body {
  return {value, low: null, high: null, unit: 'proportion', bareOne: false, yearLike: false, single: false, next}
}

const FRACTIONS = new Map<string, number>([
  ['half', 2], ['third', 3], ['quarter', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8], ['ninth', 9], ['tenth', 10],
])
const PLURAL_FRACTIONS = new Map<string, number>([
  ['halves', 2], ['thirds', 3], ['quarters', 4], ['fifths', 5], ['sixths', 6], ['sevenths', 7], ['eighths', 8], ['ninths', 9], ['tenths', 10],
])
/** Words after "a third", "a fifth"… that show it is a share, not an ordinal ("a third wave", "a third party"). */
const AFTER_SHARE = new Set(['of', 'by', 'in', 'to', 'and', 'or', 'than', 'from', 'since', 'over', 'more', 'less', 'fewer', 'compared'])
/** Words before "half" that make it a period or a part, not a share ("the first half"). */
const BEFORE_PERIOD = new Set(['a', 'the', 'first', 'second', 'this', 'that', 'next', 'last', 'latter', 'former', 'other', 'each'])

/** "one in three", "1 in 5", "a quarter", "one-third", "two thirds", "half". */
function readProportion(tokens: readonly Token[], i: number, hedged: boolean): Body | undefined {
  return oneIn(tokens, i) ?? aFraction(tokens, i, hedged) ?? someFractions(tokens, i) ?? half(tokens, i)
}

function oneIn(tokens: readonly Token[], i: number): Body | undefined {
  const numerator = readCount(tokens, i)
  if (!numerator || !isWord(tokens[numerator.next], 'in')) return undefined
  const at = isWord(tokens[numerator.next + 1], 'every') ? numerator.next + 2 : numerator.next + 1
  const denominator = readCount(tokens, at)
  if (!denominator || denominator.value <= numerator.value || !standsAlone(tokens, i, denominator.next)) return undefined
  return proportion(numerator.value / denominator.value, denominator.next)
}

function aFraction(tokens: readonly Token[], i: number, hedged: boolean): Body | undefined {
  if (!isWord(tokens[i], 'a', 'one')) return undefined
  const hyphen = tokens[i + 1]?.text === '-' && glued(tokens[i], tokens[i + 1])
  const at = hyphen ? i + 2 : i + 1
  const denominator = tokens[at]?.kind === 'word' ? FRACTIONS.get(tokens[at]!.lower) : undefined
  if (denominator === undefined || !standsAlone(tokens, i, at + 1) || gluedHyphenAfter(tokens, at)) return undefined
  const ordinalShaped = denominator !== 2 && denominator !== 4
  if (ordinalShaped && !hedged && !looksLikeShare(tokens[at + 1])) return undefined
  return proportion(1 / denominator, at + 1)
}

function someFractions(tokens: readonly Token[], i: number): Body | undefined {
  const numerator = readCount(tokens, i)
  if (!numerator) return undefined
  const hyphen = tokens[numerator.next]?.text === '-' && glued(tokens[numerator.next - 1], tokens[numerator.next])
  const at = hyphen ? numerator.next + 1 : numerator.next
  const denominator = tokens[at]?.kind === 'word' ? PLURAL_FRACTIONS.get(tokens[at]!.lower) : undefined
  if (denominator === undefined || numerator.value >= denominator || gluedHyphenAfter(tokens, at)) return undefined
  return proportion(numerator.value / denominator, at + 1)
}

function half(tokens: readonly Token[], i: number): Body | undefined {
  if (!isWord(tokens[i], 'half') || gluedHyphenAfter(tokens, i)) return undefined
  const before = tokens[i - 1]
  if (before?.kind === 'word' && BEFORE_PERIOD.has(before.lower)) return undefined
  return proportion(1 / 2, i + 1)
}

/** "half-day", "third-party": a compound word, not a share. */
function gluedHyphenAfter(tokens: readonly Token[], i: number): boolean {
  return tokens[i + 1]?.text === '-' && glued(tokens[i], tokens[i + 1])
}

function looksLikeShare(after: Token | undefined): boolean {
  return after === undefined || after.kind !== 'word' || AFTER_SHARE.has(after.lower)
}

const RANGE_SEPARATORS = new Set(['to', '-', '–'])
/** Words before "from" that make "from X to Y" a range rather than a change. */
const RANGING = new Set(['range', 'ranges', 'ranging', 'ranged', 'vary', 'varies', 'varying'])

/** "30,000 to 50,000", "1-3 million", "between 250,000 and 500,000". */
function readRange(tokens: readonly Token[], i: number, prose: boolean): Body | undefined {
  if (isWord(tokens[i], 'between')) {
    const low = readQuantity(tokens, i + 1)
    if (!low || !isWord(tokens[low.next], 'and')) return undefined
    const high = readQuantity(tokens, low.next + 1)
    return high && joinRange(low, high, prose)
  }
  const low = readQuantity(tokens, i)
  const separator = low && tokens[low.next]
  if (!low || !separator || !RANGE_SEPARATORS.has(separator.lower)) return undefined
  if (separator.lower === 'to' && prose && isChange(tokens, i)) return undefined
  const high = readQuantity(tokens, low.next + 1)
  return high && joinRange(low, high, prose)
}

/** "rose from 20 to 25": two figures, not a range. */
function isChange(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]
  if (!isWord(before, 'from')) return false
  const verb = tokens[i - 2]
  return !(verb?.kind === 'word' && RANGING.has(verb.lower))
}

function joinRange(low: Quantity, high: Quantity, prose: boolean): Body | undefined {
  if (low.unit && high.unit && low.unit !== high.unit) return undefined
  // In prose "to 2025" is a deadline and "2019 to 2021" a span of years.
  if (prose && (low.yearLike || high.yearLike)) return undefined
  // "1-3 million": the scale after the high end also applies to a smaller, unscaled low end.
  // "500,000 to 1 million" keeps its low end as written.
  const shareScale = low.power === 0 && high.power > 0 && Number(low.decimal) < Number(high.decimal)
  // "20-30%", "20 to 30 per cent": the percentage after the high end makes both ends shares.
  const sharePercent = low.power === 0 && low.unit === null && high.unit === 'proportion' && high.power < 0
  const lowValue = valueOf(shareScale || sharePercent ? {decimal: low.decimal, power: high.power} : low)
  const highValue = valueOf(high)
  if (!(lowValue < highValue)) return undefined
  return {value: null, low: lowValue, high: highValue, unit: low.unit ?? high.unit, bareOne: false, yearLike: false, single: false, next: high.next}
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
  return !isListNumber(text, start)
}

/** "14. When will this happen?": numbering at the very start of the string. */
function isListNumber(text: string, start: number): boolean {
  const numbering = /^\s*\d+\.\s/.exec(text)
  return numbering !== null && start === numbering[0].search(/\d/)
}

// ---------------------------------------------------------------- dates to skip

interface Span {
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

function dateSpans(text: string): Span[] {
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
