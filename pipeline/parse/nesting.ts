/**
 * Nesting limits. micromark's cost grows faster than linearly with nesting (a
 * 16 KB line of 8,000 list markers takes 18 s; 40 KB of nested emphasis
 * takes 27 s), and a tree thousands of levels deep overflows any recursive
 * walk. So the source is scanned before parsing for the shapes that nest (line
 * prefixes of lists and quotes, runs of emphasis markers and brackets), and
 * the tree is measured after: deeper than `maxDepth` is reported, not parsed on.
 * YAML is scanned the same way: the yaml package reports a stack overflow
 * as errors whose number and places vary with the stack left, so a deep
 * collection is refused before it is parsed, at one place.
 */
import type {Nodes, Root} from 'mdast'
import type {Point} from 'unist'

/** Deepest tree level accepted: the root is 0, a top-level paragraph 1, its text 2. The real documents reach 6. */
export const maxDepth = 64

export interface NestingProblem {
  place: Point
  reason: string
}

/** The first place in `text` that would nest deeper than `maxDepth`, found without parsing; frontmatter is skipped. */
export function scanNesting(text: string): NestingProblem | undefined {
  let start = bodyStart(text)
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < start; index = text.indexOf('\n', index + 1)) line++
  while (start <= text.length) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    const problem = scanLine(text, start, end, line)
    if (problem) return problem
    if (newline === -1) break
    start = newline + 1
    line++
  }
  return undefined
}

/** Where the markdown starts: after a `---` frontmatter block, if the file opens with one. */
function bodyStart(text: string): number {
  if (!text.startsWith('---\n')) return 0
  const close = /\n---[ \t]*(?:\n|$)/.exec(text.slice(3))
  return close ? 3 + close.index + close[0].length : 0
}

function scanLine(text: string, start: number, end: number, line: number): NestingProblem | undefined {
  // The container prefix: quote markers count one level, list markers two (the list and its item).
  let depth = 0
  let columns = 0
  let index = start
  while (index < end) {
    const code = text.charCodeAt(index)
    if (code === 0x20 || code === 0x09) {
      columns += code === 0x09 ? 4 - (columns % 4) : 1
      index++
      continue
    }
    if (code === 0x3e) {
      depth++
    } else if ((code === 0x2d || code === 0x2b || code === 0x2a) && isBlank(text, index + 1, end)) {
      depth += 2
    } else {
      const marker = code >= 0x30 && code <= 0x39 ? /^\d{1,9}[.)]/.exec(text.slice(index, Math.min(end, index + 11))) : null
      if (!marker || !isBlank(text, index + marker[0].length, end)) break
      depth += 2
      index += marker[0].length - 1
    }
    if (depth > maxDepth) {
      return {place: {line, column: index - start + 1}, reason: `Unexpected ${depth} levels of lists and block quotes opened on one line, expected at most ${maxDepth}`}
    }
    index++
  }
  // Each level of a list needs at least two more columns of indent.
  if (columns > 4 * maxDepth) {
    return {place: {line, column: 1}, reason: `Unexpected indent of ${columns} columns, expected lists nested at most ${maxDepth} levels deep`}
  }
  // Runs of emphasis markers and of opening brackets nest inline content.
  let run = 0
  let runStart = start
  let kind = 0
  for (index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    const current = code === 0x2a || code === 0x5f ? 1 : code === 0x5b ? 2 : 0
    if (current !== 0 && current === kind) {
      run++
    } else {
      kind = current
      run = current === 0 ? 0 : 1
      runStart = index
    }
    if (run > maxDepth) {
      const what = kind === 1 ? 'emphasis markers (`*`, `_`)' : 'opening brackets (`[`)'
      let length = run
      while (index + 1 < end && (kind === 1 ? /[*_]/ : /\[/).test(text[index + 1]!)) {
        index++
        length++
      }
      return {place: {line, column: runStart - start + 1}, reason: `Unexpected run of ${length} ${what}, expected them nested at most ${maxDepth} levels deep`}
    }
  }
  return undefined
}

/** True when `index` is the end of the line or a space or tab (what follows a list marker). */
function isBlank(text: string, index: number, end: number): boolean {
  if (index >= end) return true
  const code = text.charCodeAt(index)
  return code === 0x20 || code === 0x09
}

/** The first node deeper than `maxDepth`, and how deep the tree goes; walked without recursion. */
export function measureDepth(tree: Root): NestingProblem | undefined {
  let deepest = 0
  let first: {node: Nodes; parents: Nodes[]} | undefined
  const stack: Array<{node: Nodes; depth: number}> = [{node: tree, depth: 0}]
  const path: Nodes[] = []
  while (stack.length > 0) {
    const {node, depth} = stack.pop()!
    path.length = depth
    path.push(node)
    if (depth > deepest) deepest = depth
    if (depth > maxDepth && !first) first = {node, parents: path.slice(0, -1)}
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push({node: node.children[index] as Nodes, depth: depth + 1})
  }
  if (!first) return undefined
  // Text nodes may lack a position; the nearest ancestor that has one stands for them.
  const positioned = [first.node, ...first.parents.reverse()].find((node) => node.position)
  const start = positioned?.position?.start
  return {place: {line: start?.line ?? 1, column: start?.column ?? 1}, reason: `Unexpected markdown nested ${deepest} levels deep, expected at most ${maxDepth}`}
}

/**
 * The first place in YAML `text` nested deeper than `maxDepth`: flow
 * collections (`[`, `{`) outside quotes and comments, or an indent wider than
 * four columns per level. Returns the offset in `text`.
 */
export function scanYamlNesting(text: string): {offset: number; reason: string} | undefined {
  let depth = 0
  let quote = ''
  let comment = false
  let indent = 0
  let atLineStart = true
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    // Letters, digits and most punctuation change nothing.
    if (!atLineStart && quote === '' && !comment && code > 0x27 && code !== 0x5b && code !== 0x5d && code !== 0x7b && code !== 0x7d) continue
    const char = text[index]!
    if (char === '\n') {
      comment = false
      atLineStart = true
      indent = 0
      continue
    }
    if (atLineStart) {
      if (char === ' ') {
        if (++indent > 4 * maxDepth) return {offset: index, reason: `Unexpected YAML indented ${indent} columns, expected collections nested at most ${maxDepth} levels deep`}
        continue
      }
      atLineStart = false
    }
    if (comment) continue
    if (quote !== '') {
      if (quote === '"' && char === '\\') index++
      else if (char === quote) {
        if (quote === "'" && text[index + 1] === "'") index++
        else quote = ''
      }
      continue
    }
    const before = index === 0 ? ' ' : text[index - 1]!
    if (char === '#' && /\s/.test(before)) comment = true
    else if ((char === '"' || char === "'") && /[\s[{,:]/.test(before)) quote = char
    else if (char === '[' || char === '{') {
      if (++depth > maxDepth) return {offset: index, reason: `Unexpected YAML nested ${depth} levels deep, expected at most ${maxDepth}`}
    } else if ((char === ']' || char === '}') && depth > 0) depth--
  }
  return undefined
}
