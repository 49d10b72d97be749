/**
 * Locate: the body's text, block by block (paragraphs, headings, table cells),
 * with a source offset for every character. Quotes are matched against this
 * text, so emphasis and links inside a quote do not matter, and every match
 * maps back to the line and column where its evidence starts.
 */
import type {Heading, Nodes, Paragraph, Parent, Root, TableCell} from 'mdast'
import type {Point} from 'unist'

export type Block = Paragraph | Heading | TableCell

export interface TextBlock {
  /** The mdast node. */
  node: Block
  /** Its ancestors, root first, for finding the list a paragraph introduces. */
  ancestors: Parent[]
  /** Its text with every run of white space folded to one space and trimmed. */
  text: string
  /** Source offset of each character of `text`. */
  offsets: number[]
  /** Strong (bold) spans in `text`, as [start, end) pairs: bold lead-ins define terms. */
  strong: Array<[number, number]>
}

export interface QuoteMatch {
  block: TextBlock
  /** Start and end (exclusive) in `block.text`. */
  start: number
  end: number
}

/** Build the text index of a tree; `source` is the file's text. */
export function indexText(tree: Root, source: string): TextBlock[] {
  const blocks: TextBlock[] = []
  walk(tree, [])
  return blocks

  function walk(node: Nodes, ancestors: Parent[]): void {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const block = collect(node, ancestors, source)
      if (block.text !== '') blocks.push(block)
      return
    }
    if ('children' in node) for (const child of node.children) walk(child, [...ancestors, node])
  }
}

function collect(node: Block, ancestors: Parent[], source: string): TextBlock {
  let raw = ''
  const rawOffsets: number[] = []
  const strong: Array<[number, number]> = []
  inline(node, false)
  // Fold white space (including no-break spaces) so quotes need not copy it exactly.
  let text = ''
  const offsets: number[] = []
  const map: number[] = []
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index]!
    if (/\s/.test(char)) {
      if (text === '' || text.endsWith(' ')) {
        map.push(text.length)
        continue
      }
      map.push(text.length)
      text += ' '
    } else {
      map.push(text.length)
      text += char
    }
    offsets.push(rawOffsets[index]!)
  }
  map.push(text.length)
  if (text.endsWith(' ')) {
    text = text.slice(0, -1)
    offsets.pop()
  }
  return {
    node,
    ancestors,
    text,
    offsets,
    strong: strong.map(([start, end]) => [Math.min(map[start]!, text.length), Math.min(map[end]!, text.length)] as [number, number])
  }

  function inline(parent: Nodes, inStrong: boolean): void {
    if (!('children' in parent)) return
    for (const child of parent.children) {
      if (child.type === 'text' || child.type === 'inlineCode') {
        append(child.value, child.position?.start.offset ?? 0, child.position?.end.offset ?? 0)
      } else if (child.type === 'break') {
        append('\n', child.position?.start.offset ?? 0, child.position?.end.offset ?? 0)
      } else if (child.type === 'strong' && !inStrong) {
        const start = raw.length
        inline(child, true)
        strong.push([start, raw.length])
      } else {
        inline(child, inStrong)
      }
    }
  }

  // Align each character of a node's value with its source: values lose
  // escapes and continuation-line indentation, so offsets are found by walking both.
  function append(value: string, start: number, end: number): void {
    let cursor = start
    for (const char of value) {
      let probe = cursor
      while (probe < end && source[probe] !== char && !(/\s/.test(char) && /\s/.test(source[probe]!))) probe++
      if (probe < end) cursor = probe
      raw += char
      rawOffsets.push(cursor)
      for (let extra = 1; extra < char.length; extra++) rawOffsets.push(cursor + extra)
      if (probe < end) cursor += char.length
    }
  }
}

/** Fold white space the way block text is folded. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Every place `quote` occurs in the body (white space folded). */
export function findQuote(blocks: readonly TextBlock[], quote: string): QuoteMatch[] {
  const needle = foldWhitespace(quote)
  const matches: QuoteMatch[] = []
  if (needle === '') return matches
  for (const block of blocks) {
    let from = 0
    for (;;) {
      const start = block.text.indexOf(needle, from)
      if (start === -1) break
      matches.push({block, start, end: start + needle.length})
      from = start + 1
    }
  }
  return matches
}

/** Line and column (1-based) of a source offset. */
export function pointAt(source: string, offset: number, lineStarts = lineStartsOf(source)): Point {
  let low = 0
  let high = lineStarts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (lineStarts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return {line: low + 1, column: offset - lineStarts[low]! + 1, offset}
}

/** Offsets at which each line starts. */
export function lineStartsOf(source: string): number[] {
  const starts = [0]
  for (let index = 0; index < source.length; index++) if (source[index] === '\n') starts.push(index + 1)
  return starts
}
