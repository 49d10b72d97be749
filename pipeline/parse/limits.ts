/**
 * Limits on what one document may cost, each one a reader can check: at most
 * `maxLines` lines, markdown and YAML nested at most `maxDepth` levels, and
 * markdown parsed within `timeLimit` (bytes are limited when the file is read:
 * 2 MB, pipeline/read/index.ts). Lines are counted before parsing, time is kept
 * while parsing, depth is measured after, before anything recurses over the tree.
 *
 * Why a time limit: micromark needs time growing with the square of shapes that
 * are neither long nor deep (runs of setext headings, unmatched `*`, unclosed
 * HTML comments, block quotes separated by blank lines, list markers on one
 * line: test/parse/limits.test.ts has each), so no count of lines or levels
 * catches them without refusing ordinary documents. So the parse runs under a
 * watchdog that stops it at the limit.
 */
import vm from 'node:vm'
import type {Nodes, Root} from 'mdast'
import type {Point} from 'unist'
import {Composer, Document, LineCounter, Parser, YAMLParseError, type CST} from 'yaml'

/** Lines in a document. The real documents have at most 200; 1 MB of prose has 15,000. */
export const maxLines = 20_000

/** Deepest level of a markdown tree (the root is 0, a top-level paragraph 1, its text 2; the real documents reach 6) and of YAML collections (the top mapping is 1; the real frontmatter reaches 3). */
export const maxDepth = 64

/** Milliseconds a document's markdown may take to parse: 250, and 4 more per KB (4.35 s for 1 MB). On the loaded machine measured, prose took 0.9 ms per KB, the real documents 0.4. */
export function timeLimit(bytes: number): number {
  return Math.ceil(250 + (4 * bytes) / 1024)
}

export interface Problem {
  place: Point
  reason: string
}

/** The first line past `maxLines`. */
export function tooManyLines(text: string): Problem | undefined {
  let line = 1
  // A line starts after each line ending but the last character.
  for (let index = text.indexOf('\n'); index !== -1 && index + 1 < text.length; index = text.indexOf('\n', index + 1)) {
    if (++line > maxLines) return {place: {line, column: 1}, reason: `Unexpected line ${line}, expected at most ${maxLines} lines in a document: split it into several documents`}
  }
  return undefined
}

const sandbox = vm.createContext({run: (): unknown => undefined})
const call = new vm.Script('run()')

/**
 * `parse(text)`, or the problem when it takes longer than `timeLimit`. Node's vm
 * `timeout` stops the running code from a watchdog thread (V8's
 * TerminateExecution) on this thread, so the caller stays synchronous; micromark
 * keeps no state between parses, so nothing half done is used again. The
 * watchdog keeps the clock, so on a machine so busy that the parse had less than
 * half its time on the processor, it is started again with twice the time, up to
 * eight times; a document is refused only for what its parse costs.
 */
export function parseInTime<T extends object>(parse: (text: string) => T, text: string): T | Problem {
  const bytes = Buffer.byteLength(text)
  const ms = timeLimit(bytes)
  sandbox['run'] = () => parse(text)
  try {
    for (let timeout = ms; timeout <= 8 * ms; timeout *= 2) {
      const started = processorMs()
      try {
        return call.runInContext(sandbox, {timeout}) as T
      } catch (error) {
        if ((error as {code?: unknown}).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error
        if (processorMs() - started >= ms / 2) break
      }
    }
  } finally {
    sandbox['run'] = () => undefined
  }
  // Where the time went is not known: the whole document is named.
  return {place: {line: 1, column: 1}, reason: `Unexpected markdown that takes the parser more than ${ms / 1000} s, expected at most 0.25 s and 4 ms per KB (${Math.ceil(bytes / 1024)} KB here)`}
}

/** Processor time of this thread so far (of the process before Node 23.9). */
function processorMs(): number {
  const {user, system} = process.threadCpuUsage?.() ?? process.cpuUsage()
  return (user + system) / 1000
}

/** The first node deeper than `maxDepth`, and how deep the tree goes; walked without recursion. */
export function tooDeep(tree: Root): Problem | undefined {
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
  const start = [first.node, ...first.parents.reverse()].find((node) => node.position)?.position?.start
  return {place: {line: start?.line ?? 1, column: start?.column ?? 1}, reason: `Unexpected markdown nested ${deepest} levels deep, expected at most ${maxDepth}`}
}

/**
 * `parseDocument(text)` of the yaml package, except that collections nested
 * deeper than `maxDepth` are refused before the document is composed: composing
 * recurses, and 2,000 levels (4 KB of `- - - …`, or of `[[[…`) overflow the
 * stack, reported as errors whose number and places vary with the stack left.
 * The syntax tree is built without recursion, and walked so here.
 */
export function parseYamlDocument(text: string, lineCounter: LineCounter): Document.Parsed | {offset: number; reason: string} {
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)]
  const stack: Array<{token: CST.Token; depth: number}> = tokens.map((token) => ({token, depth: 0}))
  while (stack.length > 0) {
    const {token, depth} = stack.pop()!
    if (token.type === 'document' && token.value) stack.push({token: token.value, depth})
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue
    if (depth + 1 > maxDepth) return {offset: token.offset, reason: `Unexpected YAML nested more than ${maxDepth} levels deep, expected at most ${maxDepth}`}
    // Last item first, value before key: what comes first in the text is taken first.
    for (const item of (token.items as CST.CollectionItem[]).toReversed()) {
      if (item.value) stack.push({token: item.value, depth: depth + 1})
      if (item.key) stack.push({token: item.key, depth: depth + 1})
    }
  }
  // As parseDocument: the first document, and an error if there is another.
  const [document, next] = new Composer({uniqueKeys: true}).compose(tokens, true, text.length)
  if (next) document!.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'))
  return document!
}
