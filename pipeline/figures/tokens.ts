/** Tokens of running text for the figure parser: numbers, words and single symbols, with their offsets. */

export interface Token {
  kind: 'num' | 'word' | 'sym'
  text: string
  lower: string
  start: number
  end: number
}

// Digits with well-formed thousands separators, or plain digits; words (which
// may carry digits, so "M20" and "ICS2" stay words); any other single character.
const TOKEN = /(\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)|(\p{L}[\p{L}\p{N}]*(?:['’]\p{L}+)*)|(\S)/gu

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(TOKEN)) {
    const kind = match[1] !== undefined ? 'num' : match[2] !== undefined ? 'word' : 'sym'
    const start = match.index ?? 0
    tokens.push({kind, text: match[0], lower: match[0].toLowerCase(), start, end: start + match[0].length})
  }
  return tokens
}

/** True when b follows a with no space between. */
export function glued(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start
}

export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.kind === 'word' && words.includes(token.lower)
}
