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
 * `scanCost`, further down, does the same for the shapes that are not deep
 * but still cost micromark time growing faster than the input.
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


/**
 * Parse cost. Short of deep nesting, micromark still spends time that grows
 * with the square of some shapes (timed with remark-parse 11, micromark 4):
 * every list or block quote that ends copies the document's events so far
 * (10,000 one-line quotes: 13 s in 50 KB); each setext heading re-resolves the
 * ones before it (12,500: 28 s); each lazy continuation line walks back over
 * its paragraph (25,000: 9 s); in a paragraph, every emphasis marker or bracket
 * that matches nothing walks back over, or is spliced out of, the inline events
 * before it (`a* ` 16,000 times: 3 s; `[a][b] ` 15,000 times: 6 s); every
 * unclosed code span, HTML comment or link resource scans to the end of its
 * paragraph (`<!--` 12,500 times: 5 s); and every definition and reference
 * is looked up among all definitions (32,768 definitions and 65,536
 * references: 4 s).
 *
 * Past those, each line, container marker and inline marker costs micromark
 * microseconds (2 MB of `> a` lines: 14 s), so their number is capped too.
 *
 * `scanCost` estimates each in one pass over the lines, with a light model of
 * the block structure (block quotes, list items, paragraphs, fences, HTML
 * blocks), and the document is refused before parsing when one exceeds its
 * budget. Where the model is unsure it counts more, never less. Budgets keep
 * each cost under about a second, and any document under 2 MB under about
 * three; the real documents use less than a thousandth of any budget.
 */
export const costLimits = {
  /** Setext headings (text underlined with `=` or `-`) in a document. */
  setextHeadings: 2000,
  /** Lines, container markers (`>`, list markers and indents), inline markers, escapes and character references: each costs micromark microseconds. */
  tokens: 2 ** 18,
  /** Σ, over lists and block quotes that end, of the document's events (lines and container markers) before them. */
  containers: 2 ** 25,
  /** Σ, over lazy continuation lines, of the lines of their paragraph before them. */
  lazyLines: 2 ** 25,
  /** Σ, over paragraphs and headings, of inline markers × (inline markers, escapes, character references and lines). */
  inline: 2 ** 26,
  /** Σ of characters scanned for the end of code spans, HTML comments, instructions, CDATA, declarations and link resources. */
  scans: 2 ** 25,
  /** Link reference definitions × (definitions and closing brackets): each definition and reference is looked up among all definitions. */
  references: 2 ** 28
} as const

interface Container {
  /** True for a block quote, false for a list item. */
  quote: boolean
  /** List items: columns of indent that continue the item, and the marker (`-`, `+`, `*`, or `.`, `)` after a number). */
  indent: number
  marker: number
  line: number
  column: number
}

/** A paragraph or heading: what its inline content costs. Offsets are in the source; ends are collected only from content, never from container markers. */
interface Inline {
  line: number
  column: number
  lines: number
  markers: number
  others: number
  brackets: number
  /** Only link reference definitions so far. */
  definitions: boolean
  /** Backtick runs as offset, length pairs. */
  ticks: number[]
  comments: number[]
  commentEnds: number[]
  instructions: number[]
  instructionEnds: number[]
  cdata: number[]
  cdataEnds: number[]
  declarations: number[]
  angles: number[]
  resources: number[]
  parens: number[]
  end: number
}

type Rest = 'blank' | 'text' | 'indented' | 'heading' | 'fence' | 'html' | 'tag' | 'thematic' | 'setext' | 'code'

/** Fenced code or an HTML block: lines that are not parsed as markdown, until `closes` says the block is over. */
interface Raw {
  depth: number
  /** Whether the line from `start` (at column `width`) to `end` ends the block. */
  closes: (text: string, start: number, width: number, end: number) => boolean
}

