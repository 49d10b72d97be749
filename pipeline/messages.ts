/**
 * The catalogue of diagnostics. Every problem the pipeline reports is a vfile
 * message whose `ruleId` is one of these names. Names are permanent: tools and
 * editors may match on them, so a rule is never renamed, only added.
 */
import type {VFile} from 'vfile'
import type {Point, Position} from 'unist'

export interface Rule {
  /** Stage that reports it, used as the message `source`. */
  source: 'read' | 'parse' | 'extract' | 'validate' | 'write' | 'release'
  /** What is wrong, in a few words. */
  title: string
  /** What to do about it. */
  fix: string
}

export const rules = {
  'file-encoding': {source: 'read', title: 'File is not UTF-8 text', fix: 'Save the file as UTF-8 text (no NUL bytes).'},
  'empty-file': {source: 'read', title: 'File is empty', fix: 'Add frontmatter and the document text, or remove the file.'},
  'file-name': {source: 'read', title: 'File name is not a slug', fix: 'Rename the file to its `id` in lower case: letters, digits and hyphens, then `.md`.'},
  'file-type': {source: 'read', title: 'Not a regular file that can be read', fix: 'Keep only documents in sources/documents/: replace a link or folder named `*.md` with the file itself, readable by the build.'},
  'file-too-large': {source: 'read', title: 'File is larger than the 2 MB a document may have', fix: 'Split the document into several files under 2 MB each, or drop what is not its text (images, pasted data).'},
  'missing-frontmatter': {source: 'parse', title: 'Document has no YAML frontmatter', fix: 'Start the file with a `---` line, the metadata as YAML, and another `---` line.'},
  'yaml-not-a-mapping': {source: 'parse', title: 'A YAML file is not a mapping', fix: 'Write the file as `key: value` lines at the top level, as its schema describes (schema/judgements.schema.json for a judgements file).'},
  'yaml-syntax': {source: 'parse', title: 'Frontmatter is not valid YAML', fix: 'Correct the YAML at the position shown (indentation, quotes, colons).'},
  'nesting-depth': {source: 'parse', title: 'Markdown or YAML is nested too deeply', fix: 'Flatten the structure at the position shown: lists, block quotes, emphasis, links and YAML collections may be nested at most 64 levels deep.'},
  'markdown-complexity': {source: 'parse', title: 'Document has too many lines, or its markdown takes the parser too long', fix: 'Split the document into several smaller files, or simplify its markdown: long runs of setext headings (text underlined with `=` or `-`), of block quotes or lists, of lines continuing a quote without `>`, of unmatched `*`, `_` or `[`, or of unclosed `<!--` or backticks take the parser time growing with the square of their number.'},
  'schema-frontmatter': {source: 'validate', title: 'Frontmatter, judgements or a reference file do not match their schema (schema/source-document.schema.json, schema/judgements.schema.json, …)', fix: 'Change the field as the message says; the schema lists every allowed field.'},
  'judgements-without-document': {source: 'read', title: 'A judgements file has no document, or is not named `.yml`', fix: 'Name the file after its document (sources/judgements/<id>.yml for sources/documents/<id>.md), or remove it.'},
  'id-mismatch': {source: 'parse', title: 'Document id differs from its file name', fix: 'Make `id` equal to the file name without `.md`.'},
  'quote-not-found': {source: 'extract', title: 'Quote does not occur in the text', fix: 'Copy the quote again from the document body; whitespace may differ, nothing else.'},
  'title-not-found': {source: 'extract', title: 'The title is not a line of the text', fix: 'Write `title` exactly as a heading or paragraph of the text reads it, or `title: null` with a `title_note` saying why when the document has no title of its own.'},
  'quote-ambiguous': {source: 'extract', title: 'Quote occurs more than once', fix: 'Lengthen the quote until it occurs exactly once.'},
  'text-not-in-quote': {source: 'extract', title: 'A field that names text is not in its quote', fix: 'Use the words exactly as they stand in the quote, or widen the quote.'},
  'figure-not-found': {source: 'extract', title: 'No figure in the quote', fix: 'Quote the sentence that holds the number, or set `figure` to the words of the number.'},
  'figure-ambiguous': {source: 'extract', title: 'Several figures in the quote', fix: 'Set `figure` to the words of the one number this record is about.'},
  'figure-unread': {source: 'extract', title: 'A number in the quote is not read as a figure', fix: 'Add a `figure` field with the words of the number this record is about, e.g. `figure: "31"`; a number glued to a word (`85practices`) cannot be read.'},
  'date-not-found': {source: 'extract', title: 'No date in the quote', fix: 'Quote the words that hold the date, or set `when` to them.'},
  'date-ambiguous': {source: 'extract', title: 'Several dates in the quote', fix: 'Set `when` to the words of the one date this record is about.'},
  'list-not-found': {source: 'extract', title: 'No list follows the quoted paragraph', fix: 'Quote the paragraph that introduces the list (the one just before it).'},
  'unknown-organisation': {source: 'extract', title: 'Organisation is not in the register', fix: 'Add it to sources/reference/organisations.yml with its type and sector, or correct the name.'},
  'unknown-area': {source: 'extract', title: 'Area is not in the register', fix: 'Name an area of sources/reference/areas.yml exactly as its `name` (or an alias) reads, or add the area there with its type, parent and GSS code.'},
  'geography-ambiguous': {source: 'extract', title: 'The sentence names an area outside the figure\'s clause', fix: 'Add `geography:` to the judgement with the area the figure is for, by its name in sources/reference/areas.yml (the document\'s own area included).'},
    'duplicate-id': {source: 'validate', title: 'Two records share an id', fix: 'Give one of them another id; ids must be unique within a dataset.'},
  'unresolved-reference': {source: 'validate', title: 'A reference points to nothing', fix: 'Use the id of an existing record, or add the record it names.'},
  'write-failed': {source: 'write', title: 'The release could not be written', fix: 'Make dist-data/ writable by the build (and free some disk space), then run the build again; nothing was changed.'},
  'release-modified': {source: 'release', title: 'A released file was changed, removed or added', fix: 'A release is never rewritten: restore its folder as released (`git checkout -- dist-data/releases/`). To publish a change, run `npm run release`, which cuts a new version.'},
  'release-refused': {source: 'release', title: 'The release cannot be cut', fix: 'Do as the message says, then run `npm run release` again; nothing was written.'},
  'schema-record': {source: 'validate', title: 'Record does not match its dataset schema', fix: 'Correct the judgement or text that produced the field named in the message.'},
} as const satisfies Record<string, Rule>

export type RuleId = keyof typeof rules

export interface ReportOptions {
  /** Where the problem is. */
  place?: Point | Position | undefined
  /** An earlier place involved, e.g. the first of two duplicates. */
  cause?: Error | undefined
  /** What was found. */
  actual?: string | undefined
  /** What was expected. */
  expected?: string[] | undefined
}

/** Record an error on `file` under a catalogued rule; the fix goes in `note`. */
export function report(file: VFile, ruleId: RuleId, reason: string, options: ReportOptions = {}): void {
  const rule: Rule = rules[ruleId]
  const message = file.message(reason, {place: options.place, ruleId, source: rule.source, cause: options.cause})
  message.fatal = true
  message.note = rule.fix
  if (options.actual !== undefined) message.actual = options.actual
  if (options.expected !== undefined) message.expected = options.expected
}

/** Record a warning (the record is kept). */
export function warn(file: VFile, ruleId: RuleId, reason: string, options: ReportOptions = {}): void {
  const rule: Rule = rules[ruleId]
  const message = file.message(reason, {place: options.place, ruleId, source: rule.source, cause: options.cause})
  message.note = rule.fix
}

/** True when any message on any file is an error. */
export function hasErrors(files: VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true))
}

