/**
 * Organisation names as public-sector prose writes them: NHS trusts and
 * foundation trusts, councils, integrated care boards, and named boards,
 * partnerships, committees, alliances and collaboratives ("Frimley Health NHS
 * Foundation Trust", "Bournemouth, Christchurch and Poole Council", "Surrey
 * Heartlands Integrated Care Partnership"). A name runs back from its head word
 * over capitalised words and the small words that join them; a generic name
 * ("the Integrated Care Board", "Health and Wellbeing Board") names no one. An
 * integrated care board also goes by "NHS" and its area ("NHS Dorset"): given
 * the areas of the 42 boards, those names are found too.
 */
export interface OrganisationMatch {
  start: number
  end: number
  name: string
}

/** The last word of a name. */
const HEADS = new Set(['Trust', 'Council', 'Board', 'Partnership', 'Committee', 'Alliance', 'Collaborative', 'Authority', 'Assembly'])
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
  'Acute', 'Adult', 'Adults', 'Alliance', 'Ambulance', 'Assembly', 'Audit', 'Authority', 'Autism', 'Board', 'Borough', 'Cancer', 'Care', 'Children', 'Children’s', "Children's",
  'City', 'Clinical', 'Collaborative', 'Combined', 'Commissioning', 'Committee', 'Community', 'Council', 'County', 'Digital', 'Disability', 'District',
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

export interface Options {
  /** Names of the integrated care boards' areas ("Dorset", "Kent and Medway"), so "NHS Dorset" is found (default: none). */
  boardAreas?: Iterable<string>
}

/** Every organisation name in `text`, left to right. */
export function findOrganisations(text: string, options: Options = {}): OrganisationMatch[] {
  const named = findHeaded(text)
  const boards = findBoardNames(text, options.boardAreas ?? []).filter((board) => !named.some((match) => match.start < board.end && board.start < match.end))
  return [...named, ...boards].sort((a, b) => a.start - b.start)
}

/** "NHS Dorset", "NHS Kent and Medway": an integrated care board by its area. */
function findBoardNames(text: string, areas: Iterable<string>): OrganisationMatch[] {
  const found: OrganisationMatch[] = []
  for (const area of areas) {
    const name = `NHS ${area}`
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      const end = at + name.length
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue
      if (!found.some((other) => other.start <= at && end <= other.end)) found.push({start: at, end, name})
    }
  }
  return found
}

function findHeaded(text: string): OrganisationMatch[] {
  const words: Word[] = [...text.matchAll(WORD)].map((match) => ({text: match[0], start: match.index, end: match.index + match[0].length}))
  const found: OrganisationMatch[] = []
  let index = 0
  while (index < words.length) {
    const run = runFrom(words, index)
    if (run.length === 0) {
      index++
      continue
    }
    found.push(...boroughsAndNames(run, text, words[index - 1]?.text))
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

/**
 * "the Royal Borough of Windsor and Maidenhead and Slough Borough Council": a
 * council named "Royal Borough of" or "London Borough of" needs no head word,
 * and ends before an "and" that opens another name of three words or more.
 */
function boroughsAndNames(run: readonly Word[], text: string, before?: string): OrganisationMatch[] {
  const at = run.findIndex((word, index) => (word.text === 'Royal' || word.text === 'London') && run[index + 1]?.text === 'Borough' && run[index + 2]?.text === 'of')
  if (at === -1) return namesIn(run, text, before)
  const head = run.findIndex((word, index) => index > at && HEADS.has(word.text))
  let end = head === -1 ? run.length : head + 1
  let rest = run.length
  for (let index = end - 1; head !== -1 && index > at + 3; index--) {
    if (run[index]!.text === 'and' && head - index >= 3) {
      rest = index + 1
      end = index
      break
    }
  }
  if (rest === run.length) rest = end
  const name = {start: run[at]!.start, end: run[end - 1]!.end, name: text.slice(run[at]!.start, run[end - 1]!.end)}
  return [...namesIn(run.slice(0, at), text, before), name, ...boroughsAndNames(run.slice(rest), text)]
}

/** The names in one run: each ends at a head word followed by a joining word or the end of the run. */
function namesIn(run: readonly Word[], text: string, before?: string): OrganisationMatch[] {
  const ends = run.flatMap((word, at) => (HEADS.has(word.text) && (at === run.length - 1 || JOINS.has(run[at + 1]!.text)) ? [at] : []))
  const lastHead = run.findLastIndex((word) => HEADS.has(word.text))
  if (lastHead !== -1 && !ends.includes(lastHead)) ends.push(lastHead)
  const names: OrganisationMatch[] = []
  let from = 0
  for (const end of ends.sort((a, b) => a - b)) {
    let words = run.slice(from, end + 1)
    from = end + 1
    // A name holds commas only as a list of places joined by "and" ("Bournemouth, Christchurch and Poole Council");
    // else a comma ends a phrase before it ("In Surrey, Frimley Health NHS Foundation Trust").
    const comma = words.findLastIndex((word) => word.text === ',')
    if (comma !== -1 && !words.slice(comma).some((word) => word.text === 'and' || word.text === '&')) words = words.slice(comma + 1)
    let first = 0
    while (first < words.length && (JOINS.has(words[first]!.text) || OPENERS.has(words[first]!.text))) {
      // "The Our Dorset Integrated Care Partnership": "Our" after "the" is part of the name.
      const at = run.indexOf(words[first]!)
      const previous = at > 0 ? run[at - 1]!.text : before
      if (words[first]!.text === 'Our' && previous?.toLowerCase() === 'the') break
      first++
    }
    words = words.slice(first)
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
