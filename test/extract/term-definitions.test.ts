import {describe, expect, it} from 'vitest'
import {extractDataset} from '../../pipeline/extract/dataset.ts'
import {termDefinitions} from '../../pipeline/extract/term-definitions/index.ts'
import {allMessagesOf, context, frontmatter, parsed} from '../helpers/project.ts'

const one = parsed('a', frontmatter('a') + `
# Test document

**Primary care networks** (PCNs) are groups of practices.

### STP – Sustainability and Transformation Plans
`, `terms:
  - {id: pcn, name: Primary care networks, abbreviation: PCNs, quote: Primary care networks (PCNs), definition: Primary care networks (PCNs) are groups of practices}
  - {id: stp, name: Sustainability and Transformation Plans, abbreviation: STP, quote: STP – Sustainability and Transformation Plans}
`)

const two = parsed('b', frontmatter('b') + `
# Test document

A PCN brings together a group of local
GP practices.
`, `terms:
  - {id: pcn, name: PCN, abbreviation: PCN, quote: A PCN brings, definition: A PCN brings together a group of local GP practices}
`)

describe('term-definitions', () => {
  it('should keep every document’s definition side by side, each with its id of term and document', () => {
    expect(extractDataset(termDefinitions, [two, one], context())).toEqual([
      {id: 'pcn-a', term: 'pcn', name: 'Primary care networks', document: 'a', line: 4, column: 3, quote: 'Primary care networks (PCNs) are groups of practices'},
      {id: 'pcn-b', term: 'pcn', name: 'PCN', document: 'b', line: 4, column: 1, quote: 'A PCN brings together a group of local GP practices'}
    ])
    expect(allMessagesOf(one)).toEqual([])
    expect(allMessagesOf(two)).toEqual([])
  })

  it('should report a definition that is not in the text in the judgements file, at the definition', () => {
    const file = parsed('c', frontmatter('c') + '\nPrimary care.\n', 'terms:\n  - id: x\n    name: Primary care\n    quote: Primary care\n    definition: Primary care is care\n')
    expect(extractDataset(termDefinitions, [file], context())).toEqual([])
    expect(allMessagesOf(file)).toEqual(['judgements:5:17 quote-not-found Unexpected quote `Primary care is care` that is not in the text of sources/documents/c.md, expected words of the document'])
  })
})
