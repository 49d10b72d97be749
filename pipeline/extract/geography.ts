/**
 * The geography a figure or event applies to: an editor's judgement if given,
 * else the area its sentence names, else the document's own area.
 */
import type {VFile} from 'vfile'
import type {QuoteMatch} from '../locate/index.ts'

// Kent and Medway first, so a sentence about it that mentions England elsewhere stays local;
// "NHS England" is an organisation, not the place.
const areas: ReadonlyArray<[string, RegExp]> = [
  ['Kent and Medway', /\bKent and Medway\b/u],
  ['England', /(?<!NHS )\bEngland\b/u]
]

export function geographyOf(file: VFile, match: QuoteMatch, judged: string | undefined): string {
  if (judged) return judged
  const sentence = sentenceAround(match.block.text, match.start, match.end)
  for (const [area, pattern] of areas) if (pattern.test(sentence)) return area
  return String(file.data.matter?.['geography'] ?? '')
}

/** The sentence(s) of `text` that contain `[start, end)`. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start)
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! ')) + 1
  const after = text.slice(end).search(/[.?!](\s|$)/)
  return text.slice(from, after === -1 ? text.length : end + after + 1)
}
