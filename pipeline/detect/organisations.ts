/**
 * Organisation names as public-sector prose writes them: NHS trusts and
 * foundation trusts, councils, integrated care boards, and named boards,
 * partnerships, committees, alliances and collaboratives ("Frimley Health NHS
 * Foundation Trust", "Bournemouth, Christchurch and Poole Council", "Surrey
 * Heartlands Integrated Care Partnership"). A name runs back from its head word
 * over capitalised words and the small words that join them; a generic name
 * ("the Integrated Care Board", "Health and Wellbeing Board") names no one.
 */
export interface OrganisationMatch {
  start: number
  end: number
  name: string
}

/** The last word of a name. */
const HEADS = new Set(['Trust', 'Council', 'Board', 'Partnership', 'Committee', 'Alliance', 'Collaborative'])
/** Small words inside a name: "Health and Wellbeing", "Isles of Scilly", "Kingston upon Thames". */
const JOINS = new Set(['and', '&', 'of', 'for', 'upon', ','])
/** Capitalised words that open a sentence or phrase, not a name. */
const OPENERS = new Set([
  'A', 'Across', 'All', 'Also', 'An', 'And', 'As', 'At', 'Between', 'Both', 'By', 'Each', 'Every', 'For', 'From', 'How', 'In', 'Including',
  'Into', 'It', 'Its', 'Many', 'New', 'Of', 'On', 'Other', 'Our', 'Over', 'Some', 'Such', 'That', 'The', 'Their', 'There', 'These', 'They',
  'This', 'Those', 'Through', 'Together', 'Under', 'We', 'What', 'When', 'Where', 'While', 'Who', 'With', 'Within', 'Your'
])
/** Words every such body has: a name made only of these is generic. */
const GENERIC = new Set([
  'Acute', 'Adult', 'Adults', 'Alliance', 'Ambulance', 'Audit', 'Autism', 'Board', 'Borough', 'Cancer', 'Care', 'Children', 'Children’s', "Children's",
  'City', 'Clinical', 'Collaborative', 'Commissioning', 'Committee', 'Community', 'Council', 'County', 'Digital', 'Disability', 'District',
  'Emergency', 'Executive', 'Finance', 'Foundation', 'Governance', 'Group', 'Health', 'Hospital', 'Hospitals', 'Integrated', 'Joint', 'Learning',
  'Local', 'Maternity', 'Mental', 'Metropolitan', 'NHS', 'Partnership', 'People', 'Place', 'Planned', 'Population', 'Primary', 'Programme',
  'Provider', 'Public', 'Quality', 'Remuneration', 'Research', 'Risk', 'Service', 'Services', 'Social', 'Strategic', 'System', 'Transformation',
  'Trust', 'Unitary', 'Urgent', 'Wellbeing', 'Workforce'
])

interface Word {
  text: string
  start: number
  end: number
}

const WORD = /\p{L}[\p{L}\p{N}]*(?:['’-]\p{L}[\p{L}\p{N}]*)*|[&,]|\S/gu

/** Every organisation name in `text`, left to right. */
export function findOrganisations(text: string): OrganisationMatch[] {
  const words: Word[] = [...text.matchAll(WORD)].map((match) => ({text: match[0], start: match.index, end: match.index + match[0].length}))
  const found: OrganisationMatch[] = []
  let index = 0
  while (index < words.length) {
    const run = runFrom(words, index)
    if (run.length === 0) {
      index++
      continue
    }
    found.push(...namesIn(run, text))
    index += run.length
  }
  return found
}

/** Capitalised words from `index` on, with the small words that join them to more capitalised words. */
function runFrom(words: readonly Word[], index: number): Word[] {
  const run: Word[] = []
  for (let at = index; at < words.length; at++) {
    const word = words[at]!
    if (capitalised(word.text)) run.push(word)
    else if (run.length > 0 && JOINS.has(word.text) && capitalised(words[at + 1]?.text ?? '')) run.push(word)
    else break
  }
  return run
}

/** The names in one run: each ends at a head word followed by a joining word or the end of the run. */
function namesIn(run: readonly Word[], text: string): OrganisationMatch[] {
  const ends = run.flatMap((word, at) => (HEADS.has(word.text) && (at === run.length - 1 || JOINS.has(run[at + 1]!.text)) ? [at] : []))
  const lastHead = run.findLastIndex((word) => HEADS.has(word.text))
  if (lastHead !== -1 && !ends.includes(lastHead)) ends.push(lastHead)
  const names: OrganisationMatch[] = []
  let from = 0
  for (const end of ends.sort((a, b) => a - b)) {
    let words = run.slice(from, end + 1)
    from = end + 1
    // Only a council's name holds commas ("Bournemouth, Christchurch and Poole Council"); elsewhere a comma separates names.
    if (run[end]!.text !== 'Council') words = words.slice(words.findLastIndex((word) => word.text === ',') + 1)
    while (words.length > 0 && (JOINS.has(words[0]!.text) || OPENERS.has(words[0]!.text))) words = words.slice(1)
    const named = words.some((word) => !JOINS.has(word.text) && !GENERIC.has(word.text))
    if (words.length < 2 || !named) continue
    const start = words[0]!.start
    const stop = words.at(-1)!.end
    names.push({start, end: stop, name: text.slice(start, stop)})
  }
  return names
}

function capitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word)
}
