/**
 * Synthetic corpora for the benchmark: the real documents varied. Document `i`
 * is real document `i mod 5` in copy `⌊i / 5⌋`, written as the sources are:
 * `sources/documents/<id>.md` (metadata frontmatter and text) and
 * `sources/judgements/<id>.yml` beside it. Each copy gets new ids (the
 * document, and the terms, boards and topics its judgements name get the
 * copy's suffix, so copies never collide and cross-document references stay
 * inside one copy), its `##` sections and its judgement lists shuffled, and
 * every free-standing figure written in digits scaled by the copy's factor,
 * in the text and in the judgements alike, so every quote still matches and
 * every copy builds without a message.
 */
import {cp, mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {parse, stringify} from 'yaml'

export const projectRoot = path.resolve(import.meta.dirname, '..')

export interface RealDocument {
  id: string
  /** The document file: frontmatter and text. */
  text: string
  /** Its judgements file. */
  judgements: string
}

/** The real documents with their judgements, sorted by id. */
export async function realDocuments(root = projectRoot): Promise<RealDocument[]> {
  const names = (await readdir(path.join(root, 'sources/documents'))).filter((name) => name.endsWith('.md')).sort()
  return Promise.all(
    names.map(async (name) => {
      const id = name.slice(0, -3)
      const text = await readFile(path.join(root, 'sources/documents', name), 'utf8')
      const judgements = await readFile(path.join(root, 'sources/judgements', `${id}.yml`), 'utf8').catch(() => '')
      return {id, text, judgements}
    })
  )
}

export const documentFile = (root: string, id: string) => path.join(root, 'sources/documents', `${id}.md`)
export const judgementsFile = (root: string, id: string) => path.join(root, 'sources/judgements', `${id}.yml`)

/** Write a project of `size` documents at `root` (sources/ only); returns the bytes of the files written (documents and judgements). */
export async function writeCorpus(root: string, size: number, real: readonly RealDocument[]): Promise<number> {
  await rm(root, {recursive: true, force: true})
  await mkdir(path.join(root, 'sources/documents'), {recursive: true})
  await mkdir(path.join(root, 'sources/judgements'), {recursive: true})
  await cp(path.join(projectRoot, 'sources/reference'), path.join(root, 'sources/reference'), {recursive: true})
  await cp(path.join(projectRoot, 'sources/publication.yml'), path.join(root, 'sources/publication.yml'))
  let bytes = 0
  for (let index = 0; index < size; index++) {
    const document = syntheticDocument(real, index)
    bytes += Buffer.byteLength(document.text) + Buffer.byteLength(document.judgements)
    await writeDocument(root, document)
  }
  return bytes
}

export async function writeDocument(root: string, document: RealDocument): Promise<void> {
  await writeFile(documentFile(root, document.id), document.text)
  await writeFile(judgementsFile(root, document.id), document.judgements)
}

/** Keys whose values are ids another record or copy may share: they get the copy's suffix. */
const idKeys: Record<string, ReadonlySet<string>> = {
  terms: new Set(['id']),
  relations: new Set(['subject', 'object']),
  statistics: new Set(['topic']),
  timeline: new Set(['topic']),
  boards: new Set(['id'])
}
/** Values that are words chosen from a list, or labels: never renumbered. */
const fixedKeys = new Set(['id', 'relation', 'status', 'member_type', 'geography', 'unit', 'label', 'event', 'sense', 'reason', 'list', 'statutory'])

/** Document `index` of a synthetic corpus; `variant` changes its figures again (an editor's edit). */
export function syntheticDocument(real: readonly RealDocument[], index: number, variant = 0): RealDocument {
  const source = real[index % real.length]!
  const copy = Math.floor(index / real.length)
  const suffix = `-s${copy}`
  const random = mulberry32(index * 7919 + 17 + variant * 104_729)
  const factor = 1 + ((copy * 37 + variant * 13) % 90) / 100
  const end = source.text.indexOf('\n---\n', 4)
  const metadata = parse(source.text.slice(4, end + 1)) as Record<string, unknown>
  const body = source.text.slice(end + 5)

  const id = `${source.id}${suffix}`
  metadata['id'] = id
  metadata['title'] = renumber(String(metadata['title']), factor)

  const judged = (parse(source.judgements) ?? {}) as Record<string, unknown>
  for (const [key, list] of Object.entries(judged)) {
    if (!Array.isArray(list)) continue
    judged[key] = shuffle(
      list.map((entry) => vary(entry, idKeys[key] ?? new Set())),
      random
    )
  }

  const sections = body.split(/\n(?=## )/u)
  const head = sections.shift() ?? ''
  const shuffled = shuffle(
    sections.map((section) => section.replace(/\n*$/u, '\n')),
    random
  )
  const newBody = [head.replace(/\n*$/u, '\n'), ...shuffled].join('\n')
  return {
    id,
    text: `---\n${stringify(metadata, {lineWidth: 0})}---\n${renumber(newBody, factor)}`,
    judgements: stringify(judged, {lineWidth: 0})
  }

  function vary(value: unknown, ids: ReadonlySet<string>, key = ''): unknown {
    if (typeof value === 'string') {
      if (ids.has(key)) return `${value}${suffix}`
      return fixedKeys.has(key) ? value : renumber(value, factor)
    }
    if (Array.isArray(value)) return value.map((item) => vary(item, ids))
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, vary(item, ids, name)]))
    return value
  }
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*'
/** A figure in digits that is not part of a date, a year, a time, a code or a financial year. */
const NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}.,/:–-]|${MONTH}\\s)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![\\p{L}\\p{N}/:–-]|[.,]\\d|(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH})`,
  'gu'
)

/**
 * Scale every free-standing figure by `factor` (≥ 1, so order is kept: a range
 * stays a range), keeping its digits' shape. Four-digit numbers are left alone
 * (years), and so are numbers with a leading zero.
 */
export function renumber(text: string, factor: number): string {
  return text.replace(NUMBER, (whole, integer: string, fraction: string | undefined, offset: number) => {
    // List and question numbers ("14. When will this happen?") are structure, not figures.
    if (/(?:^|\n)[#>\s]*$/u.test(text.slice(Math.max(0, offset - 8), offset)) && /^[.)]/u.test(text.slice(offset + whole.length))) return whole
    const plain = integer.replaceAll(',', '')
    if ((plain.length === 4 && !integer.includes(',')) || (plain.length > 1 && plain.startsWith('0'))) return whole
    const decimals = fraction ? fraction.length - 1 : 0
    const value = Number(plain + (fraction ?? '')) * factor
    const scaled = value.toFixed(decimals)
    const [whole2, part] = scaled.split('.')
    if (!integer.includes(',') && whole2!.length === 4) return whole
    const grouped = integer.includes(',') ? whole2!.replace(/\B(?=(\d{3})+(?!\d))/gu, ',') : whole2!
    return part === undefined ? grouped : `${grouped}.${part}`
  })
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other]!, copy[index]!]
  }
  return copy
}

/** A small seeded generator (mulberry32), so a corpus is the same on every run. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
