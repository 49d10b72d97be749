import {describe, expect, it} from 'vitest'
import {extractDataset} from '../../pipeline/extract/dataset.ts'
import {terms} from '../../pipeline/extract/terms/index.ts'
import {allMessagesOf, context, frontmatter, parsed} from '../helpers/project.ts'

const one = parsed('a', frontmatter('a') + `
# Test document

**Primary care networks** (PCNs) are groups of practices.

### STP – Sustainability and Transformation Plans

As of 19 March 2021, all are now termed ICSs.
`, `terms:
  - {id: pcn, name: Primary care networks, abbreviation: PCNs, label: Primary care network, quote: Primary care networks (PCNs), definition: Primary care networks (PCNs) are groups of practices}
  - {id: stp, name: Sustainability and Transformation Plans, abbreviation: STP, quote: STP – Sustainability and Transformation Plans}
`)

const two = parsed('b', frontmatter('b') + `
# Test document

A PCN brings together a group of local GP practices.
`, `terms:
  - {id: pcn, name: PCN, abbreviation: PCN, quote: A PCN brings, definition: A PCN brings together a group of local GP practices}
`)

describe('terms', () => {
  const records = extractDataset(terms, [one, two], context())

  it('should make one term of every document that names it, keeping the first naming as evidence', () => {
    expect(allMessagesOf(one)).toEqual([])
    expect(allMessagesOf(two)).toEqual([])
    expect(records).toEqual([
      {id: 'pcn', name: 'Primary care network', abbreviation: 'PCNs', sense: null, defined_in: ['a', 'b'], document: 'a', line: 4, column: 3, quote: 'Primary care networks (PCNs)'},
      {id: 'stp', name: 'Sustainability and Transformation Plans', abbreviation: 'STP', sense: null, defined_in: [], document: 'a', line: 6, column: 5, quote: 'STP – Sustainability and Transformation Plans'}
    ])
  })

  it('should give the same records from parts extracted one by one, leaving the parts as they were', () => {
    const parts = [terms.extract(one, context()), terms.extract(two, context())]
    expect(terms.merge(parts, context())).toEqual(records)
    // Merging leaves the parts as they were: a cached part can be merged again.
    expect(parts[0]!.map((term) => term.defined_in)).toEqual([['a'], []])
  })

  it('should let an editorial label win over the text’s name, whichever document gives it', () => {
    const plain = parsed('c', frontmatter('c') + '\nA PCN is here.\n', 'terms:\n  - {id: pcn, name: PCN, quote: A PCN is here}\n')
    const labelled = parsed('d', frontmatter('d') + '\nThe PCNs are there.\n', 'terms:\n  - {id: pcn, name: PCNs, label: Primary care network, quote: The PCNs are there}\n')
    expect(extractDataset(terms, [plain, labelled], context())).toMatchObject([{id: 'pcn', name: 'Primary care network', document: 'c', line: 2, column: 1}])
  })

  it('should report a name that is not in its quote in the judgements file, at the name', () => {
    const file = parsed('c', frontmatter('c') + '\nPrimary care.\n', 'terms:\n  - {id: x, name: Networks, quote: Primary care}\n')
    expect(extractDataset(terms, [file], context())).toEqual([])
    expect(allMessagesOf(file)).toEqual(['judgements:2:19 text-not-in-quote Unexpected `Networks` that is not in its quote, expected words of `Primary care`'])
    expect(file.data.judgements!.messages[0]?.file).toBe('sources/judgements/c.yml')
  })
})
