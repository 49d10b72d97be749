import {describe, expect, it} from 'vitest'
import {extractDataset} from '../../pipeline/extract/dataset.ts'
import {organisations} from '../../pipeline/extract/organisations/index.ts'
import {allMessagesOf, context, frontmatter, messagesOf, parsed} from '../helpers/project.ts'

const registerYaml = `organisations:
  - {id: nhs-england, name: NHS England, aliases: [NHSE/I], type: national-body, sector: nhs, identifiers: [], note: null}
  - {id: south-east, name: NHS England – South East Region, aliases: [], type: regional-body, sector: nhs, identifiers: [{register: ods, code: Y59, evidence: E1.}, {register: gss, code: E40000005, evidence: E1.}], note: null}
  - {id: unused, name: Nowhere Trust, aliases: [], type: nhs-trust, sector: nhs, identifiers: [], note: null}
`

describe('organisations', () => {
  const a = parsed('a', frontmatter('a') + '\n# Test document\n\n- NHS England – South East Region\n\nNHSE/I want every trust to take part.\n')
  const b = parsed('b', frontmatter('b') + '\n# Test document\n\nNHS England approval.\n')
  const extraction = context(registerYaml)
  const records = extractDataset(organisations, [a, b], extraction)

  it('should make a record of each registered organisation a document names, at its first mention', () => {
    expect(records).toEqual([
      {id: 'nhs-england', name: 'NHS England', type: 'national-body', sector: 'nhs', ods_code: null, gss_code: null, identifier_evidence: null, note: null, named_in: ['a', 'b'], document: 'a', line: 6, column: 1, quote: 'NHSE/I'},
      {id: 'south-east', name: 'NHS England – South East Region', type: 'regional-body', sector: 'nhs', ods_code: 'Y59', gss_code: 'E40000005', identifier_evidence: 'E1.', note: null, named_in: ['a'], document: 'a', line: 4, column: 3, quote: 'NHS England – South East Region'}
    ])
    expect([...allMessagesOf(a), ...allMessagesOf(b)]).toEqual([])
  })

  it('should give each document’s part on its own, and merge them without changing them', () => {
    const parts = [organisations.extract(a, extraction), organisations.extract(b, extraction)]
    expect(parts.map((part) => part.map((record) => [record.id, record.named_in, record.line]))).toEqual([
      [['south-east', ['a'], 4], ['nhs-england', ['a'], 6]],
      [['nhs-england', ['b'], 4]]
    ])
    expect(organisations.merge(parts, context(registerYaml))).toEqual(records)
    expect(parts[0]![1]!.named_in).toEqual(['a'])
  })

  it('should warn of a register entry that no document names, on the register', () => {
    expect(messagesOf(extraction.register)).toEqual(['4:5 unknown-organisation Unexpected register entry `Nowhere Trust` that no document names, expected a name or alias as the text writes it'])
    expect(extraction.register.messages[0]?.fatal).toBe(false)
  })
})
