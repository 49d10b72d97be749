/**
 * Acronyms the text expands without any markup: "Full Name (ABBR)" and, at the
 * start of a heading or paragraph, "ABBR – Full Name".
 */
export interface AcronymMatch {
  start: number
  end: number
  abbreviation: string
  name: string
}

const minor = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', '&'])

/** Every acronym expansion in `text`, left to right. */
export function findAcronyms(text: string): AcronymMatch[] {
  const found: AcronymMatch[] = []
  const leading = /^([A-Z][A-Za-z]*[A-Z])s?\s+[–-]\s+(.+)$/u.exec(text)
  if (leading && initialsMatch(leading[1]!, leading[2]!.split(/\s+/u))) {
    found.push({start: 0, end: text.length, abbreviation: leading[1]!, name: leading[2]!})
  }
  for (const match of text.matchAll(/\(([A-Z][A-Za-z]*[A-Z])s?\)/gu)) {
    const abbreviation = match[1]!
    const name = nameBefore(text.slice(0, match.index), abbreviation)
    if (name) found.push({start: match.index - name.length - 1, end: match.index + match[0].length, abbreviation, name})
  }
  return found
}

/** The words just before `(ABBR)` whose initials spell it, or undefined. */
function nameBefore(before: string, abbreviation: string): string | undefined {
  const words = before.trimEnd().split(/\s+/u)
  for (let count = 1; count <= Math.min(words.length, abbreviation.length * 2 + 2); count++) {
    const candidate = words.slice(-count)
    if (minor.has(candidate[0]!.toLowerCase())) continue
    if (initialsMatch(abbreviation, candidate)) return candidate.join(' ').replace(/^[^\p{L}]+/u, '')
  }
  return undefined
}

/** True when the significant words' initials (hyphenated parts count) spell the abbreviation. */
function initialsMatch(abbreviation: string, words: string[]): boolean {
  const initials = words
    .flatMap((word) => word.split('-'))
    .map((word) => word.replace(/^[^\p{L}]+/u, ''))
    .filter((word) => word !== '' && !minor.has(word.toLowerCase()))
    .map((word) => word[0]!.toUpperCase())
    .join('')
  return initials === abbreviation.toUpperCase()
}
