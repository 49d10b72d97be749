import {describe, expect, it} from 'vitest'
import {extractOrganisations} from '../../pipeline/extract/organisations/index.ts'
import {frontmatter, messagesOf, parsed, register} from '../helpers/project.ts'

const entries = register(`organisations:
  - {id: nhs-england, name: NHS England, aliases: [NHSE/I], type: national-body, sector: nhs, identifiers: [], note: null}
  - {id: south-east, name: NHS England – South East Region, aliases: [], type: regional-body, sector: nhs, identifiers: [{register: ods, code: Y59, evidence: E1.}, {register: gss, code: E40000005, evidence: E1.}], note: null}
  - {id: unused, name: Nowhere Trust, aliases: [], type: nhs-trust, sector: nhs, identifiers: [], note: null}
`)

describe('extractOrganisations', () => {
  const a = parsed('a', frontmatter('a') + '\n# Test document\n\n- NHS England – South East Region\n\nNHSE/I want every trust to take part.\n')
  const b = parsed('b', frontmatter('b') + '\n# Test document\n\nNHS England approval.\n')
  const records = extractOrganisations([a, b], entries)

  it('should make a record of each registered organisation a document names, at its first mention', () => {
    expect(records).toEqual([
      {id: 'nhs-england', name: 'NHS England', type: 'national-body', sector: 'nhs', ods_code: null, gss_code: null, identifier_evidence: null, note: null, named_in: ['a', 'b'], document: 'a', line: 19, column: 1, quote: 'NHSE/I'},
      {id: 'south-east', name: 'NHS England – South East Region', type: 'regional-body', sector: 'nhs', ods_code: 'Y59', gss_code: 'E40000005', identifier_evidence: 'E1.', note: null, named_in: ['a'], document: 'a', line: 17, column: 3, quote: 'NHS England – South East Region'}
    ])
  })

  it('should warn of a register entry that no document names', () => {
    expect(messagesOf(entries)).toEqual(['4:5 unknown-organisation Unexpected register entry `Nowhere Trust` that no document names, expected a name or alias as the text writes it'])
    expect(entries.messages[0]?.fatal).toBe(false)
  })
})
