/**
 * Property-based hardening (issue 4): thousands of generated documents — raw
 * bytes, markdown assembled from hostile fragments, judgements files with
 * random judgements quoting random parts of the body (or missing, broken, or
 * left in the frontmatter), mutated metadata — go through the pipeline. It
 * never throws and never writes a partial file: each input either builds or
 * is rejected with messages that name a line, a column, a catalogued rule and
 * its fix.
 *
 * 1. In memory: every stage in order (read, parse, validate the frontmatter
 *    and the judgements, extract each document's part through the dataset
 *    registry, merge, validate the datasets, render), 2,000 runs.
 * 2. A BOM and CRLF line ends (in the document and its judgements file)
 *    change nothing but the checksum.
 * 3. The full build into a temporary project, with and without the part
 *    cache: dist-data/ is exactly the outputs or exactly as before, and the
 *    cached build (cold, then warm) gives what the uncached one gives,
 *    messages too.
 *
 * FC_SEED=<n> replays a failing run; FC_RUNS scales the number of runs.
 */
import {cp, mkdir, mkdtemp, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../../pipeline/build.ts'
import {datasets as registry, type Context} from '../../pipeline/datasets.ts'
import {registerIndex} from '../../pipeline/extract/organisations/index.ts'
import {areaRegister, type AreaRegister} from '../../pipeline/extract/geography.ts'
import {openPartCache} from '../../pipeline/incremental/index.ts'
import {hasErrors, rules, type RuleId} from '../../pipeline/messages.ts'
import {parseSource, parseYaml} from '../../pipeline/parse/index.ts'
import {toVFile} from '../../pipeline/read/index.ts'
import {readYamlFile} from '../../pipeline/read/yaml-file.ts'
import type {Provenance} from '../../pipeline/types.ts'
import {validateDatasets, validateFrontmatter, type DatasetRecords} from '../../pipeline/validate/index.ts'
import {columnsOf} from '../../pipeline/validate/schemas.ts'
import {toCsv, toExcelCsv} from '../../pipeline/write/csv.ts'
import {toJson} from '../../pipeline/write/json.ts'
import {comparable, projectRoot, readBack, snapshot} from '../helpers/project.ts'

const scale = Number(process.env['FC_RUNS'] ?? 1)
const seed = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED'])
const settings = (numRuns: number) => ({numRuns: Math.max(1, Math.round(numRuns * scale)), ...(seed === undefined ? {} : {seed})})

// ---------------------------------------------------------------- generators

/** Pieces of markdown and text that have broken parsers before, and words the extractors look for. */
const fragments = [
  '# ', '## ', '### ', '- ', '* ', '+ ', '1. ', '2) ', '> ', '>> ', '    ', '\t', '  \n', '\n', '\n\n', '\r\n', '\r', ' ',
  '*', '**', '_', '__', '`', '```\n', '~~~', '[', ']', '(', ')', '![', '<', '>', '|', '---', '===', '\\', '&amp;', '&copy;', '&#128512;', '&nbsp;',
  '<script>alert(1)</script>', '<div>', '</div>', '<!-- c -->', '=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)',
  'Forty two', 'one in three', '528,000', '£3.4 billion', '20%', 'over 1,000', '30,000 to 50,000', '1 July 2022', 'April 2020', 'by 2031', '2020/21',
  'NHS Kent and Medway', 'Medway Council', 'Kent County Council', 'NHS England', 'integrated care board (ICB)', 'Primary Care Networks (PCNs)',
  'primary care networks', 'the board', 'Kent and Medway', 'England', '\u00a0', '\u2028', '\uFEFF', 'é', 'ü', '文書', '😀', '\u202e', '\ud800', '\u0000'
]

const text = fc
  .array(fc.oneof({weight: 4, arbitrary: fc.constantFrom(...fragments)}, {weight: 1, arbitrary: fc.string({maxLength: 12})}), {maxLength: 40})
  .map((pieces) => pieces.join(''))

const body = fc.array(text, {minLength: 1, maxLength: 8}).map((paragraphs) => paragraphs.join('\n\n'))

/** A quote: usually words of the body (so some match once, some twice), sometimes anything. */
const quoteFrom = (source: string) =>
  fc.oneof(
    fc.tuple(fc.nat(), fc.integer({min: 3, max: 60})).map(([start, length]) => {
      const from = source.length === 0 ? 0 : start % source.length
      return source.slice(from, from + length)
    }),
    text
  )

const slugs = fc.constantFrom('gen-a', 'gen-b', 'term-x', 'term-y', 'shared', 'integrated-care-system', 'Bad Id', '../escape')

function judgementsFor(source: string) {
  const quote = quoteFrom(source)
  return fc.record(
    {
      terms: fc.array(fc.record({id: slugs, name: quoteFrom(source), quote, label: fc.option(text, {nil: undefined}), abbreviation: fc.option(fc.constantFrom('ICB', 'PCN', 'X'), {nil: undefined}), definition: fc.option(quote, {nil: undefined})}, {requiredKeys: ['id', 'name', 'quote']}), {maxLength: 4}),
      relations: fc.array(fc.record({subject: slugs, relation: fc.constantFrom('replaced-by', 'part-of', 'kind-of', 'eats'), object: slugs, quote}), {maxLength: 2}),
      statistics: fc.array(fc.record({id: slugs, quote, label: fc.constantFrom('A count', 'xy'), unit: fc.constantFrom('people', ''), figure: fc.option(fc.constantFrom('Forty two', '528,000', 'nothing'), {nil: undefined}), topic: fc.option(fc.constantFrom('t1', 't2'), {nil: undefined})}, {requiredKeys: ['id', 'quote', 'label', 'unit']}), {maxLength: 4}),
      timeline: fc.array(fc.record({id: slugs, quote, event: fc.constantFrom('Something happened', 'x'), status: fc.constantFrom('happened', 'planned', 'rumoured'), when: fc.option(fc.constantFrom('1 July 2022', 'document', 'never'), {nil: undefined}), topic: fc.option(fc.constantFrom('t1', 't2'), {nil: undefined})}, {requiredKeys: ['id', 'quote', 'event', 'status']}), {maxLength: 3}),
      boards: fc.array(fc.record({id: slugs, name: quoteFrom(source), quote, member_type: fc.constantFrom('organisation', 'role', 'person'), list: fc.boolean()}), {maxLength: 2})
    },
    {requiredKeys: []}
  )
}

/** YAML of a value, written by hand so odd strings stay strings (always double-quoted, JSON-escaped). */
function yaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) return value.length === 0 ? ' []' : value.map((item) => `\n${indent}- ${yaml(item, `${indent}  `).trimStart()}`).join('')
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined)
    return entries.length === 0 ? ' {}' : entries.map(([key, item]) => `\n${indent}${key}:${yaml(item, `${indent}  `)}`).join('')
  }
  return ` ${JSON.stringify(value)}`
}

