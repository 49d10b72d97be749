/**
 * Property-based hardening (issue 4): thousands of generated documents — raw
 * bytes, markdown assembled from hostile fragments, frontmatter with random
 * judgements quoting random parts of the body, mutated metadata — go through
 * the pipeline. It never throws and never writes a partial file: each input
 * either builds or is rejected with messages that name a line, a column, a
 * catalogued rule and its fix.
 *
 * 1. In memory: every stage in order (read, parse, validate the frontmatter,
 *    extract, validate the datasets, render), 2,000 runs.
 * 2. A BOM and CRLF line ends change nothing but the checksum.
 * 3. The full build into a temporary project, with and without the cache:
 *    dist-data/ is exactly the outputs or exactly as before, and the cached
 *    build (cold, then warm) gives what the uncached one gives, messages too.
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
import {extractBoardMembers} from '../../pipeline/extract/board-members/index.ts'
import {extractDocuments} from '../../pipeline/extract/documents/index.ts'
import {extractOrganisations, registerIndex} from '../../pipeline/extract/organisations/index.ts'
import {extractStatistics} from '../../pipeline/extract/statistics/index.ts'
import {extractTerms} from '../../pipeline/extract/terms/index.ts'
import {extractTimeline} from '../../pipeline/extract/timeline/index.ts'
import {hasErrors, rules, type RuleId} from '../../pipeline/messages.ts'
import {parseSource} from '../../pipeline/parse/index.ts'
import {publicationOf} from '../../pipeline/publication.ts'
import {toVFile} from '../../pipeline/read/index.ts'
import {readYamlFile} from '../../pipeline/read/yaml-file.ts'
import {validateDatasets, validateFrontmatter, type DatasetRecords} from '../../pipeline/validate/index.ts'
import {columnsOf} from '../../pipeline/validate/schemas.ts'
import {toCsv, toExcelCsv} from '../../pipeline/write/csv.ts'
import {toJson} from '../../pipeline/write/json.ts'
import {projectRoot, snapshot} from '../helpers/project.ts'

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
  name: string
  bytes: Uint8Array
}

const encoder = new TextEncoder()

/** Anything at every level: random bytes, random frontmatter, random judgements quoting random words. */
const hostileDocument: fc.Arbitrary<Generated> = fc
  .tuple(fc.constantFrom('gen-d', 'gen-d', 'gen-d', 'Gen E', 'gen-ü'), body, fc.nat(9), fc.constantFrom('Generated document', 'A title nowhere'))
  .chain(([name, source, shape, title]) => {
    const withTitle = `# ${title}\n\n${source}\n`
    return fc.tuple(judgementsFor(withTitle), fc.uint8Array({maxLength: 200}), text).map(([judged, bytes, junk]) => {
      const matter = {...baseMatter(shape === 1 ? 'other-id' : name, title), ...judged}
      let frontmatter = `---${yaml(matter)}\n---\n`
      if (shape === 5) frontmatter = frontmatter.replace('\ntitle:', '\ntitle: [')
      if (shape === 6) frontmatter = `---\n${junk}\n---\n`
      const textual = shape === 7 ? withTitle : frontmatter + withTitle
      return {name: `${name}.md`, bytes: shape === 8 ? bytes : encoder.encode(textual)}
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
const mutations = ['id-mismatch', 'bad-language', 'no-heading', 'yaml-break', 'no-frontmatter', 'quote-typo', 'ambiguous', 'bom-crlf', 'nul', 'bad-slug', 'unknown-publisher', 'noise-first', 'duplicate-id', 'no-figure', 'two-figures', 'name-not-in-quote', 'no-list'] as const

/**
 * A document that could be real: sentences with a unique marker word, each
 * holding one figure, date or term, judgements that quote them, a board with a
 * list of organisations; hostile text after them; and now and then one mutation.
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
  .map(({name, noise, statistics, events, terms, relations, board, mutation}) => {
    const sentences: string[] = []
    const matter: Record<string, unknown> = baseMatter(mutation === 'id-mismatch' ? 'gen-z' : name, 'Generated document')
    if (mutation === 'bad-language') matter['language'] = 'English'
    if (mutation === 'unknown-publisher') matter['publisher'] = {name: null, organisation: 'nhs-nowhere', note: 'Generated.'}
    const prefix = mutation === 'bad-slug' ? 'Bad Slug' : name
    matter['statistics'] = statistics.map(({figure: given, topic}, index) => {
      const figure = index > 0 ? given : mutation === 'no-figure' ? 'many' : mutation === 'two-figures' ? `${given} and 12 more` : given
      sentences.push(`Qs${index} there are ${figure} widgets here.`)
      return {id: mutation === 'duplicate-id' ? 'same-id' : `${prefix}-s${index}`, quote: `Qs${index} there are ${figure} widgets`, label: 'Widgets', unit: 'widgets', ...(topic ? {topic} : {})}
    })
    matter['timeline'] = events.map(({date, status, topic}, index) => {
      sentences.push(`Qe${index} on ${date} the thing happened.`)
      return {id: `${name}-e${index}`, quote: `Qe${index} on ${date} the thing happened.`, event: 'The thing happened', status, ...(topic ? {topic} : {})}
    })
    matter['terms'] = terms.map(({id, word, label, abbreviation, sense, define}, index) => {
      sentences.push(`Qt${index} the ${word}${abbreviation ? ` (${abbreviation})` : ''} is named here.`)
      if (define) sentences.push(`Qd${index} a ${word} means a group that works together.`)
      return {id, name: mutation === 'name-not-in-quote' && index === 0 ? 'nothing' : word, quote: `Qt${index} the ${word}`.concat(abbreviation ? ` (${abbreviation})` : ''), ...(abbreviation ? {abbreviation} : {}), ...(label ? {label} : {}), ...(sense ? {sense} : {}), ...(define ? {definition: `Qd${index} a ${word} means a group that works together.`} : {})}
    })
    matter['relations'] = terms.length === 0 ? [] : relations.map(([subject, object, relation]) => ({subject: terms[subject % terms.length]!.id, relation, object: terms[object % terms.length]!.id, quote: `Qt${subject % terms.length} the`}))
    let list = ''
    if (board) {
      matter['boards'] = [{id: `${name}-board`, name: 'test board', quote: 'Qb The test board includes:', member_type: 'organisation', list: true}]
      list = `Qb The test board includes:${mutation === 'no-list' ? '' : `\n\n${board.map((member) => `- ${member}`).join('\n')}`}`
    }
    if (mutation === 'quote-typo' && sentences.length > 0) sentences[0] = sentences[0]!.replace(/^(Q\w+) /, '$1  x ')
    if (mutation === 'ambiguous' && sentences.length > 0) sentences.push(sentences[0]!)
    const paragraphs = [...sentences, ...(list ? [list] : [])]
    const hostile = noise.filter((paragraph) => paragraph.trim() !== '')
    const bodyText = [mutation === 'no-heading' ? '' : '# Generated document', ...(mutation === 'noise-first' ? [...hostile, ...paragraphs] : [...paragraphs, ...hostile])].join('\n\n')
    let frontmatter = `---${yaml(matter)}\n---\n`
    if (mutation === 'yaml-break') frontmatter = frontmatter.replace('\nlanguage:', '\n language: [')
    if (mutation === 'no-frontmatter') frontmatter = ''
    let textual = `${frontmatter}\n${bodyText}\n`
    if (mutation === 'bom-crlf') textual = `\uFEFF${textual.replaceAll('\n', '\r\n')}`
    if (mutation === 'nul') textual = textual.replace('Generated document', 'Generated\0document')
    return {name: `${name}.md`, bytes: encoder.encode(textual)}
  })

const document = fc.oneof({weight: 5, arbitrary: plausibleDocument}, {weight: 1, arbitrary: hostileDocument})

// ---------------------------------------------------------------- the stages in memory

let register: VFile
let publicationFile: VFile
beforeAll(async () => {
  register = await readYamlFile('sources/reference/organisations.yml', projectRoot)
  publicationFile = await readYamlFile('sources/publication.yml', projectRoot)
})

/** Every stage of build(), in memory, on `files`; returns whether it would write. */
function stages(generated: readonly Generated[]): {ok: boolean; files: VFile[]} {
  const documents = generated.map(({name, bytes}) => toVFile(`sources/documents/${name}`, bytes))
  // A fresh file for this run's messages, sharing the parsed register.
  const reg = new VFile({path: register.path})
  reg.data = register.data
  const files = [...documents, reg]
  const usable = documents.filter((file) => parseSource(file) && validateFrontmatter(file))
  if (hasErrors(files)) return {ok: false, files}
  const terms = extractTerms(usable)
  const records: Record<string, object[]> = {
    documents: extractDocuments(usable),
    terms: terms.terms,
    'term-definitions': terms.definitions,
    'term-relations': terms.relations,
    organisations: extractOrganisations(usable, reg),
    'board-members': extractBoardMembers(usable, registerIndex(reg)),
    statistics: extractStatistics(usable),
    timeline: extractTimeline(usable)
  }
  const datasets: DatasetRecords[] = publicationOf(publicationFile).datasets.map((meta) => ({name: meta.name, primaryKey: meta.primary_key, foreignKeys: meta.foreign_keys, records: (records[meta.name] ?? []) as DatasetRecords['records']}))
  validateDatasets(datasets, usable)
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
      fc.property(fc.uniqueArray(document, {minLength: 1, maxLength: 3, selector: (generated) => generated.name}), (generated) => {
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
  })

  it('read a BOM and CRLF line ends as the same document', () => {
    const strip = (files: readonly VFile[]) => files.map((file) => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`))
    fc.assert(
      fc.property(document, ({name, bytes}) => {
        const plain = new TextDecoder().decode(bytes)
        if (plain.includes('\r') || plain.includes('\uFFFD')) return
        const windows = encoder.encode(`\uFEFF${plain.replaceAll('\n', '\r\n')}`)
        const a = stages([{name, bytes: encoder.encode(plain)}])
        const b = stages([{name, bytes: windows}])
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
  let distData: Map<string, string>
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'icb-property-'))
    await cp(path.join(projectRoot, 'sources/reference'), path.join(root, 'sources/reference'), {recursive: true})
    await cp(path.join(projectRoot, 'sources/publication.yml'), path.join(root, 'sources/publication.yml'))
    distData = await snapshot(path.join(projectRoot, 'dist-data'))
  })
  afterAll(async () => rm(root, {recursive: true, force: true}))

  const summary = (result: BuildResult) => ({
    ok: result.ok,
    messages: result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`)),
    outputs: [...result.outputs]
  })

  it('write exactly the outputs or nothing, and the cache changes nothing', async () => {
    let built = 0
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(document, {minLength: 1, maxLength: 3, selector: (generated) => generated.name}), async (generated) => {
        // A fresh project: the generated documents, and a dist-data/ that must survive a rejection.
        await rm(path.join(root, 'sources/documents'), {recursive: true, force: true})
        await rm(path.join(root, 'dist-data'), {recursive: true, force: true})
        await rm(path.join(root, '.cache'), {recursive: true, force: true})
        await mkdir(path.join(root, 'sources/documents'), {recursive: true})
        for (const {name, bytes} of generated) await writeFile(path.join(root, 'sources/documents', name), bytes)
        await cp(path.join(projectRoot, 'dist-data'), path.join(root, 'dist-data'), {recursive: true})

        const plain = await build({root, out: null})
        const cold = await build({root, cache: true})
        checkMessages(cold.files, cold.ok)
        const after = await snapshot(path.join(root, 'dist-data'))
        expect(await readdir(path.join(root, 'dist-data'))).toEqual(['draft'])
        if (cold.ok) {
          built++
          expect([...after.keys()].sort()).toEqual([...cold.outputs.keys()].map((file) => path.join('draft', file)).sort())
          for (const [file, content] of cold.outputs) expect(Buffer.from(after.get(path.join('draft', file))!, 'base64').toString('utf8')).toBe(content)
        } else {
          expect(after).toEqual(distData)
        }
        const warm = await build({root, out: null, cache: true})
        expect(summary(cold)).toEqual(summary(plain))
        expect(summary(warm)).toEqual(summary(plain))
      }),
      settings(150)
    )
    expect(built).toBeGreaterThan(0)
  })
})
