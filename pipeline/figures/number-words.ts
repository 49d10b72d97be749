/** Numbers written in words ("Forty two", "two hundred and fifty thousand") or digits, read from tokens. */
import {glued, isWord, type Token} from './tokens.ts'

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
export const UNIT_ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'])

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

export function readNumber(tokens: readonly Token[], i: number): NumberRead | undefined {
  const token = tokens[i]
  if (token?.kind === 'num') return {decimal: token.text.replaceAll(',', ''), power: 0, word: false, words: 0, next: i + 1}
  return readWordNumber(tokens, i)
}

/** A whole number ≥ 1 with no scale, for "one in three" and "two thirds". */
export function readCount(tokens: readonly Token[], i: number): {value: number; next: number} | undefined {
  const read = readNumber(tokens, i)
  if (!read || read.decimal.includes('.')) return undefined
  const value = Number(`${read.decimal}e${read.power}`)
  return value >= 1 ? {value, next: read.next} : undefined
}