interface Generated {
  /** The document's file name without `.md` (its id when all is well). */
  name: string
  /** The document's bytes. */
  bytes: Uint8Array
  /** Its judgements file's bytes; undefined when it has none. */
  judgements?: Uint8Array
}

const encoder = new TextEncoder()

/** The text of a judgements file holding `judged` (a mapping written as YAML). */
const judgementsYaml = (judged: object) => `${yaml(judged).replace(/^\n/, '').trimStart()}\n`

/** Anything at every level: random bytes, random frontmatter, random judgements quoting random words, a broken or missing judgements file. */
const hostileDocument: fc.Arbitrary<Generated> = fc
  .tuple(fc.constantFrom('gen-d', 'gen-d', 'gen-d', 'Gen E', 'gen-ü'), body, fc.nat(11), fc.constantFrom('Generated document', 'A title nowhere'))
  .chain(([name, source, shape, title]) => {
    const withTitle = `# ${title}\n\n${source}\n`
    return fc.tuple(judgementsFor(withTitle), fc.uint8Array({maxLength: 200}), text).map(([judged, bytes, junk]): Generated => {
      const matter = baseMatter(shape === 1 ? 'other-id' : name, title)
      // Shape 3: the judgements left in the frontmatter, as before they had a file of their own.
      let frontmatter = `---${yaml(shape === 3 ? {...matter, ...judged} : matter)}\n---\n`
      if (shape === 5) frontmatter = frontmatter.replace('\ntitle:', '\ntitle: [')
      if (shape === 6) frontmatter = `---\n${junk}\n---\n`
      const textual = shape === 7 ? withTitle : frontmatter + withTitle
      const judgements = shape === 2 || shape === 3 ? undefined : shape === 9 ? bytes : shape === 10 ? encoder.encode(junk) : encoder.encode(judgementsYaml(judged))
      return {name, bytes: shape === 8 ? bytes : encoder.encode(textual), ...(judgements ? {judgements} : {})}
    })
  })

