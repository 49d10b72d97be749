/**
 * Candidates (written by `npm run add-document`) make no record, but their
 * quotes are checked like every quote: each must occur exactly once in the
 * text, or the judgements file gets a message at the candidate's quote.
 */
import type {VFile} from 'vfile'
import {locateQuotes} from './evidence.ts'

/** Report every candidate whose quote is not in the text exactly once. */
export function checkCandidates(file: VFile): void {
  const candidates = (file.data.judgements ?? file).data.matter?.['candidates']
  if (!candidates || typeof candidates !== 'object') return
  for (const group of Object.keys(candidates)) locateQuotes(file, ['candidates', group])
}
