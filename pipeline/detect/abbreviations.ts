/**
 * Abbreviations as the text uses them: "NHS", "GPs", "A&E", "ICSs". Whether the
 * document expands one is the caller's question (./acronyms.ts finds
 * expansions); this only finds the uses, never a meaning.
 */
export interface AbbreviationMatch {
  start: number
  end: number
  /** As written, less a plural "s": "GPs" is "GP". */
  abbreviation: string
}

// Two or more capitals (an "&" may join them), a plural "s", not inside a word or a code ("Core20PLUS5"), nor glued to a hyphen and digits ("COVID-19").
const ABBREVIATION = /(?<![\p{L}&]|\p{L}\p{N}+)(\p{Lu}[\p{Lu}&]*\p{Lu})s?(?![\p{L}\p{N}&]|-\p{N})/gu
const ROMAN = /^[IVXLC]+$/u

/** Every abbreviation used in `text`, left to right; none in a line written in capitals, where every word looks like one. */
export function findAbbreviations(text: string): AbbreviationMatch[] {
  const words = text.match(/\p{L}+/gu) ?? []
  const capitals = words.filter((word) => word.length > 1 && word === word.toUpperCase()).length
  if (words.length >= 3 && capitals > words.length / 2) return []
  const found: AbbreviationMatch[] = []
  for (const match of text.matchAll(ABBREVIATION)) {
    const abbreviation = match[1]!
    if (ROMAN.test(abbreviation)) continue
    found.push({start: match.index, end: match.index + match[0].length, abbreviation})
  }
  return found
}
