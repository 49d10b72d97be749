/**
 * The `ignore` entries of a document's judgements: words `npm run review`
 * reports that an editor decided are not data. Their quotes, and the
 * candidates', are checked like every other quote, so a stale entry is an
 * error, not a silent no-op.
 */
import type {VFile} from 'vfile'
import type {QuoteMatch} from '../locate/index.ts'
import {checkCandidates} from './candidates.ts'
import {locateQuotes} from './evidence.ts'

/** Where each `ignore` entry's quote stands; one not found exactly once is reported at its `quote`. */
export function ignoredSpans(file: VFile): QuoteMatch[] {
  return locateQuotes(file, ['ignore'])
}

/** Check the quotes of the judgements that make no record: `ignore` entries and candidates. */
export function checkUnrecordedQuotes(file: VFile): void {
  ignoredSpans(file)
  checkCandidates(file)
}
