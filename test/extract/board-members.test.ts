import {describe, expect, it} from 'vitest'
import {boardMembers} from '../../pipeline/extract/board-members/index.ts'
import {extractDataset} from '../../pipeline/extract/dataset.ts'
import {allMessagesOf, context, frontmatter, parsed} from '../helpers/project.ts'

const registerYaml = `organisations:
  - {id: medway-council, name: Medway Council, aliases: [], type: unitary-authority, sector: local-government, identifiers: [], note: null}
`

const body = `
# Test document

The board currently includes representatives from:

- Medway Council
- Kent Nowhere Council

In most cases they will include the following roles:

- Independent Chair plus a minimum of two other independent non-executive directors.
- Chief Executive
- at least one member drawn from general practice; and
- up to three elected members

Every ICS will have:

- a **partnership board**, representing commissioners
- **A Clinical Commissioning Group (CCG)** that will act

Chaired by the eight CCG clinical chairs, along with the Accountable Officer, Glenn Douglas.

No list follows this paragraph.
`

function run(boards: string) {
  const file = parsed('a', frontmatter('a') + body, `boards:\n${boards}`)
  return {records: extractDataset(boardMembers, [file], context(registerYaml)), messages: allMessagesOf(file)}
}

describe('board-members', () => {
  it('should link listed organisations to the register and report one it lacks at its line in the document', () => {
    const {records, messages} = run('  - {id: pb, name: board, quote: The board currently includes representatives from, member_type: organisation, list: true}\n')
    // Line 6 of the text; the frontmatter is 13 lines, so the unknown one on text line 7 is file line 20.
    expect(records.map((record) => [record.id, record.organisation, record.minimum, record.line, record.column])).toEqual([['pb-medway-council', 'medway-council', null, 6, 3]])
    expect(messages).toEqual(['20:3 unknown-organisation Unexpected organisation `Kent Nowhere Council` that is not in sources/reference/organisations.yml, expected a registered name or alias'])
  })

  it('should read roles with their minimum numbers, splitting "X plus Y"', () => {
    const {records, messages} = run('  - {id: icb, name: they, quote: they will include the following roles, member_type: role, list: true, statutory: true}\n')
    expect(messages).toEqual([])
    expect(records.map((record) => [record.member, record.role, record.minimum, record.statutory])).toEqual([
      ['Independent Chair', 'Independent Chair', 1, true],
      ['a minimum of two other independent non-executive directors', 'independent non-executive directors', 2, true],
      ['Chief Executive', 'Chief Executive', 1, true],
      ['at least one member drawn from general practice', 'member drawn from general practice', 1, true],
      ['up to three elected members', 'elected members', null, true]
    ])
    expect(records.map((record) => [record.line, record.column])).toEqual([[11, 3], [11, 26], [12, 3], [13, 3], [14, 3]])
  })

  it('should make ids of the board and the member’s words, at most 64 characters, cut at a word boundary', () => {
    const {records} = run('  - {id: integrated-care-board, name: they, quote: they will include the following roles, member_type: role, list: true}\n')
    expect(records.map((record) => record.id).slice(0, 3)).toEqual([
      'integrated-care-board-independent-chair',
      expect.stringMatching(/^integrated-care-board-a-minimum-of-two-other-independent-[0-9a-f]{6}$/),
      'integrated-care-board-chief-executive'
    ])
    for (const {id} of records) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    for (const {id} of records) expect(id.length).toBeLessThanOrEqual(64)
  })

  it('should take a bold lead-in as the member, after an article too', () => {
    const {records} = run('  - {id: ics, name: Every ICS, quote: Every ICS will have, member_type: body, list: true}\n')
    expect(records.map((record) => record.member)).toEqual(['partnership board', 'A Clinical Commissioning Group (CCG)'])
  })

  it('should read members named in the quote, with a person’s role', () => {
    const {records} = run('  - id: sg\n    name: Chaired\n    quote: Chaired by the eight CCG clinical chairs, along with the Accountable Officer, Glenn Douglas\n    member_type: group\n    members:\n      - {text: the eight CCG clinical chairs}\n      - {text: Glenn Douglas, role: Accountable Officer, member_type: person}\n')
    expect(records.map((record) => [record.member_type, record.member, record.person, record.role, record.minimum])).toEqual([
      ['group', 'the eight CCG clinical chairs', null, null, 8],
      ['person', 'Glenn Douglas', 'Glenn Douglas', 'Accountable Officer', 1]
    ])
  })

  it('should report a quoted paragraph with no list after it in the judgements file, at the quote', () => {
    expect(run('  - {id: x, name: list, quote: No list follows this paragraph, member_type: group, list: true}\n').messages).toEqual([
      "judgements:2:32 list-not-found Unexpected paragraph without a list after it, expected the sentence that introduces `list`'s members"
    ])
  })
})