/** The first shape in `text` whose parse would cost more than `costLimits`, found without parsing; frontmatter is skipped. */
export function scanCost(text: string): NestingProblem | undefined {
  let lineStart = bodyStart(text)
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < lineStart; index = text.indexOf('\n', index + 1)) line++
  const stack: Container[] = []
  const total = {tokens: 0, containers: 0, lazyLines: 0, inline: 0, scans: 0, setext: 0, definitions: 0, brackets: 0}
  let events = 0
  let paragraph: Inline | undefined
  let raw: Raw | undefined
  // Indented code stays open over blank lines; like a paragraph, it keeps empty items and numbers other than 1 from starting lists.
  let indentedCode = false
  let firstSetext: Point | undefined
  let firstDefinition: Point | undefined

  const closeParagraph = (): NestingProblem | undefined => {
    const done = paragraph
    paragraph = undefined
    if (!done) return undefined
    total.inline += done.markers * (done.markers + done.others + done.lines)
    total.scans += scanLength(done)
    total.brackets += done.brackets
    // Each paragraph or heading also starts a tokenizer of its own: about four lines' worth.
    total.tokens += 4 + done.markers + done.others
    const place = {line: done.line, column: done.column}
    if (total.inline > costLimits.inline) {
      return {place, reason: `Unexpected ${done.markers} inline markers (\`*\`, \`_\`, \`[\`, \`]\`, \`<\`, backticks) in a paragraph of ${done.lines} line${done.lines === 1 ? '' : 's'}, expected fewer in a document (parsing time grows with the square of those that match nothing): close or escape them (\`\\*\`), or split the paragraph`}
    }
    if (total.scans > costLimits.scans) {
      return {place, reason: 'Unexpected unclosed code spans, HTML comments or link resources (`` ` ``, `<!--`, `](`) in a paragraph, expected fewer in a document (each is looked for to the end of its paragraph): close or escape them, or split the paragraph'}
    }
    return undefined
  }

  /** Close the containers from `from` on; `next` is the first container the line opens. */
  const closeContainers = (from: number, next: Container | undefined): NestingProblem | undefined => {
    for (let index = stack.length - 1; index >= from; index--) {
      const container = stack[index]!
      // Another item of the same list costs little; a list or block quote that ends moves every event so far.
      const sameList = !container.quote && index === from && next !== undefined && !next.quote && next.marker === container.marker
      total.containers += sameList ? events >> 8 : events
      if (total.containers > costLimits.containers) {
        return {place: {line: container.line, column: container.column}, reason: `Unexpected ${container.quote ? 'block quote' : 'list'} ending after line ${line - 1}, expected fewer lists and block quotes in a document this long (each one that ends makes the parser go over the document so far): merge them, or split the document`}
      }
    }
    stack.length = from
    return undefined
  }

  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart)
    const end = newline === -1 ? text.length : newline
    const blank = isBlankLine(text, lineStart, end)
    events++

    // 1. The open containers this line continues. `width` is the column `index` is at, tabs expanded to stops of four.
    let index = lineStart
    let width = 0
    let matched = 0
    for (; matched < stack.length; matched++) {
      const container = stack[matched]!
      if (container.quote) {
        const after = skipSpaces(text, index, width, end, 3)
        if (text.charCodeAt(after.index) !== 0x3e) break
        // The `>` and one column of the space or tab after it.
        const marker = skipSpaces(text, after.index + 1, after.width + 1, end, 1)
        index = marker.index
        width = marker.width
      } else if (!blank) {
        const after = skipSpaces(text, index, width, end, container.indent)
        if (after.columns < container.indent) break
        index = after.index
        width = after.width
      }
      events++
    }

    // 2. The containers it opens. Only non-empty items, numbered 1 if ordered, interrupt a paragraph, on the whole line.
    const interrupting = (paragraph !== undefined || indentedCode) && matched === stack.length
    const opened: Container[] = []
    for (;;) {
      const after = skipSpaces(text, index, width, end, 4)
      if (after.columns > 3 || (raw && matched >= raw.depth)) break
      const column = after.index - lineStart + 1
      if (text.charCodeAt(after.index) === 0x3e) {
        opened.push({quote: true, indent: 0, marker: 0x3e, line, column})
        const marker = skipSpaces(text, after.index + 1, after.width + 1, end, 1)
        index = marker.index
        width = marker.width
        continue
      }
      const item = listMarker(text, after.index, end)
      if (!item || isThematicBreak(text, after.index, end)) break
      const empty = isBlankLine(text, item.end, end)
      if (interrupting && (empty || (item.number !== undefined && item.number !== 1))) break
      const markerWidth = after.width + item.end - after.index
      const spaces = skipSpaces(text, item.end, markerWidth, end, 5)
      // Content starts after the spaces, or one column after the marker when it is empty or indented code.
      const content = empty || spaces.columns > 4 ? {...skipSpaces(text, item.end, markerWidth, end, 1), width: markerWidth + 1} : spaces
      opened.push({quote: false, indent: content.width - width, marker: item.marker, line, column})
      index = empty ? end : content.index
      width = content.width
      if (empty) break
    }
    events += 2 * opened.length
    let rest: Rest = raw && matched >= raw.depth && opened.length === 0 ? 'code' : classify(text, index, width, end)
    if (rest === 'indented') rest = paragraph && opened.length === 0 ? 'text' : 'code'
    if (rest !== 'blank') indentedCode = rest === 'code' && !raw
    // A line of one HTML tag starts an HTML block, except in a paragraph, which it continues. On a lazy line micromark
    // starts the block inside the paragraph's containers, as if their markers were there.
    if (rest === 'tag') {
      if (paragraph && opened.length === 0 && matched < stack.length) matched = stack.length
      else if (paragraph && opened.length === 0) rest = 'text'
      if (rest === 'tag') rest = 'html'
    }

    // 3. A lazy line continues a paragraph without the markers of its containers.
    const lazy = matched < stack.length && opened.length === 0 && paragraph !== undefined && (rest === 'text' || (rest === 'setext' && !isThematicBreak(text, index, end)))
    let problem: NestingProblem | undefined
    if (lazy) {
      rest = 'text'
      total.lazyLines += paragraph!.lines
      if (total.lazyLines > costLimits.lazyLines) {
        return {place: {line: paragraph!.line, column: paragraph!.column}, reason: `Unexpected paragraph of ${paragraph!.lines} lines continued without the \`>\` or indent of its block quote or list item (lazy lines), expected fewer in a document (each makes the parser go over the paragraph again): start every line with its \`>\` or indent, or split the paragraph`}
      }
    } else {
      const continues = paragraph !== undefined && matched === stack.length && opened.length === 0 && rest === 'text'
      if (!continues && !(rest === 'setext' && interrupting && opened.length === 0)) problem = closeParagraph()
      if (!problem && matched < stack.length) {
        if (raw && matched < raw.depth) raw = undefined
        problem = closeContainers(matched, opened[0])
      }
      stack.push(...opened)
    }
    if (problem) return problem

    // 4. The block the rest of the line starts or continues.
    if (rest === 'code') {
      if (raw?.closes(text, index, width, end)) raw = undefined
    } else if (rest === 'fence' || rest === 'html') {
      raw = rest === 'fence' ? openFence(text, index, width, end, stack.length) : openHtml(text, index, width, end, stack.length)
      if (rest === 'html' && raw.closes(text, index, width, end)) raw = undefined
    } else if (rest === 'heading') {
      paragraph = newInline(line, index - lineStart + 1)
      addInline(paragraph, text, index, end)
      problem = closeParagraph()
    } else if (rest === 'setext' && paragraph) {
      firstSetext ??= {line: paragraph.line, column: paragraph.column}
      if (++total.setext > costLimits.setextHeadings) {
        return {place: firstSetext, reason: `Unexpected more than ${costLimits.setextHeadings} setext headings (text underlined with \`=\` or \`-\`) from here on, expected at most ${costLimits.setextHeadings} (parsing time grows with the square of their number): write headings as \`# Heading\``}
      }
      problem = closeParagraph()
    } else if (rest === 'text' || (rest === 'setext' && !isThematicBreak(text, index, end))) {
      paragraph ??= newInline(line, index - lineStart + 1)
      // Definitions are not parsed as inline content; only those at the start of a paragraph are definitions.
      if (paragraph.definitions && definition.test(text.slice(index, end))) {
        firstDefinition ??= {line, column: index - lineStart + 1}
        total.definitions++
        paragraph.lines++
      } else {
        paragraph.definitions = false
        addInline(paragraph, text, index, end)
      }
    }
    if (problem) return problem
    if (events + total.tokens + (paragraph ? paragraph.markers + paragraph.others : 0) > costLimits.tokens) {
      return {place: {line, column: 1}, reason: `Unexpected more than ${costLimits.tokens} lines, block quote and list markers, inline markers and escapes by this line, expected at most ${costLimits.tokens} in a document (each costs the parser microseconds): join short lines, drop markup that is not needed, or split the document`}
    }
    if (newline === -1) break
    lineStart = newline + 1
    line++
  }
  const last = closeParagraph()
  if (last) return last
  if (firstDefinition && total.definitions * (total.definitions + total.brackets) > costLimits.references) {
    return {place: firstDefinition, reason: `Unexpected ${total.definitions} link reference definitions (\`[label]: url\`) with ${total.brackets} closing brackets, expected fewer in a document (each definition and bracket is looked up among all definitions): write links inline (\`[text](url)\`), or split the document`}
  }
  return undefined
}

