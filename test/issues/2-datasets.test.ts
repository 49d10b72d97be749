/**
 * Issue 2's promises, checked on what the real sources build: the terms the
 * issue names, the partnership board's organisations, the ICB board's roles,
 * the figures with their numbers, units and geographies, the disagreements.
 * Each is a claim about what one document says, so it looks only at that
 * document's records: another document adds records without breaking it.
 * Then the invariants every build of any sources keeps: every quote stands at
 * its line and column, every reference resolves, every id follows the id rule,
 * every document's hash is its text's, and nothing is left for `npm run review`.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../../pipeline/build.ts'
import {datasets as registry} from '../../pipeline/datasets.ts'
import {lineStartsOf} from '../../pipeline/locate/index.ts'
import {review} from '../../pipeline/review/index.ts'
import {projectRoot} from '../helpers/project.ts'

type Row = Record<string, unknown>
let result: BuildResult
const rows = (name: string) => result.datasets.find((dataset) => dataset.name === name)!.records as unknown as Row[]
const byId = (name: string, id: string) => rows(name).find((row) => row['id'] === id)
const of = (document: string) => (row: Row) => row['document'] === document

beforeAll(async () => {
  result = await build({root: projectRoot, out: null, keep: true})
})

describe('terms', () => {
  it.each([
    'integrated-care-system', 'integrated-care-board', 'integrated-care-partnership-place', 'integrated-care-partnership-system',
    'integrated-care-provider', 'primary-care-network', 'sustainability-and-transformation-partnership', 'clinical-commissioning-group',
    'place', 'neighbourhood', 'provider-collaborative', 'joint-committee', 'joint-appointment', 'ics-nhs-body',
    'ics-health-and-care-partnership', 'health-and-care-partnership', 'partnership-board', 'system-commissioner',
    'clinical-and-professional-board', 'health-and-wellbeing-board', 'vcse-sector', 'quality-service-improvement-and-redesign',
    'pre-consultation-business-case'
  ])('should include %s', (id) => {
    expect(byId('terms', id)).toBeDefined()
  })

  it('should keep the three meanings of ICP apart, each with its own sense', () => {
    const icps = ['integrated-care-partnership-place', 'integrated-care-partnership-system', 'integrated-care-provider'].map((id) => byId('terms', id)!)
    expect(icps.map((term) => term['abbreviation'])).toEqual(['ICP', 'ICP', 'ICP'])
    const senses = icps.map((term) => term['sense'])
    expect(senses.every((sense) => typeof sense === 'string' && sense !== '')).toBe(true)
    expect(new Set(senses).size).toBe(3)
  })

  it('should give the definitions of ICS and PCN of each document that defines them', () => {
    const definers = (term: string) => rows('term-definitions').filter((row) => row['term'] === term).map((row) => row['document'])
    for (const document of ['ics-explained-for-governors', 'kent-medway-glossary', 'kent-medway-ics-faqs']) {
      expect(definers('integrated-care-system'), document).toContain(document)
      expect(definers('primary-care-network'), document).toContain(document)
    }
  })

  it('should state what replaced what, and what sits in what', () => {
    const relations = rows('term-relations').map((row) => `${row['subject']} ${row['relation']} ${row['object']}`)
    expect(relations).toContain('sustainability-and-transformation-partnership replaced-by integrated-care-system')
    expect(relations).toContain('clinical-commissioning-group replaced-by integrated-care-board')
    expect(relations).toContain('integrated-care-partnership-place replaced-by health-and-care-partnership')
    expect(relations).toContain('neighbourhood part-of place')
    expect(relations).toContain('place part-of integrated-care-system')
  })
})

describe('board members', () => {
  it('should list all 14 organisations of the ICS partnership board that “Our integrated care system” names, each linked to organisations', () => {
    const members = rows('board-members').filter(of('kent-medway-our-ics')).filter((row) => row['board'] === 'kent-medway-ics-partnership-board')
    expect(members).toHaveLength(14)
    expect(members.every((row) => byId('organisations', String(row['organisation'])))).toBe(true)
  })

  it('should list the ICB board’s roles with minimum numbers, as statutory', () => {
    const roles = rows('board-members').filter(of('kent-medway-ics-transition')).filter((row) => row['board'] === 'icb-board')
    expect(roles.map((row) => [row['role'], row['minimum']])).toContainEqual(['independent non-executive directors', 2])
    expect(roles.map((row) => row['role'])).toEqual(expect.arrayContaining(['Independent Chair', 'Chief Executive', 'Director of Finance', 'Director of Nursing', 'Medical Director']))
    expect(roles.every((row) => row['statutory'] === true)).toBe(true)
  })

  it('should name the people with their roles', () => {
    const people = rows('board-members').filter((row) => row['member_type'] === 'person').map((row) => [row['person'], row['role']])
    expect(people).toEqual(expect.arrayContaining([['Glenn Douglas', 'Accountable Officer'], ['Ian Ayres', expect.stringMatching(/^Managing Director/)], ['Caroline Selkirk', expect.stringMatching(/^Managing Director/)]]))
  })
})

describe('statistics', () => {
  const find = (document: string, figure: string) => rows('statistics').filter(of(document)).find((row) => row['figure'] === figure)

  it.each([
    ['kent-medway-our-ics', 'Forty two', {value: 42, geography: 'Kent and Medway'}],
    ['kent-medway-our-ics', 'Over 528,000', {value: 528000, qualifier: 'over'}],
    ['kent-medway-our-ics', '£3.4 billion', {value: 3400000000, unit: 'GBP'}],
    ['kent-medway-our-ics', '2 per cent', {value: 0.02, unit: 'proportion'}],
    ['kent-medway-our-ics', 'almost one in three', {value: 1 / 3, qualifier: 'almost', unit: 'proportion'}],
    ['ics-explained-for-governors', '42', {value: 42, geography: 'England'}],
    ['kent-medway-our-ics', 'almost a quarter', {value: 0.25, date: '2031', date_basis: 'text'}]
  ])('should read %s’s `%s` from the text', (document, figure, expected) => {
    expect(find(document, figure)).toMatchObject(expected)
  })

  it('should give every share as a proportion from 0 to 1, whatever the text’s form', () => {
    for (const row of rows('statistics').filter((statistic) => /%|per ?cent|percent/i.test(String(statistic['figure'])))) {
      expect(row['unit'], String(row['id'])).toBe('proportion')
    }
    for (const row of rows('statistics').filter((statistic) => statistic['unit'] === 'proportion')) {
      for (const key of ['value', 'value_low', 'value_high']) {
        const value = row[key] as number | null
        if (value !== null) expect(value >= 0 && value <= 1, `${String(row['id'])} ${key} ${value}`).toBe(true)
      }
    }
  })

  it('should keep ranges as low and high', () => {
    expect(rows('statistics').filter((row) => row['value_low'] === 30000 && row['value_high'] === 50000).length).toBeGreaterThanOrEqual(2)
  })
})

describe('disagreements', () => {
  it('should not flag figures whose ranges meet ("more than one million" and "1-3 million")', () => {
    for (const statistic of rows('statistics')) {
      for (const other of statistic['disagrees_with'] as string[]) {
        const them = byId('statistics', other)!
        const low = (row: Row) => (row['value_low'] as number | null) ?? (row['value'] as number)
        const high = (row: Row) => (row['value_high'] as number | null) ?? (row['qualifier'] === 'more than' || row['qualifier'] === 'over' ? Infinity : (row['value'] as number))
        expect(low(statistic) > high(them) || low(them) > high(statistic), `${String(statistic['id'])} vs ${other}`).toBe(true)
      }
    }
  })

  it('should keep both dates for when PCNs started, each pointing at the other', () => {
    const pcn = (document: string) => rows('timeline').filter(of(document)).find((row) => row['topic'] === 'pcns-established')!
    const glossary = pcn('kent-medway-glossary')
    const governors = pcn('ics-explained-for-governors')
    expect([glossary['date'], governors['date']]).toEqual(['2019-07-01', '2020-07'])
    expect(glossary['disagrees_with']).toContain(governors['id'])
    expect(governors['disagrees_with']).toContain(glossary['id'])
  })

  it('should keep the 2019 claim that the ICS will not be statutory beside the 2022 one that it was', () => {
    const statutory = rows('timeline').filter((row) => row['topic'] === 'ics-statutory')
    expect(statutory.map((row) => row['status'])).toEqual(expect.arrayContaining(['expected', 'happened']))
    const faqs = statutory.find((row) => row['document'] === 'kent-medway-ics-faqs')!
    expect(faqs['disagrees_with']).toContain(statutory.find((row) => row['document'] === 'kent-medway-our-ics')!['id'])
  })
})

describe('invariants of the real sources', () => {
  /** The document's text, as documents.sha256 describes it: everything after the frontmatter's closing `---` line, LF line ends. */
  const textOf = (document: string) => {
    const source = readFileSync(path.join(projectRoot, 'sources/documents', `${document}.md`), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
    const closing = /^---$/m.exec(source.slice(4))
    expect(source.startsWith('---\n') && closing, `${document}: frontmatter`).toBeTruthy()
    const start = 4 + closing!.index + 4
    return {source, start, text: source.slice(start)}
  }

  it('should build without a message', () => {
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('should give every record of every dataset a quote that stands, whole, at its line and column of the text', () => {
    const files = new Map(result.documents.map((file) => [file.stem, file]))
    const problems: string[] = []
    let checked = 0
    for (const dataset of result.datasets) {
      for (const record of dataset.records) {
        const where = `${dataset.name} ${String((record as unknown as Row)['id'])} at ${record.document}:${record.line}:${record.column}`
        const file = files.get(record.document)
        if (!file) {
          problems.push(`${where}: no such document`)
          continue
        }
        // Line 1 is the text's first line, after the frontmatter; counted here from the file, not from the pipeline.
        const {start, text} = textOf(record.document)
        const lineStart = lineStartsOf(text)[record.line - 1]
        if (record.line < 1 || record.column < 1 || lineStart === undefined) {
          problems.push(`${where}: outside the text`)
          continue
        }
        const offset = start + lineStart + record.column - 1
        // The text of the block there, from that character on (markdown syntax removed, white space folded), begins with the whole quote.
        const block = file.data.blocks!.find((candidate) => candidate.offsets.includes(offset))
        if (!block) problems.push(`${where}: no text there`)
        else if (!block.text.slice(block.offsets.indexOf(offset)).startsWith(record.quote)) problems.push(`${where}: quote not there`)
        checked++
      }
    }
    expect(problems).toEqual([])
    expect(checked).toBe(result.datasets.reduce((sum, dataset) => sum + dataset.records.length, 0))
  })

  it('should resolve every reference: each record’s document, each foreign key, each id of a list', () => {
    const ids = new Map(result.datasets.map((dataset) => [dataset.name, new Set(dataset.records.map((record) => String((record as unknown as Row)['id'])))]))
    const problems: string[] = []
    for (const dataset of registry) {
      const records = rows(dataset.name)
      for (const key of [{field: 'document', resource: 'documents', list: false}, ...dataset.foreignKeys]) {
        for (const record of records) {
          const value = record[key.field]
          if (value === null || value === undefined) continue
          for (const reference of key.list ? (value as unknown[]) : [value]) {
            if (!ids.get(key.resource)?.has(String(reference))) problems.push(`${dataset.name} ${String(record['id'])}: ${key.field} ${String(reference)} is not an id of ${key.resource}`)
          }
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('should give every record an id by the id rule: a lower-case slug of at most 64 characters, unique in its dataset', () => {
    for (const dataset of result.datasets) {
      const ids = dataset.records.map((record) => String((record as unknown as Row)['id']))
      const broken = ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || id.length > 64)
      expect(broken, dataset.name).toEqual([])
      expect(ids.filter((id, index) => ids.indexOf(id) !== index), `${dataset.name}: repeated ids`).toEqual([])
    }
  })

  it('should give every document the SHA-256 of its text alone', () => {
    for (const document of rows('documents')) {
      const {text} = textOf(String(document['id']))
      expect(document['sha256'], String(document['id'])).toBe(createHash('sha256').update(text).digest('hex'))
    }
  })

  it('should have a document record for every document file', () => {
    expect(rows('documents').map((row) => row['id']).sort()).toEqual(result.documents.map((file) => file.stem).sort())
  })

  // Issue 14 made review judge acronyms per document and list organisations not in the register: those
  // findings in the real sources are editors' work still to do; every figure, date, period and term is judged.
  it('should leave no figure, date, period or term for `npm run review` in the real sources', () => {
    const judged = new Set(['figure', 'date', 'period', 'term'])
    expect(review(result.documents, result.datasets).filter((finding) => judged.has(finding.kind))).toEqual([])
  })
})
