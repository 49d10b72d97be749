/**
 * The `ignore` entries of a document's judgements: words `npm run review`
 * reports that an editor decided are not data. Their quotes are checked like
 * every other quote, so a stale entry is an error, not a silent no-op.
 */
import type {VFile} from 'vfile'
import type {QuoteMatch} from '../locate/index.ts'
import {judgements, locateQuote} from './evidence.ts'

/** Where each `ignore` entry's quote stands; one not found exactly once is reported at its `quote`. */
export function ignoredSpans(file: VFile): QuoteMatch[] {
  return judgements<{quote: string}>(file, 'ignore').flatMap(({value, path}) => locateQuote(file, [...path, 'quote'], value.quote) ?? [])
}
