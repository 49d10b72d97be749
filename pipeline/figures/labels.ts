/**
 * Numbers that name a part of the document rather than count anything:
 * "Objective 1"…"Objective 4", "Step 2", "Priority 3", and the numbering that
 * opens a heading or a list item ("1.", "2)", "(3)", "4:").
 */
import type {Token} from './tokens.ts'

/** Words a label number follows, capitalised as headings and cross-references write them. */
const LABEL_WORDS = new Set([
  'Action', 'Aim', 'Ambition', 'Annex', 'Appendix', 'Area', 'Chapter', 'Commitment', 'Figure', 'Goal', 'Level', 'Milestone',
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
