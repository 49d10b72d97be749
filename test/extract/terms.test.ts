import {describe, expect, it} from 'vitest'
import {extractTerms} from '../../pipeline/extract/terms/index.ts'
import {frontmatter, messagesOf, parsed} from '../helpers/project.ts'

const one = parsed('a', frontmatter('a', `terms:
  - {id: pcn, name: Primary care networks, abbreviation: PCNs, label: Primary care network, quote: Primary care networks (PCNs), definition: Primary care networks (PCNs) are groups of practices}
  - {id: stp, name: Sustainability and Transformation Plans, abbreviation: STP, quote: STP – Sustainability and Transformation Plans}
relations:
  - {subject: stp, relation: replaced-by, object: ics, quote: all are now termed ICSs}
`) + `
# Test document

**Primary care networks** (PCNs) are groups of practices.

### STP – Sustainability and Transformation Plans

As of 19 March 2021, all are now termed ICSs.
`)

const two = parsed('b', frontmatter('b', `terms:
  - {id: pcn, name: PCN, abbreviation: PCN, quote: A PCN brings, definition: A PCN brings together a group of local GP practices}
`) + `
# Test document

A PCN brings together a group of local GP practices.
`)

describe('extractTerms', () => {
  const {terms, definitions, relations} = extractTerms([one, two])

  it('should make one term of every document that names it, keeping the first naming as evidence', () => {
    expect(messagesOf(one)).toEqual([])
    expect(terms).toEqual([
      {id: 'pcn', name: 'Primary care network', abbreviation: 'PCNs', sense: null, defined_in: ['a', 'b'], document: 'a', line: 22, column: 3, quote: 'Primary care networks (PCNs)'},
      {id: 'stp', name: 'Sustainability and Transformation Plans', abbreviation: 'STP', sense: null, defined_in: [], document: 'a', line: 24, column: 5, quote: 'STP – Sustainability and Transformation Plans'}
    ])
  })

  it('should keep every document’s definition side by side', () => {
    expect(definitions.map((definition) => [definition.id, definition.name, definition.quote])).toEqual([
      ['pcn--a', 'Primary care networks', 'Primary care networks (PCNs) are groups of practices'],
      ['pcn--b', 'PCN', 'A PCN brings together a group of local GP practices']
    ])
  })

  it('should keep each relation with its quote', () => {
    expect(relations).toEqual([{id: 'stp--replaced-by--ics--a', subject: 'stp', relation: 'replaced-by', object: 'ics', document: 'a', line: 26, column: 22, quote: 'all are now termed ICSs'}])
  })

  it('should report a name that is not in its quote', () => {
    const file = parsed('c', frontmatter('c', 'terms:\n  - {id: x, name: Networks, quote: Primary care}\n') + '\nPrimary care.\n')
    extractTerms([file])
    expect(messagesOf(file)).toEqual(['14:19 text-not-in-quote Unexpected `Networks` that is not in its quote, expected words of `Primary care`'])
  })
})
