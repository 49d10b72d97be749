/**
 * Acronyms the text expands without any markup: "Full Name (ABBR)" and, at the
 * start of a heading or paragraph, "ABBR – Full Name". A word may stand between
 * the expansion and the brackets ("voluntary, community and social enterprise
 * sector (VCSE)"), and an organisation's abbreviation may leave out "NHS" or its
 * "NHS Foundation Trust" ("University Hospitals Dorset NHS Foundation Trust (UHD)").
 */
export interface AcronymMatch {
  start: number
  end: number
  abbreviation: string
  /** The words whose initials spell the abbreviation: the expansion, as written. */
  name: string
}

const minor = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', '&'])
/** Words after an expansion that its abbreviation may leave out, longest first. */
const trailers = [['NHS', 'Foundation', 'Trust'], ['NHS', 'Trust'], ['Foundation', 'Trust']]

/** Every acronym expansion in `text`, left to right. */
export function findAcronyms(text: string): AcronymMatch[] {
  const found: AcronymMatch[] = []
  const leading = /^([A-Z][A-Za-z&]*[A-Z])s?\s+[–-]\s+(.+)$/u.exec(text)
  if (leading && initialsMatch(leading[1]!, leading[2]!.split(/\s+/u))) {
    found.push({start: 0, end: text.length, abbreviation: leading[1]!, name: leading[2]!})
  }
  for (const match of text.matchAll(/\(([A-Z][A-Za-z&]*[A-Z])s?\)/gu)) {
    const abbreviation = match[1]!
    const before = text.slice(0, match.index).trimEnd()
    const name = nameBefore(before, abbreviation)
    if (!name) continue
    found.push({start: name.start, end: match.index + match[0].length, abbreviation, name: name.text})
  }
  return found
}

/**
 * The words before `(ABBR)` whose initials spell it, perhaps with one word, or an organisation's suffix, left
 * out before the brackets: as written (white space included) and where they start in `before`.
 */
function nameBefore(before: string, abbreviation: string): {text: string; start: number} | undefined {
  const spans = [...before.matchAll(/\S+/gu)].map((match) => ({start: match.index, end: match.index + match[0].length}))
  const words = spans.map(({start, end}) => before.slice(start, end))
  const suffixes = trailers.filter((trailer) => trailer.every((word, k) => words[words.length - trailer.length + k] === word)).map((trailer) => trailer.length)
  // An organisation's suffix stays part of its name; a word such as "sector" does not.
  for (const [skip, kept] of [[0, 0], ...suffixes.map((length) => [length, length]), [1, 0]] as const) {
    const end = words.length - skip
    for (let count = 1; count <= Math.min(end, abbreviation.length * 2 + 2); count++) {
      const candidate = words.slice(end - count, end)
      if (minor.has(candidate[0]!.toLowerCase()) || /\d/u.test(candidate.join(''))) continue
      if (!initialsMatch(abbreviation, candidate) && !initialsMatch(abbreviation, candidate.filter((word) => word !== 'NHS'))) continue
      const written = before.slice(spans[end - count]!.start, spans[end + kept - 1]!.end)
      const lead = /^[^\p{L}]*/u.exec(written)![0].length
      return {text: written.slice(lead).replace(/[^\p{L}]+$/u, ''), start: spans[end - count]!.start + lead}
    }
  }
  return undefined
}

/** True when the significant words' initials (hyphenated parts count) spell the abbreviation. */
function initialsMatch(abbreviation: string, words: string[]): boolean {
  const initials = words
    .flatMap((word) => word.split('-'))
    .map((word) => word.replace(/^[^\p{L}&]+/u, ''))
    .filter((word) => word !== '' && !minor.has(word.toLowerCase()))
    .map((word) => word[0]!.toUpperCase())
    .join('')
  return initials === abbreviation.replace(/&/gu, '').toUpperCase()
}
