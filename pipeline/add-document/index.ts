/**
 * `npm run add-document`: turn a plain text or markdown page into a source —
 * sources/documents/<id>.md (frontmatter from the options, the text verbatim
 * with only obvious structure marked) and sources/judgements/<id>.yml (every
 * finding as a candidate) — and check that the project still builds.
 */
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {stringify} from 'yaml'
import {build} from '../build.ts'
import {idOf, maxIdLength} from '../extract/ids.ts'
import {foldWhitespace} from '../locate/index.ts'
import {parseSource} from '../parse/index.ts'
import {toVFile} from '../read/index.ts'
import {detect} from '../review/detect.ts'
import {knowledgeOf} from '../review/knowledge.ts'
import {candidatesOf, type Candidates} from './candidates.ts'
import {frontmatterOf} from './frontmatter.ts'
import {textToMarkdown} from './markdown.ts'
import {parseOptions, type Options} from './options.ts'

export interface Result {
  /** Exit status: 0 when both files were written and the project builds. */
  code: number
  /** What to print: on success a summary, else the reason (no stack trace). */
  lines: string[]
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/u

/** Add the document `args` name to the project at `root`. */
export async function addDocument(root: string, args: readonly string[]): Promise<Result> {
  const parsed = parseOptions(args)
  if ('error' in parsed) return refuse(parsed.error)
  const {options} = parsed
  const source = readSource(path.resolve(root, options.file))
  if ('error' in source) return refuse(source.error)
  const id = options.id ?? idOf(options.title ?? path.basename(options.file).replace(/\.[^.]+$/u, ''))
  if (!SLUG.test(id) || id.length > maxIdLength) return refuse(`Unexpected id \`${id}\`, expected a slug of at most ${maxIdLength} characters (lower-case letters and digits in words joined by hyphens); give one with \`--id\``)
  const documentPath = `sources/documents/${id}.md`
  const judgementsPath = `sources/judgements/${id}.yml`
  for (const existing of [documentPath, judgementsPath]) {
    if (existsSync(path.join(root, existing))) return refuse(`Unexpected id \`${id}\`: ${existing} exists already, expected a new id; give another with \`--id\``)
  }
  const knowledge = knowledgeOf(root)
  if (options.geography !== null && !knowledge.areas.byName.has(options.geography)) {
    return refuse(`Unexpected \`--geography\` value \`${options.geography}\`, expected the name of an area in sources/reference/areas.yml (e.g. \`Surrey Heartlands\`, \`South West\`, \`England\`)`)
  }
  const registerId = (name: string) => knowledge.organisations.get(name)?.id ?? null
  const isMarkdown = path.extname(options.file).toLowerCase() === '.md'
  const body = isMarkdown ? source.text : textToMarkdown(source.text)
  const document = frontmatterOf(id, options, {organisation: options.publisher === null ? null : registerId(options.publisher)}) + body
  const file = parsedDocument(documentPath, document)
  const blocks = file.data.blocks ?? []
  // The title is a line of the text (schema/source-document.schema.json): one the text does not read cannot build.
  if (options.title !== null && !blocks.some((block) => block.text === foldWhitespace(options.title!))) {
    return refuse(`Unexpected \`--title\` \`${options.title}\` that no heading or paragraph of the text reads, expected a line of the text as it reads, or no \`--title\` (the title is then null, with a note)`)
  }
  const candidates = candidatesOf(detect(file, {boardAreas: knowledge.boardAreas}), blocks, registerId)
  const written = write(root, [[documentPath, document], [judgementsPath, judgementsOf(candidates)]])
  if (written !== undefined) return refuse(written)
  return checkBuild(root, options, documentPath, judgementsPath, candidates)
}

/** Write each file (its folder made when missing); on failure remove what was written and say why. */
function write(root: string, files: ReadonlyArray<readonly [string, string]>): string | undefined {
  for (const [at, [file, text]] of files.entries()) {
    try {
      mkdirSync(path.join(root, path.dirname(file)), {recursive: true})
      writeFileSync(path.join(root, file), text, {flag: 'wx'})
    } catch (error) {
      for (const [done] of files.slice(0, at)) rmSync(path.join(root, done), {force: true})
      return `Unexpected error ${(error as NodeJS.ErrnoException).code ?? 'error'} writing ${file}, expected sources/documents/ and sources/judgements/ to be folders the command can write to`
    }
  }
  return undefined
}

function refuse(reason: string): Result {
  return {code: 1, lines: [`add-document: ${reason}`, 'Nothing was written.']}
}

/** The file's text, or why it cannot be added. */
function readSource(file: string): {text: string} | {error: string} {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (error) {
    return {error: `Unexpected file \`${file}\` that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}), expected a readable .txt or .md file`}
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes).replace(/^\uFEFF/u, '')
  } catch {
    return {error: `Unexpected file \`${file}\` that is not UTF-8 text, expected it saved as UTF-8`}
  }
  if (text.trim() === '') return {error: `Unexpected empty file \`${file}\`, expected the document's text`}
  if (/^---\r?\n/u.test(text)) return {error: `Unexpected frontmatter in \`${file}\`, expected only the document's text: add-document writes the frontmatter from its options`}
  return {text: text.replace(/\r\n?/gu, '\n')}
}

/** The new document parsed as a build parses it (its text's blocks; it has no judgements yet). */
function parsedDocument(documentPath: string, document: string): VFile {
  const file = toVFile(documentPath, new TextEncoder().encode(document))
  parseSource(file)
  return file
}

/** The judgements file: every candidate, and how an editor confirms one. */
function judgementsOf(candidates: Candidates): string {
  const header = [
    '# Written by npm run add-document. Every finding is a candidate: none makes a record.',
    '# Confirm one by moving it into `statistics` (give it its label and unit; drop `read`), `timeline` (add id, event,',
    '# status), `terms` (add id; an abbreviation never expanded keeps no expansion) or, for an organisation, the',
    '# register sources/reference/organisations.yml. Delete the candidates you reject, or move them to `ignore` with a reason.',
    ''
  ]
  return header.join('\n') + stringify({candidates}, {lineWidth: 0})
}

async function checkBuild(root: string, options: Options, documentPath: string, judgementsPath: string, candidates: Candidates): Promise<Result> {
  const result = await build({root, out: null})
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  const counts = [count(candidates.statistics.length, 'figure', 'figures'), count(candidates.timeline.length, 'date or period', 'dates and periods'), count(candidates.terms.length, 'term or acronym', 'terms and acronyms'), count(candidates.organisations.length, 'organisation', 'organisations')].join(', ')
  if (!result.ok) {
    // Half an addition helps no one: the files go, and the messages say why.
    for (const written of [documentPath, judgementsPath]) rmSync(path.join(root, written), {force: true})
    return {code: 1, lines: [reporter(result.files, {quiet: true}), `add-document: the project does not build with ${documentPath} (see above), so it was not added. Nothing was written.`]}
  }
  const unknown = [options.title, options.publisher, options.url, options.published ?? options.updated, options.geography].filter((value) => value === null).length
  return {
    code: 0,
    lines: [
      `Added ${documentPath} and ${judgementsPath} (${counts} as candidates); the project builds.`,
      ...(unknown > 0 ? [`${unknown} metadata field${unknown === 1 ? ' is' : 's are'} unknown (null, with a note): fill them in ${documentPath}.`] : []),
      'Next: npm run review, then confirm candidates by moving them into statistics, timeline or terms.'
    ]
  }
}
