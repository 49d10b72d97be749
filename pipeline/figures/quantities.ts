/** One quantity: a number with its scale, currency and percentage ("£86m", "2 per cent", "3.4 billion"). */
import type {Figure} from './index.ts'
import {readNumber, UNIT_ORDINALS} from './number-words.ts'
import {glued, isWord, type Token} from './tokens.ts'

export type Unit = Figure['unit']

/** Scale words after digits; the abbreviations only count when glued ("£86m", "£1.2bn", "250k"). */
const DIGIT_SCALES = new Map<string, number>([
  ['thousand', 3], ['million', 6], ['billion', 9], ['trillion', 12], ['k', 3], ['m', 6], ['bn', 9],
])
const ABBREVIATED_SCALES = new Set(['k', 'm', 'bn'])

export interface Quantity {
  decimal: string
  power: number
  unit: Unit
  /** The lone word "one", which prose mostly uses as a pronoun. */
  bareOne: boolean
  /** A plain four-digit number from 1900 to 2100, which prose mostly uses as a year. */
  yearLike: boolean
  next: number
}

export function valueOf(quantity: {decimal: string; power: number}): number {
  // Shifting the exponent in the string keeps "3.4 billion" exact (3.4 * 1e9 is not).
  return Number(`${quantity.decimal}e${quantity.power}`)
}

/** "£86m", "2 per cent", "3.4 billion", "Forty two", "20%". */
export function readQuantity(tokens: readonly Token[], i: number): Quantity | undefined {
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

/** An abbreviation of two or more capitals, maybe plural: "GP", "PCNs". */
const abbreviation = /^\p{Lu}{2,}s?$/u
/** "8AM", "8PM": a time of day, not a count of anything. */
const TIMES = /^(?:AM|PM)$/u

/**
 * False when tokens [first, next) are glued to something that makes them part
 * of another thing: "1st", "10am", "1990s", "24/7", "10:30", "COVID-19",
 * "1.2.3", "twenty-first". Digits glued to an abbreviation stand alone: "our 85GP practices"
 * counts 85 GP practices ("8AM" is a time).
 */
export function standsAlone(tokens: readonly Token[], first: number, next: number): boolean {
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
  if (after!.kind === 'word') return tail!.kind === 'num' && abbreviation.test(after!.text) && !TIMES.test(after!.text)
  if (after!.text === '/' || after!.text === ':') return false
  if (after!.text === '.' && tokens[next + 1]?.kind === 'num' && glued(after, tokens[next + 1])) return false
  const ordinal = tokens[next + 1]
  return !(tail!.kind === 'word' && after!.text === '-' && glued(after, ordinal) && ordinal?.kind === 'word' && UNIT_ORDINALS.has(ordinal.lower))
}
