/**
 * Numbers that name a part of the document rather than count anything:
 * "Objective 1"…"Objective 4", "Step 2", "Priority 3", and the numbering that
 * opens a heading or a list item ("1.", "2)", "(3)", "4:"); and the telephone
 * services "999" and "NHS 111", which name a service ("999 calls"), not a count.
 */
import type {Token} from './tokens.ts'

/** Words a label number follows, capitalised as headings and cross-references write them. */
const LABEL_WORDS = new Set([
  'Action', 'Aim', 'Ambition', 'Annex', 'Appendix', 'Area', 'Chapter', 'Commitment', 'Figure', 'Goal', 'Level', 'Milestone', 'Mission',
  'Objective', 'Option', 'Outcome', 'Part', 'Phase', 'Pillar', 'Principle', 'Priority', 'Question', 'Recommendation', 'Section',
  'Stage', 'Step', 'Table', 'Theme', 'Tier', 'Wave', 'Workstream', 'Year'
])

/** True when the number at token `first` follows a label word: "Objective 1", "Step 2". */
export function isLabelNumber(tokens: readonly Token[], first: number): boolean {
  const before = tokens[first - 1]
  return before?.kind === 'word' && LABEL_WORDS.has(before.text)
}

/** "14. When will this happen?", "2) Our people", "(3) Estates": numbering at the very start of the string. */
export function isListNumber(text: string, start: number): boolean {
  const numbering = /^\s*\(?(\d+)(?:[.):]|\)\s*)\s/u.exec(text)
  return numbering !== null && start === numbering[0].indexOf(numbering[1]!)
}

const SERVICES = new Set(['999', '111', '112'])
/** Words before a service number: "NHS 111", "dial 999". */
const CALLING = new Set(['call', 'calling', 'dial', 'dialling', 'ring', 'phone', 'contact'])
const SERVICE_WORDS = new Set(['call', 'calls', 'caller', 'callers', 'service', 'services', 'number', 'line', 'online'])

/** True when token `first` is an emergency or NHS telephone service: "NHS 111", "999 calls". */
export function isServiceNumber(tokens: readonly Token[], first: number): boolean {
  const token = tokens[first]
  if (token?.kind !== 'num' || !SERVICES.has(token.text)) return false
  const after = tokens[first + 1]
  const before = tokens[first - 1]
  return (before?.kind === 'word' && CALLING.has(before.lower)) || before?.text === 'NHS' || (after?.kind === 'word' && SERVICE_WORDS.has(after.lower))
}
