/**
 * Parse: markdown with YAML frontmatter → mdast tree, frontmatter data that
 * keeps its node positions, and the text index quotes are found in.
 */
import {createHash} from 'node:crypto'
import type {Yaml} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {Document, LineCounter, visit} from 'yaml'
import {indexText} from '../locate/index.ts'
import {report} from '../messages.ts'
import '../types.ts'
import {parseMarkdown} from './markdown.ts'
import {yamlReason} from './yaml-advice.ts'
import {parseInTime, parseYamlDocument, tooDeep, tooManyLines} from './limits.ts'

/** Parse one document in place; problems become messages on `file`. Returns false when nothing can be extracted. */
export function parseSource(file: VFile): boolean {
  parseJudgements(file)
  if (file.messages.some((message) => message.fatal === true)) return false
  // Limits (./limits.ts): lines before parsing, time while parsing, depth after, before anything recurses over the tree.
  const long = tooManyLines(String(file.value))
  if (long) {
    report(file, 'markdown-complexity', long.reason, {place: long.place})
    return false
  }
  const tree = parseInTime(parseMarkdown, String(file.value))
  if ('reason' in tree) {
    report(file, 'markdown-complexity', tree.reason, {place: tree.place})
    return false
  }
  file.data.tree = tree
  const deep = tooDeep(tree)
  if (deep) {
    report(file, 'nesting-depth', deep.reason, {place: deep.place})
    return false
  }
  const yamlNode = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined
  if (!yamlNode) {
    report(file, 'missing-frontmatter', 'Unexpected document without frontmatter, expected a `---` block of YAML on line 1', {place: {line: 1, column: 1}})
    return false
  }
  if (!parseFrontmatter(file, yamlNode)) return false
  // The text is everything after the frontmatter's closing line: records count their lines from there.
  const source = String(file.value)
  const end = yamlNode.position?.end ?? {line: 1, offset: 0}
  file.data.bodyLine = end.line + 1
  file.data.textSha256 = createHash('sha256').update(source.slice(source.indexOf('\n', end.offset) + 1)).digest('hex')
  file.data.blocks = indexText(tree, source)
  return true
}

/** Parse a document's judgements file, unless it is parsed already: read leaves it unparsed, so a build that finds the document's part in a cache never parses it. */
export function parseJudgements(file: VFile): void {
  const judgements = file.data.judgements
  if (!judgements || judgements.data.matter || judgements.data.frontmatter || judgements.messages.some((message) => message.fatal === true)) return
  // Its data as a copy: the parsed strings are slices of the file's text, which V8 would keep whole for as long as
  // any record holds one of them, to the end of the build.
  if (parseYaml(judgements, String(judgements.value), 1, {empty: true})) judgements.data.matter = structuredClone(judgements.data.matter)
}

function parseFrontmatter(file: VFile, node: Yaml): boolean {
  if (!parseYaml(file, node.value, (node.position?.start.line ?? 1) + 1)) return false
  // Its data as a copy, as the judgements' above: the build keeps every document's data to its end, and the parsed
  // strings are slices of the frontmatter's text.
  file.data.matter = structuredClone(file.data.matter)
  return true
}

/**
 * Parse YAML that starts on `firstLine` of `file` into `file.data.matter`,
 * keeping positions in `file.data.frontmatter`. Used for frontmatter and for
 * the YAML reference files.
 */
export function parseYaml(file: VFile, text: string, firstLine: number, options: {empty?: boolean} = {}): boolean {
  const lineCounter = new LineCounter()
  const document = parseYamlDocument(text, lineCounter)
  if (!(document instanceof Document)) {
    file.data.frontmatter = {document: new Document(), lineCounter, firstLine}
    report(file, 'nesting-depth', document.reason, {place: yamlPoint(file, document.offset)})
    return false
  }
  file.data.frontmatter = {document, lineCounter, firstLine}
  for (const error of document.errors) report(file, 'yaml-syntax', yamlReason(error, text), {place: yamlPoint(file, error.pos[0])})
  if (document.errors.length > 0) return false
  let matter: unknown
  try {
    matter = document.toJS()
  } catch (error) {
    // yaml refuses to expand aliases past a limit ("billion laughs"); the first alias is the place to look.
    let place: Point = {line: firstLine, column: 1}
    visit(document, {
      Alias(_, node) {
        if (node.range) place = yamlPoint(file, node.range[0])
        return visit.BREAK
      }
    })
    const reason = String((error as Error).message ?? error).split('\n')[0]
    report(file, 'yaml-syntax', `Unexpected YAML: ${reason}, expected a value that starts with \`*\` or \`&\` in double quotes (YAML reads them as aliases and anchors)`, {place})
    return false
  }
  // A judgements file with nothing in it yet (or only comments) judges nothing.
  if (options.empty && (matter === null || matter === undefined)) matter = {}
  if (matter === null || typeof matter !== 'object' || Array.isArray(matter)) {
    // In a document that is its frontmatter; a YAML file (judgements, register, publication) is not a document.
    const rule = file.extname === '.md' ? 'missing-frontmatter' : 'yaml-not-a-mapping'
    report(file, rule, 'Unexpected YAML that is not a mapping, expected `key: value` lines', {place: {line: firstLine, column: 1}})
    return false
  }
  file.data.matter = matter as Record<string, unknown>
  return true
}

/** File point of an offset inside the YAML block. */
function yamlPoint(file: VFile, offset: number): Point {
  const {lineCounter, firstLine} = file.data.frontmatter!
  const {line, col} = lineCounter.linePos(offset)
  return {line: firstLine + line - 1, column: col}
}

/**
 * File point of the frontmatter value at `path` (e.g. `['statistics', 3, 'quote']`),
 * falling back to the nearest ancestor that exists.
 */
export function frontmatterPlace(file: VFile, path: ReadonlyArray<string | number>): Point {
  const {document} = file.data.frontmatter!
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length), true) as {range?: [number, number, number]} | undefined
    if (node && typeof node === 'object' && node.range) return yamlPoint(file, node.range[0])
  }
  return {line: 1, column: 1}
}
