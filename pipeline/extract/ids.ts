/**
 * The one id rule of every dataset: a lower-case slug (ASCII letters and
 * digits in words joined by single hyphens) of at most 64 characters. An
 * editor's key is used as it is (the schemas check the rule); an id made of
 * several parts joins their slugs, and one that would run past 64 characters
 * is cut at a word boundary and ends in a short hash of the whole, so two
 * long ids that share their first words stay apart. An id depends only on
 * its parts, never on a line number or on other records, so it does not move
 * when unrelated text changes.
 */
import {createHash} from 'node:crypto'

export const maxIdLength = 64
/** Characters of the hash a cut id ends in. */
const hashLength = 6

/** A slug of words: lower case, accents dropped, apostrophes removed, every other run of punctuation a hyphen. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** The id of a record made of `parts` (ids or words), by the rule above. */
export function idOf(...parts: string[]): string {
  const whole = parts.map(slug).filter((part) => part !== '').join('-')
  if (whole.length <= maxIdLength) return whole
  const room = maxIdLength - hashLength - 1
  const cut = whole.lastIndexOf('-', room)
  const head = whole.slice(0, cut > 0 ? cut : room)
  return `${head}-${createHash('sha256').update(whole).digest('hex').slice(0, hashLength)}`
}
