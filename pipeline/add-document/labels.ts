/**
 * A suggested label for a figure: the words that say what it counts, just
 * after it ("our 85GP practices" → "GP practices", "20% of staff" → "share of
 * staff"), else just before it ("a budget of £3.4 billion" → "budget"). Only a
 * suggestion: the editor confirms or rewrites it.
 */

/** Words that end what a figure counts: articles, prepositions, hedges, and the verbs pages about services use most. */
const STOP = new Set([
  'a', 'about', 'across', 'almost', 'an', 'and', 'are', 'around', 'as', 'at', 'be', 'been', 'between', 'by', 'can', 'cover', 'covers',
  'currently', 'deliver', 'delivers', 'each', 'employ', 'employs', 'every', 'for', 'from', 'has', 'have', 'in', 'into', 'is', 'live', 'lives',
  'make', 'may', 'more', 'nearly', 'now', 'of', 'on', 'or', 'our', 'over', 'per', 'provide', 'provides', 'serve', 'serves',
  'than', 'that', 'the', 'their', 'these', 'they', 'this', 'through', 'to', 'up', 'was', 'we', 'were', 'which', 'who', 'will', 'with', 'within',
  'work', 'working', 'would'
])

/** The suggested label of the figure at `[start, end)` of `text`. */
export function suggestLabel(text: string, start: number, end: number): string {
  const after = words(text.slice(end))
  if (after[0]?.toLowerCase() === 'of') {
    const counted = leading(after.slice(after[1] && ['our', 'the', 'all', 'their'].includes(after[1].toLowerCase()) ? 2 : 1))
    if (counted.length > 0) return `share of ${counted.join(' ')}`
  }
  const counted = leading(after)
  if (counted.length > 0 && counted.join(' ').length >= 3) return counted.join(' ')
  const clause = text.slice(0, start).split(/[.,;:!?()–—]/u).at(-1) ?? ''
  const before = leading(clause.split(/\s+/u).filter((word) => word !== '').reverse()).reverse()
  const label = before.join(' ')
  return label.length >= 3 ? label : 'figure'
}

/** The words of `text` up to its first punctuation. */
function words(text: string): string[] {
  return (/^[^.,;:!?()–—]*/u.exec(text.trim())?.[0] ?? '').split(/\s+/u).filter((word) => word !== '')
}

/** Up to four words from the start of `list`, stopping at a stop word or a number. */
function leading(list: readonly string[]): string[] {
  const taken: string[] = []
  for (const word of list) {
    if (taken.length === 4 || STOP.has(word.toLowerCase()) || /\d/u.test(word)) break
    taken.push(word)
  }
  return taken
}
