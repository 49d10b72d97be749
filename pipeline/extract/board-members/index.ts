/**
 * Extract `board-members`: who sits on each board or body. A judgement names
 * the board and quotes the sentence that introduces its membership; the
 * members are the items of the list that follows it, or words inside the quote.
 */
import type {List} from 'mdast'
import type {VFile} from 'vfile'
import {findFigures} from '../../figures/index.ts'
import {pointAt, type QuoteMatch, type TextBlock} from '../../locate/index.ts'
import {report} from '../../messages.ts'
import type {Provenance} from '../../types.ts'
import {concatenate, type Dataset} from '../dataset.ts'
import {judgements, locateQuote, locateWithin, markUsed, provenance, reportJudgement, type Path} from '../evidence.ts'
import {idOf} from '../ids.ts'
import type {RegisterEntry} from '../organisations/index.ts'

const atMost = new Set(['up to', 'at most', 'no more than', 'fewer than', 'less than'])

type MemberType = 'organisation' | 'role' | 'body' | 'group' | 'person'

export interface BoardMemberRecord extends Provenance {
  id: string
  board: string
  board_name: string
  member: string
  member_type: MemberType
  organisation: string | null
  person: string | null
  role: string | null
  minimum: number | null
  statutory: boolean | null
}

interface BoardJudgement {
  id: string
  name: string
  label?: string
  quote: string
  member_type: MemberType
  statutory?: boolean | null
  list?: boolean
  members?: Array<{text: string; role?: string; member_type?: MemberType}>
}

interface Member {
  span: QuoteMatch
  type: MemberType
  role?: string
}

export const boardMembers: Dataset<BoardMemberRecord> = {
  name: 'board-members',
  foreignKeys: [{field: 'organisation', resource: 'organisations'}],
  extract: (file, context) => {
    const records: BoardMemberRecord[] = []
    for (const {value: board, path} of judgements<BoardJudgement>(file, 'boards')) {
      const match = locateQuote(file, [...path, 'quote'], board.quote)
      if (!match || !locateWithin(file, [...path, 'name'], match, board.name)) continue
      const members = [...(board.list ? listMembers(file, path, board, match) : []), ...quotedMembers(file, path, board, match)]
      for (const member of members) {
        const record = toRecord(file, board, member, context.organisations)
        if (record) records.push(record)
      }
    }
    return records
  },
  merge: concatenate
}

/** Members named in the quote itself. */
function quotedMembers(file: VFile, path: Path, board: BoardJudgement, match: QuoteMatch): Member[] {
  const members: Member[] = []
  for (const [index, member] of (board.members ?? []).entries()) {
    const span = locateWithin(file, [...path, 'members', index, 'text'], match, member.text)
    if (member.role !== undefined && !locateWithin(file, [...path, 'members', index, 'role'], match, member.role)) continue
    if (span) members.push({span, type: member.member_type ?? board.member_type, ...(member.role ? {role: member.role} : {})})
  }
  return members
}

/** Members listed after the quoted paragraph: one per item, its bold lead-in if it opens with one; "X plus Y" is two. */
function listMembers(file: VFile, path: Path, board: BoardJudgement, match: QuoteMatch): Member[] {
  const list = listAfter(match.block)
  if (!list) {
    reportJudgement(file, 'list-not-found', `Unexpected paragraph without a list after it, expected the sentence that introduces \`${board.name}\`'s members`, [...path, 'quote'])
    return []
  }
  const members: Member[] = []
  for (const item of list.children) {
    const block = (file.data.blocks ?? []).find((candidate) => candidate.node === item.children[0])
    if (!block) continue
    // A bold lead-in ("**Partnership board**", "a **partnership board**, …") names the member; bold later in the item is emphasis.
    const first = block.strong[0]
    const leadIn = first && /^(?:(?:a|an|the)\s+)?$/iu.test(block.text.slice(0, first[0])) ? first : undefined
    const [start, end] = leadIn ?? trimmedItem(block)
    let from = start
    for (const part of block.text.slice(start, end).split(' plus ')) {
      members.push({span: {block, start: from, end: from + part.length}, type: board.member_type})
      from += part.length + ' plus '.length
    }
  }
  return members
}

function listAfter(block: TextBlock): List | undefined {
  const parent = block.ancestors.at(-1)
  if (!parent) return undefined
  const next = parent.children[parent.children.indexOf(block.node as never) + 1]
  return next?.type === 'list' ? next : undefined
}

/** An item's words without the punctuation and conjunction that join it to the next. */
function trimmedItem(block: TextBlock): [number, number] {
  const trimmed = block.text.replace(/(?:[;,.]\s*(?:and|or)?|\s+(?:and|or))\s*$/u, '').replace(/\s+$/u, '')
  return [0, trimmed.length]
}

function toRecord(file: VFile, board: BoardJudgement, member: Member, organisations: Map<string, RegisterEntry>): BoardMemberRecord | undefined {
  const text = member.span.block.text.slice(member.span.start, member.span.end)
  let organisation: string | null = null
  if (member.type === 'organisation') {
    const entry = organisations.get(text)
    if (!entry) {
      const place = pointAt(String(file.value), member.span.block.offsets[member.span.start] ?? 0)
      report(file, 'unknown-organisation', `Unexpected organisation \`${text}\` that is not in sources/reference/organisations.yml, expected a registered name or alias`, {place})
      return undefined
    }
    organisation = entry.id
  }
  const figure = findFigures(text)[0]
  if (figure) markUsed(file, member.span, figure.start, figure.end, 'figure')
  // A role listed without a number is one seat; an organisation or body has no minimum.
  // "up to three" is a maximum, not a minimum; a role listed without a number is one seat.
  const bounded = figure && atMost.has(figure.figure.qualifier ?? '')
  const minimum = figure ? (bounded ? null : figure.figure.value) : member.type === 'role' || member.type === 'person' ? 1 : null
  const role = member.type === 'person' ? (member.role ?? null) : member.type === 'role' ? roleName(text, figure?.figure.text) : null
  return {
    id: idOf(board.id, text),
    board: board.id,
    board_name: board.label ?? board.name,
    member: text,
    member_type: member.type,
    organisation,
    person: member.type === 'person' ? text : null,
    role,
    minimum,
    statutory: board.statutory ?? null,
    ...provenance(file, member.span.block, member.span.start, member.span.end)
  }
}

/** "a minimum of two other independent non-executive directors" → "independent non-executive directors". */
function roleName(text: string, figure: string | undefined): string {
  const without = figure ? text.replace(figure, '') : text
  return without.replace(/^\s*(?:other\s+)?/u, '').replace(/\s+/gu, ' ').trim()
}
