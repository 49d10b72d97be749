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
  /** Source offset of each character (UTF-16 code unit) of `text`. */
  offsets: Uint32Array
  /** Strong (bold) spans in `text`, as [start, end) pairs: bold lead-ins define terms. */
  strong: Array<[number, number]>
}

export interface QuoteMatch {
  block: TextBlock
  /** Start and end (exclusive) in `block.text`. */
  start: number
  end: number
}

/**
 * How far past the previous character the source of the next one may lie: an
 * escape, a character reference (the longest is 33 characters) or the indent
 * of a continuation line. Bounding it keeps hostile text (thousands of
 * references whose character is not in the source) linear.
 */
const lookAhead = 256

/** Build the text index of a tree; `source` is the file's text. Iterative, so no nesting depth overflows the stack. */
export function indexText(tree: Root, source: string): TextBlock[] {
  const blocks: TextBlock[] = []
  const path: Parent[] = []
  // Each frame: a parent and the index of its next child.
  const stack: Array<{node: Parent; next: number}> = [{node: tree, next: 0}]
  path.push(tree)
  while (stack.length > 0) {
    const frame = stack.at(-1)!
    const child = frame.node.children[frame.next++] as Nodes | undefined
    if (!child) {
      stack.pop()
      path.pop()
      continue
    }
    if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'tableCell') {
      const block = collect(child, path.slice(), source)
      if (block.text !== '') blocks.push(block)
    } else if ('children' in child) {
      stack.push({node: child, next: 0})
      path.push(child)
    }
  }
  return blocks
}

interface Segment {
  value: string
  start: number
  end: number
}

function collect(node: Block, ancestors: Parent[], source: string): TextBlock {
  const segments: Segment[] = []
  const rawStrong: Array<[number, number]> = []
  let rawLength = 0
  inline(node)
  const raw = segments.length === 1 ? segments[0]!.value : segments.map((segment) => segment.value).join('')
  const rawOffsets = new Uint32Array(rawLength)
  let filled = 0
  for (const segment of segments) filled = align(segment, source, rawOffsets, filled)
  // Most blocks are one line of single spaces: folded already, character for character. A copy, not the node's
  // value: that is a slice of the document's text, which V8 would keep whole for as long as any record's quote.
  if (!unfolded.test(raw)) return {node, ancestors, text: structuredClone(raw), offsets: rawOffsets, strong: rawStrong}

  // Fold white space (including no-break spaces) so quotes need not copy it exactly.
  const offsets = new Uint32Array(rawLength)
  // Where each raw character lands in the text: needed only to place bold spans.
  const map = rawStrong.length > 0 ? new Uint32Array(rawLength + 1) : undefined
  const pieces: string[] = []
  let length = 0
  let lastSpace = false
  let runStart = -1
  for (let index = 0; index < rawLength; index++) {
    if (map) map[index] = length
    const code = raw.charCodeAt(index)
    if (code <= 0x20 || code >= 0x7f ? isSpace(code) : false) {
      if (runStart !== -1) {
        pieces.push(raw.slice(runStart, index))
        runStart = -1
      }
      if (length === 0 || lastSpace) continue
      pieces.push(' ')
      lastSpace = true
    } else {
      if (runStart === -1) runStart = index
      lastSpace = false
    }
    offsets[length++] = rawOffsets[index]!
  }
  if (runStart !== -1) pieces.push(runStart === 0 ? raw : raw.slice(runStart))
  if (map) map[rawLength] = length
  let text = pieces.length === 1 ? pieces[0]! : pieces.join('')
  if (lastSpace) {
    text = text.slice(0, -1)
    length--
  }
  return {
    node,
    ancestors,
    text,
    offsets: length === rawLength ? offsets : offsets.subarray(0, length),
    strong: map ? rawStrong.map(([start, end]) => [Math.min(map[start]!, text.length), Math.min(map[end]!, text.length)] as [number, number]) : []
  }

  // Depth-first over the inline content, iterative; the outermost strong span is recorded on the way out.
  function inline(parent: Block): void {
    const stack: Array<{node: Nodes; next: number; inStrong: boolean; strongStart: number}> = [{node: parent, next: 0, inStrong: false, strongStart: -1}]
    while (stack.length > 0) {
      const frame = stack.at(-1)!
      const children = 'children' in frame.node ? (frame.node.children as Nodes[]) : []
      const child = children[frame.next++]
      if (!child) {
        stack.pop()
        if (frame.strongStart !== -1) rawStrong.push([frame.strongStart, rawLength])
        continue
      }
      if (child.type === 'text' || child.type === 'inlineCode') {
        add(child.value, child)
      } else if (child.type === 'break') {
        add('\n', child)
      } else if ('children' in child) {
        const opensStrong = child.type === 'strong' && !frame.inStrong
        stack.push({node: child, next: 0, inStrong: frame.inStrong || opensStrong, strongStart: opensStrong ? rawLength : -1})
      }
    }
  }

  function add(value: string, child: Nodes): void {
    segments.push({value, start: child.position?.start.offset ?? 0, end: child.position?.end.offset ?? 0})
    rawLength += value.length
  }
}