function baseMatter(id: string, title: string): Record<string, unknown> {
  return {
    id,
    title,
    publisher: {name: null, organisation: null, note: 'Generated.'},
    url: null,
    url_note: null,
    date_published: null,
    date_written: {earliest: '2022-07-01', latest: null, basis: 'Generated.'},
    licence: null,
    licence_note: null,
    language: 'en-GB',
    geography: 'Kent and Medway'
  }
}

/** What can go wrong with a plausible document, one thing at a time (or nothing). */
const mutations = [
  'id-mismatch', 'bad-language', 'no-heading', 'yaml-break', 'no-frontmatter', 'quote-typo', 'ambiguous', 'bom-crlf', 'nul', 'bad-slug', 'unknown-publisher', 'noise-first', 'duplicate-id', 'no-figure', 'two-figures', 'name-not-in-quote', 'no-list',
  'judgements-yaml-break', 'judgements-missing', 'judgements-in-frontmatter', 'judgements-bom-crlf', 'judgements-unknown-key', 'quote-in-metadata'
] as const

/**
 * A document that could be real: sentences with a unique marker word, each
 * holding one figure, date or term, judgements (in its judgements file) that
 * quote them, a board with a list of organisations; hostile text after them;
 * and now and then one mutation.
 */
const plausibleDocument: fc.Arbitrary<Generated> = fc
  .record({
    name: fc.constantFrom('gen-a', 'gen-b', 'gen-c'),
    noise: fc.array(text, {maxLength: 4}),
    statistics: fc.array(fc.record({figure: fc.constantFrom('Forty two', '528,000', '£3.4 billion', '20%', 'over 1,000', '30,000 to 50,000', 'one in three', 'about 7'), topic: fc.option(fc.constantFrom('t1', 't2'), {nil: undefined})}), {maxLength: 3}),
    events: fc.array(fc.record({date: fc.constantFrom('1 July 2022', 'April 2020', '2031', '2020/21'), status: fc.constantFrom('happened', 'planned', 'expected'), topic: fc.option(fc.constantFrom('t1', 't2'), {nil: undefined})}), {maxLength: 3}),
    terms: fc.array(fc.record({id: fc.constantFrom('shared-term', 'term-x', 'term-y', 'integrated-care-system'), word: fc.constantFrom('board', 'network', 'partnership'), label: fc.option(fc.constantFrom('Board', 'Network of care'), {nil: undefined}), abbreviation: fc.option(fc.constantFrom('ICB', 'PCN'), {nil: undefined}), sense: fc.option(fc.constantFrom('a sense'), {nil: undefined}), define: fc.boolean()}), {maxLength: 3}),
    relations: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('replaced-by', 'part-of', 'kind-of')), {maxLength: 2}),
    board: fc.option(
      fc.oneof({weight: 4, arbitrary: fc.subarray(['Medway Council', 'Kent County Council', 'NHS Kent and Medway'], {minLength: 1})}, {weight: 1, arbitrary: fc.constant(['Medway Council', 'Ministry of Silly Walks'])}),
      {nil: undefined}
    ),
    // Seven in ten documents are left as they are.
    mutation: fc.oneof({weight: 7, arbitrary: fc.constant(undefined)}, {weight: 3, arbitrary: fc.constantFrom(...mutations)})
  })
  .map(({name, noise, statistics, events, terms, relations, board, mutation}): Generated => {
    const sentences: string[] = []
    const matter: Record<string, unknown> = baseMatter(mutation === 'id-mismatch' ? 'gen-z' : name, 'Generated document')
    const judged: Record<string, unknown> = {}
    if (mutation === 'bad-language') matter['language'] = 'English'
    if (mutation === 'unknown-publisher') matter['publisher'] = {name: null, organisation: 'nhs-nowhere', note: 'Generated.'}
    if (mutation === 'quote-in-metadata') matter['url_note'] = 'Qm only the metadata says this.'
    const key = mutation === 'bad-slug' ? 'Bad Slug' : 'widgets'
    judged['statistics'] = statistics.map(({figure: given, topic}, index) => {
      const figure = index > 0 ? given : mutation === 'no-figure' ? 'many' : mutation === 'two-figures' ? `${given} and 12 more` : given
      sentences.push(`Qs${index} there are ${figure} widgets here.`)
      return {id: mutation === 'duplicate-id' ? 'same-id' : `${key}-s${index}`, quote: `Qs${index} there are ${figure} widgets`, label: 'Widgets', unit: 'widgets', ...(topic ? {topic} : {})}
    })
    if (mutation === 'quote-in-metadata') (judged['statistics'] as object[]).push({id: 'metadata-only', quote: 'Qm only the metadata says this.', label: 'Widgets', unit: 'widgets'})
    judged['timeline'] = events.map(({date, status, topic}, index) => {
      sentences.push(`Qe${index} on ${date} the thing happened.`)
      return {id: `thing-e${index}`, quote: `Qe${index} on ${date} the thing happened.`, event: 'The thing happened', status, ...(topic ? {topic} : {})}
    })
    judged['terms'] = terms.map(({id, word, label, abbreviation, sense, define}, index) => {
      sentences.push(`Qt${index} the ${word}${abbreviation ? ` (${abbreviation})` : ''} is named here.`)
      if (define) sentences.push(`Qd${index} a ${word} means a group that works together.`)
      return {id, name: mutation === 'name-not-in-quote' && index === 0 ? 'nothing' : word, quote: `Qt${index} the ${word}`.concat(abbreviation ? ` (${abbreviation})` : ''), ...(abbreviation ? {abbreviation} : {}), ...(label ? {label} : {}), ...(sense ? {sense} : {}), ...(define ? {definition: `Qd${index} a ${word} means a group that works together.`} : {})}
    })
    judged['relations'] = terms.length === 0 ? [] : relations.map(([subject, object, relation]) => ({subject: terms[subject % terms.length]!.id, relation, object: terms[object % terms.length]!.id, quote: `Qt${subject % terms.length} the`}))
    let list = ''
    if (board) {
      judged['boards'] = [{id: `${name}-board`, name: 'test board', quote: 'Qb The test board includes:', member_type: 'organisation', list: true}]
      list = `Qb The test board includes:${mutation === 'no-list' ? '' : `\n\n${board.map((member) => `- ${member}`).join('\n')}`}`
    }
    if (mutation === 'judgements-unknown-key') judged['statistic'] = []
    if (mutation === 'quote-typo' && sentences.length > 0) sentences[0] = sentences[0]!.replace(/^(Q\w+) /, '$1  x ')
    if (mutation === 'ambiguous' && sentences.length > 0) sentences.push(sentences[0]!)
    const paragraphs = [...sentences, ...(list ? [list] : [])]
    const hostile = noise.filter((paragraph) => paragraph.trim() !== '')
    const bodyText = [mutation === 'no-heading' ? '' : '# Generated document', ...(mutation === 'noise-first' ? [...hostile, ...paragraphs] : [...paragraphs, ...hostile])].join('\n\n')
    let frontmatter = `---${yaml(mutation === 'judgements-in-frontmatter' ? {...matter, ...judged} : matter)}\n---\n`
    if (mutation === 'yaml-break') frontmatter = frontmatter.replace('\nlanguage:', '\n language: [')
    if (mutation === 'no-frontmatter') frontmatter = ''
    let textual = `${frontmatter}\n${bodyText}\n`
    if (mutation === 'bom-crlf') textual = `\uFEFF${textual.replaceAll('\n', '\r\n')}`
    if (mutation === 'nul') textual = textual.replace('Generated document', 'Generated\0document')
    let judgements = judgementsYaml(judged)
    if (mutation === 'judgements-yaml-break') judgements = judgements.replace(/\n(\s*)quote: /, '\n$1 quote: [')
    if (mutation === 'judgements-bom-crlf') judgements = `\uFEFF${judgements.replaceAll('\n', '\r\n')}`
    const missing = mutation === 'judgements-missing' || mutation === 'judgements-in-frontmatter'
    return {name, bytes: encoder.encode(textual), ...(missing ? {} : {judgements: encoder.encode(judgements)})}
  })