function newInline(line: number, column: number): Inline {
  return {line, column, lines: 0, markers: 0, others: 0, brackets: 0, definitions: true, ticks: [], comments: [], commentEnds: [], instructions: [], instructionEnds: [], cdata: [], cdataEnds: [], declarations: [], angles: [], resources: [], parens: [], end: 0}
}

/** Count the inline markers of one line of a paragraph or heading, and note where scanning constructs open and end. */
function addInline(inline: Inline, text: string, start: number, end: number): void {
  inline.lines++
  inline.end = end
  // Two spaces at the end of a line make a hard break.
  if (end - start >= 2 && text.charCodeAt(end - 1) === 0x20 && text.charCodeAt(end - 2) === 0x20) inline.others++
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    // Only `&`, `)`, `*`, `<`, `>`, `[`, `\`, `]`, `_` and backticks matter.
    if (code < 0x26 || (code > 0x3e && code < 0x5b) || code > 0x60) continue
    if (code === 0x2a || code === 0x5f || code === 0x5b) {
      inline.markers++
    } else if (code === 0x5d) {
      inline.markers++
      inline.brackets++
      if (text.charCodeAt(index + 1) === 0x28) inline.resources.push(index)
    } else if (code === 0x60) {
      let size = 1
      while (text.charCodeAt(index + size) === 0x60) size++
      inline.markers++
      inline.ticks.push(index, size)
      index += size - 1
    } else if (code === 0x3c) {
      inline.markers++
      const next = text.charCodeAt(index + 1)
      if (next === 0x3f) inline.instructions.push(index)
      else if (next === 0x21) {
        if (text.startsWith('--', index + 2)) inline.comments.push(index)
        else if (text.startsWith('[CDATA[', index + 2)) inline.cdata.push(index)
        else if (isAsciiAlpha(text.charCodeAt(index + 2))) inline.declarations.push(index)
      }
    } else if (code === 0x3e) {
      inline.angles.push(index)
      if (index - 2 >= start && text.charCodeAt(index - 1) === 0x2d && text.charCodeAt(index - 2) === 0x2d) inline.commentEnds.push(index)
      if (index - 1 >= start && text.charCodeAt(index - 1) === 0x3f) inline.instructionEnds.push(index)
      if (index - 2 >= start && text.charCodeAt(index - 1) === 0x5d && text.charCodeAt(index - 2) === 0x5d) inline.cdataEnds.push(index)
    } else if (code === 0x29) {
      inline.parens.push(index)
    } else if (code === 0x5c || code === 0x26) {
      inline.others++
      if (code === 0x5c) index++
    }
  }
}