/**
 * Align each character of a node's value with its source, writing offsets from
 * `at` on: values lose escapes, character references and continuation-line
 * indentation, so offsets are found by walking both.
 */
function align({value, start, end}: Segment, source: string, out: Uint32Array, at: number): number {
  let cursor = start
  let index = 0
  while (index < value.length) {
    const code = value.charCodeAt(index)
    // Most characters stand where the previous one ended.
    if (code === source.charCodeAt(cursor) && (code < 0xd800 || code > 0xdbff) && cursor < end) {
      out[at++] = cursor++
      index++
      continue
    }
    const low = code >= 0xd800 && code <= 0xdbff ? value.charCodeAt(index + 1) : Number.NaN
    const width = low >= 0xdc00 && low <= 0xdfff ? 2 : 1
    const space = isSpace(code)
    const limit = Math.min(end, cursor + lookAhead)
    let probe = cursor
    while (probe < limit) {
      const here = source.charCodeAt(probe)
      if (here === code ? width === 1 || source.charCodeAt(probe + 1) === low : space && isSpace(here)) break
      probe++
    }
    const found = probe < limit
    if (found) cursor = probe
    out[at++] = cursor
    if (width === 2) out[at++] = cursor + 1
    if (found) cursor += width
    index += width
  }
  return at
}

/** The characters `/\s/` matches, by code unit. */
function isSpace(code: number): boolean {
  return code <= 0x20
    ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
    : code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/** White space that folding would change: any but a space, a space next to other white space, or at either end. */
const unfolded = /[^\S ]| \s|^ | $/

/** Fold white space the way block text is folded. Most quotes are folded already, and are given back as they are. */
export function foldWhitespace(text: string): string {
  return unfolded.test(text) ? text.replace(/\s+/g, ' ').trim() : text
}

/** Every place `quote` occurs in the body (white space folded), block by block. */
export function findQuote(blocks: readonly TextBlock[], quote: string): QuoteMatch[] {
  const needle = foldWhitespace(quote)
  const matches: QuoteMatch[] = []
  // Block text never holds a NUL (read refuses it), so a needle with one occurs nowhere.
  if (needle === '' || needle.includes('\0')) return matches
  // One search over the blocks joined by NUL, so a file's many quotes cost one scan each, not one per block.
  const {text, starts} = joinedOf(blocks)
  let block = 0
  for (let hit = text.indexOf(needle); hit !== -1; hit = text.indexOf(needle, hit + 1)) {
    while (block + 1 < starts.length && starts[block + 1]! <= hit) block++
    const start = hit - starts[block]!
    matches.push({block: blocks[block]!, start, end: start + needle.length})
  }
  return matches
}

const joined = new WeakMap<readonly TextBlock[], {count: number; text: string; starts: number[]}>()

function joinedOf(blocks: readonly TextBlock[]): {text: string; starts: number[]} {
  const known = joined.get(blocks)
  if (known && known.count === blocks.length) return known
  const starts: number[] = []
  let offset = 0
  for (const block of blocks) {
    starts.push(offset)
    offset += block.text.length + 1
  }
  const entry = {count: blocks.length, text: blocks.map((block) => block.text).join('\0'), starts}
  joined.set(blocks, entry)
  return entry
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

let lastSource: string | undefined
let lastStarts: number[] = []

/** Offsets at which each line starts; the last text's are kept, as records of one file are placed one after another. */
export function lineStartsOf(source: string): number[] {
  if (source === lastSource) return lastStarts
  const starts = [0]
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1)
  lastSource = source
  lastStarts = starts
  return starts
}