const document = fc.oneof({weight: 5, arbitrary: plausibleDocument}, {weight: 1, arbitrary: hostileDocument})
const documents = fc.uniqueArray(document, {minLength: 1, maxLength: 3, selector: (generated) => generated.name})

// ---------------------------------------------------------------- the stages in memory

let register: VFile
let areas: AreaRegister
beforeAll(async () => {
  register = await readYamlFile('sources/reference/organisations.yml', projectRoot)
  areas = areaRegister(readYamlFile('sources/reference/areas.yml', projectRoot))
})

/** A document and its judgements file read from bytes, as pipeline/read/ reads them from the folder. */
function read({name, bytes, judgements}: Generated): VFile {
  const file = toVFile(`sources/documents/${name}.md`, bytes)
  const judged = toVFile(`sources/judgements/${name}.yml`, judgements ?? new Uint8Array())
  if (!judged.messages.some((message) => message.fatal === true)) parseYaml(judged, String(judged.value), 1, {empty: true})
  file.data.judgements = judged
  return file
}

/** Every stage of build(), in memory, on the generated documents; returns whether it would write. */
function stages(generated: readonly Generated[]): {ok: boolean; files: VFile[]} {
  const documents = generated.map(read)
  // A fresh file for this run's messages, sharing the parsed register.
  const reg = new VFile({path: register.path})
  reg.data = register.data
  const context: Context = {organisations: registerIndex(reg), register: reg, areas}
  const files = [...documents.flatMap((file) => [file, file.data.judgements!]), reg]
  const parts: Array<Record<string, Provenance[]>> = []
  for (const file of documents) {
    const judgements = file.data.judgements!
    const usable = parseSource(file) && validateFrontmatter(file) && (!judgements.data.matter || validateFrontmatter(judgements, 'judgements'))
    if (usable) parts.push(Object.fromEntries(registry.map((dataset) => [dataset.name, dataset.extract(file, context)])))
  }
  if (hasErrors(files)) return {ok: false, files}
  const datasets: DatasetRecords[] = registry.map((dataset) => ({name: dataset.name, foreignKeys: dataset.foreignKeys, records: dataset.merge(parts.map((part) => part[dataset.name] ?? []), context)}))
  validateDatasets(datasets, documents)
  if (hasErrors(files)) return {ok: false, files}
  for (const dataset of datasets) {
    const rows = dataset.records as unknown as Array<Record<string, unknown>>
    toCsv(rows, columnsOf(dataset.name))
    toExcelCsv(rows, columnsOf(dataset.name))
    toJson(rows, columnsOf(dataset.name))
  }
  return {ok: true, files}
}

