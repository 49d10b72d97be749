/**
 * Issue 2's promises, checked on what the real sources build: every term the
 * issue names, all 14 partnership-board organisations, the ICB board's roles,
 * the figures with their numbers, units and geographies, the disagreements,
 * and nothing left for `npm run review`.
 */
import {beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../../pipeline/build.ts'
import {lineStartsOf} from '../../pipeline/locate/index.ts'
import {review} from '../../pipeline/review/index.ts'
import {projectRoot} from '../helpers/project.ts'

type Row = Record<string, unknown>
let result: BuildResult
const rows = (name: string) => result.datasets.find((dataset) => dataset.name === name)!.records as unknown as Row[]
const byId = (name: string, id: string) => rows(name).find((row) => row['id'] === id)

beforeAll(async () => {
  result = await build({root: projectRoot, out: null})
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

  it('should keep the three meanings of ICP apart, each with its sense', () => {
    const icps = rows('terms').filter((term) => term['abbreviation'] === 'ICP')
    expect(icps.map((term) => term['id']).sort()).toEqual(['integrated-care-partnership-place', 'integrated-care-partnership-system', 'integrated-care-provider'])
    expect(icps.every((term) => typeof term['sense'] === 'string')).toBe(true)
  })

  it('should give every document’s definition of ICS and PCN', () => {
    const definers = (term: string) => rows('term-definitions').filter((row) => row['term'] === term).map((row) => row['document'])
    expect(definers('integrated-care-system').length).toBeGreaterThanOrEqual(3)
    expect(definers('primary-care-network').length).toBeGreaterThanOrEqual(3)
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
  it('should list all 14 organisations of the ICS partnership board, each linked to organisations', () => {
    const members = rows('board-members').filter((row) => row['board'] === 'kent-medway-ics-partnership-board')
    expect(members).toHaveLength(14)
    expect(members.every((row) => byId('organisations', String(row['organisation'])))).toBe(true)
  })

  it('should list the ICB board’s roles with minimum numbers, as statutory', () => {
    const roles = rows('board-members').filter((row) => row['board'] === 'icb-board')
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
  const find = (figure: string) => rows('statistics').find((row) => row['figure'] === figure)

  it.each([
    ['Forty two', {value: 42, geography: 'Kent and Medway'}],
    ['Over 528,000', {value: 528000, qualifier: 'over'}],
    ['£3.4 billion', {value: 3400000000, unit: 'GBP'}],
    ['2 per cent', {value: 2, unit: 'percent'}],
    ['almost one in three', {value: 1 / 3, qualifier: 'almost', unit: 'proportion'}],
    ['42', {value: 42, geography: 'England'}],
    ['almost a quarter', {value: 0.25, date: '2031', date_basis: 'text'}]
  ])('should read `%s` from the text', (figure, expected) => {
    expect(find(figure)).toMatchObject(expected)
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
    const pcns = rows('timeline').filter((row) => row['topic'] === 'pcns-established')
    expect(pcns.map((row) => [row['date'], row['document']]).sort()).toEqual([['2019-07-01', 'kent-medway-glossary'], ['2020-07', 'ics-explained-for-governors']])
    expect(pcns.every((row) => (row['disagrees_with'] as string[]).length === 1)).toBe(true)
  })

  it('should keep the 2019 claim that the ICS will not be statutory beside the 2022 one that it was', () => {
    const statutory = rows('timeline').filter((row) => row['topic'] === 'ics-statutory')
    expect(statutory.map((row) => row['status'])).toEqual(expect.arrayContaining(['expected', 'happened']))
    const faqs = statutory.find((row) => row['document'] === 'kent-medway-ics-faqs')!
    expect(faqs['disagrees_with']).toContain(statutory.find((row) => row['document'] === 'kent-medway-our-ics')!['id'])
  })
})

describe('provenance', () => {
  it('should give every record of every dataset a quote that stands, whole, at its line and column', () => {
    const files = new Map(result.documents.map((file) => [String(file.data.matter!['id']), file]))
    let checked = 0
    for (const dataset of result.datasets) {
      for (const record of dataset.records) {
        const file = files.get(record.document)!
        const source = String(file.value)
        const offset = lineStartsOf(source)[record.line - 1]! + record.column - 1
        // The text of the block there, from that character on (markdown syntax and white space folded), begins with the whole quote.
        const block = file.data.blocks!.find((candidate) => candidate.offsets.includes(offset))
        expect(block, `${dataset.name} ${record.document}:${record.line}:${record.column}`).toBeDefined()
        expect(block!.text.slice(block!.offsets.indexOf(offset)).startsWith(record.quote), `${dataset.name} ${String((record as {id?: string}).id)}`).toBe(true)
        checked++
      }
    }
    expect(checked).toBe(result.datasets.reduce((sum, dataset) => sum + dataset.records.length, 0))
  })

  it('should leave nothing for `npm run review` in the real sources', () => {
    expect(review(result.documents, result.datasets)).toEqual([])
  })
})
