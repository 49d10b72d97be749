/** The shapes a figure takes besides a single quantity: proportions ("one in three", "a quarter") and ranges ("30,000 to 50,000"). */
import {readCount} from './number-words.ts'
import {readQuantity, standsAlone, valueOf, type Quantity, type Unit} from './quantities.ts'
import {glued, isWord, type Token} from './tokens.ts'

export interface Body {
  value: number | null
  low: number | null
  high: number | null
  unit: Unit
  bareOne: boolean
  yearLike: boolean
  single: boolean
  next: number
}

export function single(quantity: Quantity): Body {
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
export function readProportion(tokens: readonly Token[], i: number, hedged: boolean): Body | undefined {
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
export function readRange(tokens: readonly Token[], i: number, prose: boolean): Body | undefined {
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
