/**
 * Candidates (written by `npm run add-document`) make no record, but their
 * quotes are checked like every quote: each must occur exactly once in the
 * text, or the judgements file gets a message at the candidate's quote.
 */
import type {VFile} from 'vfile'
import {locateQuote} from './evidence.ts'

/** Report every candidate whose quote is not in the text exactly once. */
export function checkCandidates(file: VFile): void {
  const candidates = (file.data.judgements ?? file).data.matter?.['candidates']
  if (!candidates || typeof candidates !== 'object') return
  for (const [group, list] of Object.entries(candidates as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue
    for (const [index, candidate] of list.entries()) {
      const quote = (candidate as {quote?: unknown} | null)?.quote
      if (typeof quote === 'string') locateQuote(file, ['candidates', group, index, 'quote'], quote)
    }
  }
}
