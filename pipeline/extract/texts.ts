/**
 * Texts: what a document's source page shows, made when the document is
 * extracted, from its tree, its text index and its records, and published as
 * texts/<document>.json. The text's blocks keep the document's structure
 * (headings, paragraphs, lists, block quotes, tables); each block of words has
 * the lines it spans, counted within the document's text as records count
 * them, its plain text as quotes are matched against it, and the spans of that
 * text that records were taken from. A part carries the file as one string,
 * so the part cache keeps it and a cached build writes the same bytes; the
 * build writes it into the release at once, so no text waits for the others.
 */
import type {Nodes, Parent} from 'mdast'
import type {VFile} from 'vfile'
import {lineStartsOf, type TextBlock} from '../locate/index.ts'
import type {Provenance} from '../types.ts'
import {documentId} from './evidence.ts'
import {compareText} from './order.ts'

/** The folder of the release the texts are written to. */
const textsFolder = 'texts'

/** A document's text file, as a part carries it. */
export interface DocumentText {
  /** Its name in the release: texts/<document>.json. */
  name: string
  /** The file's content: JSON as `JSON.stringify(file, null, 2)` writes it but each span on one line, and a final newline. */
  json: string
}

/**
 * A span of a block's text that a record was taken from: `[start, end)` in
 * UTF-16 code units, as `column` counts. A term or organisation that several
 * documents name has a span in each of them; its record's own `line` and
 * `column` are those of the first.
 */
export interface TextSpan {
  dataset: string
  id: string
  start: number
  end: number
}

/** Lines are counted within the document's text (line 1 is the first line after the frontmatter), as records' `line`. */
export interface Lines {
  line: number
  end_line: number
}

/** A block of words: its plain text (markup removed, white space folded) and the spans records took. */
export interface Words extends Lines {
  text: string
  spans: TextSpan[]
}

export type TextNode =
  | ({type: 'heading'; depth: number} & Words)
  | ({type: 'paragraph'} & Words)
  | ({type: 'list'; ordered: boolean; start: number | null; items: TextNode[][]} & Lines)
  | ({type: 'blockquote'; children: TextNode[]} & Lines)
  | ({type: 'table'; rows: Array<Array<{type: 'cell'} & Words>>} & Lines)

/** The whole file: the document's id and its blocks in document order. */
export interface TextFile {
  document: string
  blocks: TextNode[]
}

/** The text file of a parsed document, given its records of every dataset (its part), by dataset name. */
export function documentText(file: VFile, records: Readonly<Record<string, readonly Provenance[]>>): DocumentText {
  const blocks = file.data.blocks ?? []
  const spans = spansOf(file, blocks, records)
  const byNode = new Map<Nodes, TextBlock>(blocks.map((block) => [block.node, block]))
  const bodyLine = file.data.bodyLine ?? 1
  const document = documentId(file)
  const text: TextFile = {document, blocks: file.data.tree ? children(file.data.tree) : []}
  return {name: `${textsFolder}/${document}.json`, json: `${format(text, '')}\n`}

  function lines(node: Nodes): Lines {
    return {line: (node.position?.start.line ?? bodyLine) - bodyLine + 1, end_line: (node.position?.end.line ?? bodyLine) - bodyLine + 1}
  }

  function words(node: Nodes): Words | undefined {
    const block = byNode.get(node)
    return block && {...lines(node), text: block.text, spans: (spans.get(block) ?? []).sort(bySpan)}
  }

  function children(parent: Parent): TextNode[] {
    return parent.children.flatMap((node) => toNode(node as Nodes))
  }

  // Code, HTML, thematic breaks and definitions hold no text quotes are matched against: they are left out.
  function toNode(node: Nodes): TextNode[] {
    switch (node.type) {
      case 'heading': {
        const found = words(node)
        return found ? [{type: 'heading', depth: node.depth, ...found}] : []
      }
      case 'paragraph': {
        const found = words(node)
        return found ? [{type: 'paragraph', ...found}] : []
      }
      case 'list':
        return [{type: 'list', ordered: node.ordered === true, start: node.ordered === true ? (node.start ?? 1) : null, ...lines(node), items: node.children.map((item) => children(item))}]
      case 'blockquote':
        return [{type: 'blockquote', ...lines(node), children: children(node)}]
      case 'table':
        return [{type: 'table', ...lines(node), rows: node.children.map((row) => row.children.map((cell) => ({type: 'cell' as const, ...(words(cell) ?? {...lines(cell), text: '', spans: []})})))}]
      default:
        return []
    }
  }
}

/**
 * Each record's span, by the block it is in: the record's line and column
 * give the source offset its evidence starts at, and its quote (the block's
 * text from there) the end. A record whose quote is not the text there gets
 * an empty span at its start.
 */
function spansOf(file: VFile, blocks: readonly TextBlock[], records: Readonly<Record<string, readonly Provenance[]>>): Map<TextBlock, TextSpan[]> {
  const spans = new Map<TextBlock, TextSpan[]>()
  const lineStarts = lineStartsOf(String(file.value))
  const firstLine = (file.data.bodyLine ?? 1) - 1
  for (const [dataset, list] of Object.entries(records)) {
    for (const record of list) {
      const lineStart = lineStarts[firstLine + record.line - 1]
      if (lineStart === undefined) continue
      const offset = lineStart + record.column - 1
      const block = blockAt(blocks, offset)
      const start = block ? block.offsets.indexOf(offset) : -1
      if (!block || start === -1) continue
      const end = block.text.startsWith(record.quote, start) ? start + record.quote.length : start
      const id = String((record as Provenance & {id?: unknown}).id)
      const list = spans.get(block)
      if (list) list.push({dataset, id, start, end})
      else spans.set(block, [{dataset, id, start, end}])
    }
  }
  return spans
}

/** The last block that starts at or before `offset` (blocks are in source order). */
function blockAt(blocks: readonly TextBlock[], offset: number): TextBlock | undefined {
  let low = 0
  let high = blocks.length - 1
  let found: TextBlock | undefined
  while (low <= high) {
    const middle = (low + high) >> 1
    const block = blocks[middle]!
    if ((block.offsets[0] ?? Infinity) <= offset) {
      found = block
      low = middle + 1
    } else high = middle - 1
  }
  return found
}

/** Spans by start, longest first, then dataset and id: the same order on every machine. */
function bySpan(a: TextSpan, b: TextSpan): number {
  return a.start - b.start || b.end - a.end || compareText(a.dataset, b.dataset) || compareText(a.id, b.id)
}

/** JSON with a two-space indent, each span on a line of its own: most of a text's lines would be spans' otherwise. */
function format(value: unknown, indent: string, of = '', inline = false): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const entries: Array<[string | undefined, unknown]> = Array.isArray(value) ? value.map((item) => [undefined, item]) : Object.entries(value)
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  if (entries.length === 0) return open + close
  const item = ([key, item]: [string | undefined, unknown], inner: string) => `${key === undefined ? '' : `${JSON.stringify(key)}: `}${format(item, inner, key ?? '', inline || of === 'spans')}`
  if (inline) return `${open}${entries.map((entry) => item(entry, '')).join(', ')}${close}`
  const inner = `${indent}  `
  return `${open}\n${entries.map((entry) => inner + item(entry, inner)).join(',\n')}\n${indent}${close}`
}
