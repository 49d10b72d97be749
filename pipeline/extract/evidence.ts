/**
 * Evidence: find a judgement's quote in the document (exactly once), and turn
 * a span of the text into the provenance a record carries. Judgements come
 * from the document's judgements file; a problem with one is reported there,
 * at the judgement's own line and column.
 */
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {findQuote, foldWhitespace, pointAt, type QuoteMatch, type TextBlock} from '../locate/index.ts'
import {report, type ReportOptions, type RuleId} from '../messages.ts'
import {frontmatterPlace} from '../parse/index.ts'
import type {Provenance} from '../types.ts'

export type Path = ReadonlyArray<string | number>

/** The document id of a parsed file. */
export function documentId(file: VFile): string {
  return String(file.data.matter?.['id'] ?? file.stem)
}

/** The line and column of a source offset, counted within the document's text (line 1 is its first line after the frontmatter). */
export function textPoint(file: VFile, offset: number): Point {
  const point = pointAt(String(file.value), offset)
  return {line: point.line - (file.data.bodyLine ?? 1) + 1, column: point.column}
}

/** Provenance of `[start, end)` in `block`. */
export function provenance(file: VFile, block: TextBlock, start: number, end: number): Provenance {
  const point = textPoint(file, block.offsets[start] ?? 0)
  return {document: documentId(file), line: point.line, column: point.column, quote: block.text.slice(start, end)}
}

/** Mark `[start, end)` of `scope` as the figure, date or term a record took, so `npm run review` does not list it. */
export function markUsed(file: VFile, scope: QuoteMatch, start: number, end: number, as: 'figure' | 'date' | 'term'): void {
  ;(file.data.used ??= []).push({block: scope.block, start: scope.start + start, end: scope.start + end, as})
}

/** Report a problem with the judgement at `path`, in the document's judgements file. */
export function reportJudgement(file: VFile, ruleId: RuleId, reason: string, path: Path, options: ReportOptions = {}): void {
  const judgementsFile = file.data.judgements ?? file
  report(judgementsFile, ruleId, reason, {...options, place: judgementsFile.data.frontmatter ? frontmatterPlace(judgementsFile, path) : {line: 1, column: 1}})
}

/** Find `quote` (the judgement at `path`) exactly once; report and return undefined otherwise. */
export function locateQuote(file: VFile, path: Path, quote: string): QuoteMatch | undefined {
  const matches = findQuote(file.data.blocks ?? [], quote)
  if (matches.length === 0) {
    reportJudgement(file, 'quote-not-found', `Unexpected quote \`${short(quote)}\` that is not in the text of ${file.path}, expected words of the document`, path, {actual: quote})
    return undefined
  }
  if (matches.length > 1) {
    const lines = matches.map((match) => textPoint(file, match.block.offsets[match.start] ?? 0).line)
    reportJudgement(file, 'quote-ambiguous', `Unexpected quote \`${short(quote)}\` that occurs ${matches.length} times (text lines ${lines.join(', ')}), expected exactly one`, path)
    return undefined
  }
  return matches[0]
}

/** Locate the `quote` of every entry of the list at `path` of the judgements file (`['ignore']`, `['candidates', 'terms']`); one not found exactly once is reported at its quote. */
export function locateQuotes(file: VFile, path: Path): QuoteMatch[] {
  let list: unknown = (file.data.judgements ?? file).data.matter
  for (const key of path) list = (list as Record<string | number, unknown> | null | undefined)?.[key]
  if (!Array.isArray(list)) return []
  return list.flatMap((entry: unknown, index) => {
    const quote = (entry as {quote?: unknown} | null)?.quote
    return typeof quote === 'string' ? (locateQuote(file, [...path, index, 'quote'], quote) ?? []) : []
  })
}

/** Find `text` inside a located quote; report `text-not-in-quote` when it is not there. */
export function locateWithin(file: VFile, path: Path, within: QuoteMatch, text: string): QuoteMatch | undefined {
  const needle = foldWhitespace(text)
  const slice = within.block.text.slice(within.start, within.end)
  const index = needle === '' ? -1 : slice.indexOf(needle)
  if (index === -1) {
    reportJudgement(file, 'text-not-in-quote', `Unexpected \`${short(text)}\` that is not in its quote, expected words of \`${short(slice)}\``, path)
    return undefined
  }
  return {block: within.block, start: within.start + index, end: within.start + index + needle.length}
}

/** The list of judgements under `key` in the document's judgements file (or in a YAML file itself), with their paths. */
export function judgements<T>(file: VFile, key: string): Array<{value: T; path: Path}> {
  const list = (file.data.judgements ?? file).data.matter?.[key]
  if (!Array.isArray(list)) return []
  return list.map((value, index) => ({value: value as T, path: [key, index]}))
}

function short(text: string): string {
  const folded = foldWhitespace(text)
  return folded.length > 60 ? `${folded.slice(0, 57)}…` : folded
}