/** Characters micromark scans looking for the ends of code spans, HTML and link resources; an opener with no end scans to the end of the paragraph. */
function scanLength(inline: Inline): number {
  let length = 0
  // A backtick run opens a code span closed by the next run of the same length; text between is not parsed.
  const {ticks} = inline
  const next = new Array<number>(ticks.length / 2)
  const seen = new Map<number, number>()
  for (let run = ticks.length / 2 - 1; run >= 0; run--) {
    next[run] = seen.get(ticks[run * 2 + 1]!) ?? -1
    seen.set(ticks[run * 2 + 1]!, run)
  }
  for (let run = 0; run < next.length; run++) {
    const close = next[run]!
    if (close === -1) {
      length += inline.end - ticks[run * 2]!
    } else {
      length += ticks[close * 2]! - ticks[run * 2]!
      run = close
    }
  }
  length += scanTo(inline.comments, inline.commentEnds, 4, inline.end)
  length += scanTo(inline.instructions, inline.instructionEnds, 2, inline.end)
  length += scanTo(inline.cdata, inline.cdataEnds, 9, inline.end)
  length += scanTo(inline.declarations, inline.angles, 3, inline.end)
  length += scanTo(inline.resources, inline.parens, 2, inline.end)
  return length
}

/** Σ of the distance from each opener to the first end at least `gap` after it (or `end`); openers inside a closed construct are skipped. */
function scanTo(openers: readonly number[], ends: readonly number[], gap: number, end: number): number {
  let length = 0
  let next = 0
  let skip = -1
  for (const opener of openers) {
    if (opener < skip) continue
    while (next < ends.length && ends[next]! < opener + gap) next++
    if (next < ends.length) {
      length += ends[next]! - opener
      skip = ends[next]!
    } else {
      length += end - opener
    }
  }
  return length
}

