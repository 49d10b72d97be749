/**
 * Numbers written in digits that are neither a figure, nor part of a date, a
 * label, or a known non-figure shape ("1st", "10am", "1990s", "24/7", "10:30",
 * "COVID-19", "1.2.3"). They are numbers the detector cannot read — "our
 * 85practices" — so a record quoting one must say which figure it means.
 */
import {findDates} from '../dates/index.ts'
import {findFigures} from './index.ts'
import {isLabelNumber, isListNumber, isServiceNumber} from './labels.ts'
import {dateSpans, type Span} from './skip.ts'
import {glued, tokenize, type Token} from './tokens.ts'

export interface UnreadNumber extends Span {
  text: string
}

/** Suffixes glued to digits that make them something else than a count: ordinals, decades, times. */
const SUFFIXES = /^(?:st|nd|rd|th|s|am|pm)$/iu

/** Every number in digits of `text` that no figure, date or label accounts for, left to right (`figures`: the text's figures, when the caller has them). */
export function findUnreadNumbers(text: string, figures: readonly Span[] = findFigures(text)): UnreadNumber[] {
  const tokens = tokenize(text)
  const read: Span[] = [...figures, ...findDates(text), ...dateSpans(text)]
  const unread: UnreadNumber[] = []
  for (const [index, token] of tokens.entries()) {
    if (token.kind !== 'num') continue
    if (read.some((span) => span.start < token.end && token.start < span.end)) continue
    if (isListNumber(text, token.start) || isLabelNumber(tokens, index) || isServiceNumber(tokens, index) || knownShape(tokens, index)) continue
    unread.push({start: token.start, end: token.end, text: token.text})
  }
  return unread
}

function knownShape(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!
  const before = tokens[index - 1]
  const after = tokens[index + 1]
  if (glued(before, token)) {
    if (before!.text === '/' || before!.text === ':' || before!.text === '.') return true
    if (before!.text === '-' && glued(tokens[index - 2], before)) return true
  }
  if (!glued(token, after)) return false
  if (after!.text === '/' || after!.text === ':' || after!.text === '.' || after!.text === '-') return true
  return after!.kind === 'word' && SUFFIXES.test(after!.text)
}
