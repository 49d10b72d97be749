/**
 * Markdown → mdast, frontmatter as a `yaml` node first. micromark spends as
 * long walking a frontmatter block, character by character, as on the
 * markdown after it (half a document's bytes are frontmatter), only to keep
 * its text. So a document that opens with a plain `---` block has its body
 * parsed alone, its positions moved to the file's, and the `yaml` node made
 * here: the same tree remark-frontmatter gives. Anything less plain (a fence
 * with trailing whitespace, CR, NUL, nothing after the block) is parsed whole.
 */
import type {Nodes, Root, Yaml} from 'mdast'
import type {Point} from 'unist'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])
// Without the frontmatter extension: it only ever applies on line 1, which the body's line 1 is not.
const body = unified().use(remarkParse)

/** The tree remark-parse with remark-frontmatter (`['yaml']`) makes of `text`. */
export function parseMarkdown(text: string): Root {
  const block = plainFrontmatter(text)
  if (!block) return whole.parse(text) as Root
  const tree = body.parse(text.slice(block.bodyOffset)) as Root
  shiftPositions(tree, block.bodyLine - 1, block.bodyOffset)
  const yaml: Yaml = {
    type: 'yaml',
    // A copy, not a slice: V8 keeps a whole string alive for any slice of it, so the frontmatter's values (which
    // records and the file keep) would hold the document's text in memory to the end of the build.
    value: structuredClone(text.slice(4, block.closeOffset - 1)),
    position: {start: {line: 1, column: 1, offset: 0}, end: {line: block.bodyLine - 1, column: 4, offset: block.closeOffset + 3}}
  }
  tree.children.unshift(yaml)
  tree.position = {start: {line: 1, column: 1, offset: 0}, end: tree.position!.end}
  return tree
}

export interface FrontmatterBlock {
  /** Offset of the closing `---` line. */
  closeOffset: number
  /** Offset and line of the first line after it. */
  bodyOffset: number
  bodyLine: number
}

/**
 * The frontmatter block of `text` when it is plain: `---` alone on line 1, the
 * first line micromark would close it on (`---`, maybe spaces or tabs) is
 * `---` alone, no CR or NUL up to there, and markdown after it that is more
 * than whitespace. Undefined otherwise, and when there is none.
 */
export function plainFrontmatter(text: string): FrontmatterBlock | undefined {
  if (!text.startsWith('---\n')) return undefined
  // Same rule as micromark-extension-frontmatter's closing fence: a line of `---` and optional spaces or tabs.
  const close = /\n---[ \t]*(?=\n|$)/g
  close.lastIndex = 3
  const found = close.exec(text)
  if (!found || found[0].length !== 4) return undefined
  const closeOffset = found.index + 1
  const bodyOffset = closeOffset + 4
  if (bodyOffset > text.length || !/\S/.test(text.slice(bodyOffset))) return undefined
  const head = text.slice(0, closeOffset)
  // micromark reads CR as a line ending too, and gives NUL as U+FFFD.
  if (head.includes('\r') || head.includes('\0') || text.charCodeAt(bodyOffset) === 0xfeff) return undefined
  // Line 1 is the opening fence; each line ending after it, before the closing fence, moves that down one.
  let closeLine = 2
  for (let index = text.indexOf('\n', 4); index !== -1 && index < closeOffset; index = text.indexOf('\n', index + 1)) closeLine++
  return {closeOffset, bodyOffset, bodyLine: closeLine + 1}
}

/** Move every position in `tree` down `lines` lines and on `offset` characters; columns stay, as the body starts a line. */
function shiftPositions(tree: Root, lines: number, offset: number): void {
  const shift = (point: Point): Point => ({line: point.line + lines, column: point.column, offset: point.offset! + offset})
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    // Fresh points: none is shifted twice, even were one shared between nodes.
    if (node.position) node.position = {start: shift(node.position.start), end: shift(node.position.end)}
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}