/** What the rest of a line is, once its container markers are consumed. */
function classify(text: string, start: number, width: number, end: number): Rest {
  if (isBlankLine(text, start, end)) return 'blank'
  const after = skipSpaces(text, start, width, end, 4)
  if (after.columns > 3) return 'indented'
  const index = after.index
  const code = text.charCodeAt(index)
  if (code === 0x23) {
    let size = 1
    while (size <= 6 && text.charCodeAt(index + size) === 0x23) size++
    if (size <= 6 && (index + size >= end || isSpace(text.charCodeAt(index + size)))) return 'heading'
  }
  if (code === 0x60 || code === 0x7e) {
    let size = 1
    while (text.charCodeAt(index + size) === code) size++
    if (size >= 3 && (code === 0x7e || !text.slice(index + size, end).includes('`'))) return 'fence'
  }
  if (code === 0x3d || code === 0x2d) {
    let cursor = index
    while (text.charCodeAt(cursor) === code) cursor++
    if (isBlankLine(text, cursor, end)) return 'setext'
  }
  if (isThematicBreak(text, index, end)) return 'thematic'
  if (htmlKind(text, index, end)) return 'html'
  if (htmlTag.test(text.slice(index, end))) return 'tag'
  return 'text'
}

/** A line of three or more `*`, `-` or `_` (the same one), with only spaces or tabs around and between. */
function isThematicBreak(text: string, start: number, end: number): boolean {
  let first = start
  while (first < end && isSpace(text.charCodeAt(first))) first++
  const marker = text.charCodeAt(first)
  if (marker !== 0x2a && marker !== 0x2d && marker !== 0x5f) return false
  let count = 0
  for (let index = first; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code === marker) count++
    else if (!isSpace(code) && code !== 0x0d) return false
  }
  return count >= 3
}

/** A list marker (`-`, `+`, `*`, or up to nine digits and `.` or `)`) followed by a space, a tab or the end of the line. */
function listMarker(text: string, start: number, end: number): {end: number; marker: number; number?: number} | undefined {
  const code = text.charCodeAt(start)
  if (code === 0x2d || code === 0x2b || code === 0x2a) {
    return start + 1 >= end || isSpace(text.charCodeAt(start + 1)) || text.charCodeAt(start + 1) === 0x0d ? {end: start + 1, marker: code} : undefined
  }
  let index = start
  while (index < end && index - start < 9 && text.charCodeAt(index) >= 0x30 && text.charCodeAt(index) <= 0x39) index++
  const delimiter = text.charCodeAt(index)
  if (index === start || (delimiter !== 0x2e && delimiter !== 0x29)) return undefined
  if (index + 1 < end && !isSpace(text.charCodeAt(index + 1)) && text.charCodeAt(index + 1) !== 0x0d) return undefined
  return {end: index + 1, marker: delimiter, number: Number(text.slice(start, index))}
}

/**
 * A whole link reference definition on one line: `[label]: url`, the url in `<>` or without spaces and
 * parentheses, and an optional quoted title. Stricter than markdown, so that what fails here is counted as text.
 */