/** Rules seen to reject something, with how often: the generators must reach every stage. */
const rejectedBy = new Map<string, number>()

/** Every message has a place, a catalogued rule and that rule's fix; a rejection has at least one error. */
function checkMessages(files: readonly VFile[], ok: boolean): void {
  let errors = 0
  for (const file of files) {
    for (const message of file.messages) {
      expect(message.line, String(message)).toBeGreaterThanOrEqual(1)
      expect(message.column, String(message)).toBeGreaterThanOrEqual(1)
      expect(rules[message.ruleId as RuleId], String(message)).toBeDefined()
      expect(message.note).toBe(rules[message.ruleId as RuleId].fix)
      if (message.fatal === true) {
        errors++
        rejectedBy.set(message.ruleId!, (rejectedBy.get(message.ruleId!) ?? 0) + 1)
      }
    }
  }
  expect(errors > 0).toBe(!ok)
}

describe('generated documents through the stages in memory', () => {
  it('never throw; they build, or are rejected with placed, catalogued messages', () => {
    let built = 0
    const runs = settings(2000).numRuns
    fc.assert(
      fc.property(documents, (generated) => {
        const {ok, files} = stages(generated)
        checkMessages(files, ok)
        if (ok) built++
      }),
      settings(2000)
    )
    // The generators must reach the extractors and the writers, not only the parser's errors:
    // about a quarter of the runs build, and errors come from read, parse, extract and validate.
    expect(built).toBeGreaterThan(runs / 20)
    if (runs >= 500) expect([...rejectedBy.keys()].length, JSON.stringify([...rejectedBy])).toBeGreaterThanOrEqual(12)
  }, 120_000)

  it('read a BOM and CRLF line ends, in the document and its judgements file, as the same document', () => {
    const strip = (files: readonly VFile[]) => files.map((file) => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`))
    const windows = (bytes: Uint8Array) => encoder.encode(`\uFEFF${new TextDecoder().decode(bytes).replaceAll('\n', '\r\n')}`)
    const plainText = (bytes: Uint8Array | undefined) => bytes === undefined || !/[\r\uFFFD]|^\uFEFF/.test(new TextDecoder().decode(bytes))
    fc.assert(
      fc.property(document, (generated) => {
        if (!plainText(generated.bytes) || !plainText(generated.judgements)) return
        const a = stages([generated])
        const b = stages([{name: generated.name, bytes: windows(generated.bytes), ...(generated.judgements ? {judgements: windows(generated.judgements)} : {})}])
        expect(b.ok).toBe(a.ok)
        expect(strip(b.files)).toEqual(strip(a.files))
      }),
      settings(300)
    )
  })
})

// ---------------------------------------------------------------- the full build

describe('generated projects through the full build', () => {
  let root: string
  let pristine: string
  let distData: Map<string, string>
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'icb-property-'))
    await cp(path.join(projectRoot, 'sources/reference'), path.join(root, 'sources/reference'), {recursive: true})
    await cp(path.join(projectRoot, 'sources/publication.yml'), path.join(root, 'sources/publication.yml'))
    // The committed release, copied once: what every rejected build must leave as it was.
    pristine = await mkdtemp(path.join(tmpdir(), 'icb-property-dist-'))
    await cp(path.join(projectRoot, 'dist-data/draft'), path.join(pristine, 'draft'), {recursive: true})
    distData = await snapshot(pristine)
  })
  afterAll(async () => {
    await rm(root, {recursive: true, force: true})
    await rm(pristine, {recursive: true, force: true})
  })

  const summary = (result: BuildResult) => ({
    ok: result.ok,
    messages: result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`)),
    outputs: [...result.outputs]
  })

  /** A build with the part cache, as `npm run data` makes it. */
  async function cached(out: string | null): Promise<BuildResult> {
    const parts = openPartCache(root)
    try {
      return await build({root, out, parts})
    } finally {
      parts.close()
    }
  }

  it('write exactly the outputs or nothing, and the cache changes nothing', async () => {
    let built = 0
    await fc.assert(
      // Now and then a judgements file whose document is not there.
      fc.asyncProperty(documents, fc.oneof({weight: 9, arbitrary: fc.constant(false)}, {weight: 1, arbitrary: fc.constant(true)}), async (generated, orphan) => {
        // A fresh project: the generated documents and judgements, and a dist-data/ that must survive a rejection.
        for (const folder of ['sources/documents', 'sources/judgements', 'dist-data', '.cache']) await rm(path.join(root, folder), {recursive: true, force: true})
        await mkdir(path.join(root, 'sources/documents'), {recursive: true})
        await mkdir(path.join(root, 'sources/judgements'), {recursive: true})
        for (const {name, bytes, judgements} of generated) {
          await writeFile(path.join(root, 'sources/documents', `${name}.md`), bytes)
          if (judgements) await writeFile(path.join(root, 'sources/judgements', `${name}.yml`), judgements)
        }
        if (orphan) await writeFile(path.join(root, 'sources/judgements/gen-orphan.yml'), 'statistics: []\n')
        await cp(pristine, path.join(root, 'dist-data'), {recursive: true})

        const plain = await build({root, out: null})
        const cold = await cached('dist-data/draft')
        checkMessages(cold.files, cold.ok)
        if (orphan) expect(cold.ok).toBe(false)
        const after = await snapshot(path.join(root, 'dist-data'))
        expect(await readdir(path.join(root, 'dist-data'))).toEqual(['draft'])
        if (cold.ok) {
          built++
          expect([...after.keys()].sort()).toEqual([...plain.outputs.keys()].map((file) => path.join('draft', file)).sort())
          for (const [file, content] of plain.outputs) expect(readBack(after.get(path.join('draft', file))!, content)).toEqual(comparable(content))
        } else {
          expect(after).toEqual(distData)
        }
        const warm = await cached(null)
        expect(summary(cold)).toEqual({...summary(plain), outputs: []})
        expect(summary(warm)).toEqual(summary(plain))
      }),
      settings(150)
    )
    expect(built).toBeGreaterThan(0)
  }, 600_000)
})