const definition = /^ {0,3}\[(?=[^\]]*[^\s\]])[^[\]\\]{1,999}\]:[ \t]*(?:<[^<>\\\n]*>|[^\s\x00-\x1f\x7f<>()\\]+)(?:[ \t]+(?:"[^"\\]*"|'[^'\\]*'))?[ \t]*\r?$/

/** Fenced code opened on this line: it ends at a fence of as many markers or more. */
function openFence(text: string, start: number, width: number, end: number, depth: number): Raw {
  const open = skipSpaces(text, start, width, end, 3).index
  const marker = text.charCodeAt(open)
  let size = 0
  while (text.charCodeAt(open + size) === marker) size++
  return {
    depth,
    closes(source, from, column, to) {
      const after = skipSpaces(source, from, column, to, 4)
      if (after.columns > 3) return false
      let index = after.index
      while (source.charCodeAt(index) === marker) index++
      return index - after.index >= size && isBlankLine(source, index, to)
    }
  }
}

/** HTML blocks that can interrupt a paragraph (CommonMark kinds 1 to 6) and the text that ends each. */
const htmlRaw = /^<(?:pre|script|style|textarea)(?:[\t >]|$)/i
const htmlBlock = new RegExp(`^</?(?:${['address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend', 'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul'].join('|')})(?:[\t >]|/>|$)`, 'i')

/** CommonMark kind 7: a line holding one complete opening or closing tag, which cannot interrupt a paragraph. */
const htmlAttribute = `(?:[ \\t]+[A-Za-z_:][\\w.:-]*(?:[ \\t]*=[ \\t]*(?:[^\\s"'=<>\`]+|'[^']*'|"[^"]*"))?)`
const htmlTag = new RegExp(`^ {0,3}(?:<[A-Za-z][A-Za-z\\d-]*${htmlAttribute}*[ \\t]*/?>|</[A-Za-z][A-Za-z\\d-]*[ \\t]*>)[ \\t]*\\r?$`)

function htmlKind(text: string, start: number, end: number): string | undefined {
  if (text.charCodeAt(start) !== 0x3c) return undefined
  const head = text.slice(start, Math.min(end, start + 16))
  if (htmlRaw.test(head)) return 'raw'
  if (head.startsWith('<!--')) return '-->'
  if (head.startsWith('<?')) return '?>'
  if (head.startsWith('<![CDATA[')) return ']]>'
  if (head.startsWith('<!') && isAsciiAlpha(head.charCodeAt(2))) return '>'
  if (htmlBlock.test(head)) return 'blank'
  return undefined
}

/** An HTML block opened on this line: it ends on the line holding its end text, or before a blank line. */
function openHtml(text: string, start: number, width: number, end: number, depth: number): Raw {
  // Kinds 6 and 7 (a line of one tag) end before a blank line.
  const kind = htmlKind(text, skipSpaces(text, start, width, end, 3).index, end) ?? 'blank'
  // Where the end text is next found: searched again only once passed, so the block is read once.
  let found = -2
  return {
    depth,
    closes(source, from, _width, to) {
      if (kind === 'blank') return isBlankLine(source, from, to)
      if (kind === 'raw') return /<\/(?:pre|script|style|textarea)>/i.test(source.slice(from, to))
      if (found !== -1 && found < from) found = source.indexOf(kind, from)
      return found !== -1 && found + kind.length <= to
    }
  }
}

/**
 * Skip spaces and tabs from `start`, at column `width`, up to `limit` columns; a tab goes to the next multiple of four
 * and may be taken in part (then `index` stays on it, at a later `width`). Returns where it stopped and the columns taken.
 */
function skipSpaces(text: string, start: number, width: number, end: number, limit: number): {index: number; width: number; columns: number} {
  let index = start
  let columns = 0
  while (index < end && columns < limit) {
    const code = text.charCodeAt(index)
    const size = code === 0x20 ? 1 : code === 0x09 ? 4 - ((width + columns) % 4) : 0
    if (size === 0) break
    if (columns + size > limit) {
      columns = limit
      break
    }
    columns += size
    index++
  }
  return {index, width: width + columns, columns}
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return false
  }
  return true
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09
}

function isAsciiAlpha(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}
