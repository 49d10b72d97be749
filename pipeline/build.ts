/**
 * The whole pipeline: read → parse → extract → validate → write. Each
 * document is read, parsed and extracted on its own into a part: its records
 * of every dataset, and its text as its source page shows it, which goes into
 * the release at once. The parts' records are merged into the datasets, which
 * are validated and written. The release is made in a staging folder that is
 * put in place only when every file and record passed. A caller may keep
 * parts between builds (`parts`, see ./incremental/): a document whose part
 * is found is not parsed again.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {datasets as registry, type Context} from './datasets.ts'
import {areaRegister} from './extract/geography.ts'
import {registerIndex} from './extract/organisations/index.ts'
import {checkUnrecordedQuotes} from './extract/ignored.ts'
import {stringPool} from './extract/compact.ts'
import {documentText, type DocumentText} from './extract/texts.ts'
import {hasErrors, report} from './messages.ts'
import {parseSource} from './parse/index.ts'
import {publicationOf, type Publication} from './publication.ts'
import {listDocuments, orphanJudgements, readDocument} from './read/index.ts'
import {readYamlFile} from './read/yaml-file.ts'
import type {Provenance} from './types.ts'
import {validateDatasets, validateFrontmatter, type DatasetRecords} from './validate/index.ts'
import {joined, openStaging, type Staging} from './write/index.ts'
import {releaseFiles} from './write/release.ts'

export interface Options {
  /** Project root (default: `process.cwd()`). */
  root?: string
  /** Folder the draft release is written to, relative to root (default: `'dist-data/draft'`); null to write nothing. */
  out?: string | null
  /** Parts kept from earlier builds (default: none). */
  parts?: PartStore
  /** Keep each document's text, tree and text index for the caller, as `npm run review` needs them (default: false). */
  keep?: boolean
}

/** What one document gives: its records of every dataset, by dataset name, and its text as its source page shows it. */
export interface Part {
  records: Record<string, Provenance[]>
  text: DocumentText
}

/** Parts kept between builds: found by everything a part depends on (the document, its judgements, the reference files), stored only when its document gave no message. */
export interface PartStore {
  get(document: VFile, references: readonly VFile[]): Part | undefined
  set(document: VFile, references: readonly VFile[], part: Part): void
}

export interface BuildResult {
  /** Every file read, with its messages. */
  files: VFile[]
  /** The source documents alone. */
  documents: VFile[]
  datasets: DatasetRecords[]
  /** With `out: null`: output file name → content (text, or bytes for a binary format), sorted by name (empty when the build failed). */
  outputs: Map<string, string | Uint8Array>
  /** The publication's metadata, for the draft (when the build passed). */
  publication?: Publication
  ok: boolean
}

export async function build(options: Options = {}): Promise<BuildResult> {
  const root = options.root ?? process.cwd()
  const out = options.out === undefined ? 'dist-data/draft' : options.out

  // Read the reference files; a mistake in one is a message with a line, not a crash.
  const register = readYamlFile('sources/reference/organisations.yml', root)
  const areaFile = readYamlFile('sources/reference/areas.yml', root)
  const publicationFile = readYamlFile('sources/publication.yml', root)
  if (register.data.matter) validateFrontmatter(register, 'organisation-register')
  if (areaFile.data.matter) validateFrontmatter(areaFile, 'area-register')
  if (publicationFile.data.matter) validateFrontmatter(publicationFile, 'publication')
  const areas = hasErrors([areaFile]) ? undefined : areaRegister(areaFile)
  // Documents are not extracted against a broken register: every organisation or area would look unknown.
  const references = [register, areaFile]
  if (!areas || hasErrors([...references, publicationFile])) return {files: [...references, publicationFile], documents: [], datasets: [], outputs: new Map(), ok: false}
  const context: Context = {organisations: registerIndex(register), register, areas}

  // The release is made in a staging folder (with `out: null`, in memory) that only a build that passed puts in place.
  const outputs = new Map<string, string | Uint8Array>()
  const documents: VFile[] = []
  const filesOf = () => [...documents.flatMap((document) => [document, ...(document.data.judgements ? [document.data.judgements] : [])]), ...references, publicationFile]
  let release: Staging | undefined
  try {
    release = out === null ? inMemory(outputs) : openStaging(path.join(root, out))
    // Read, parse and extract each document into its part, one at a time; its text goes into the release at once.
    const parts: Array<Part['records']> = []
    // Every record is held until the release is written: held compact (./extract/compact.ts).
    const strings = stringPool()
    for (const entry of listDocuments(root)) {
      const document = readDocument(root, entry)
      documents.push(document)
      const part = options.parts?.get(document, references) ?? extractPart(document, context, references, options)
      if (!options.keep) letGo(document)
      if (!part) continue
      parts.push(strings.compact(part.records))
      release.write(part.text.name, part.text.json)
    }
    strings.clear()
    const files = [...filesOf(), ...orphanJudgements(root, documents)]
    const failed = (datasets: DatasetRecords[] = []): BuildResult => ({files, documents, datasets, outputs: new Map(), ok: false})
    if (hasErrors(files)) return failed()

    // Merge the parts into the datasets and validate them.
    const datasets = registry.map((dataset) => ({name: dataset.name, foreignKeys: dataset.foreignKeys, records: dataset.merge(parts.map((part) => part[dataset.name] ?? []), context)}))
    // A merge may make new records (organisations named in many documents are one): the parts' own go.
    parts.length = 0
    validateDatasets(datasets, documents)
    if (hasErrors(files)) return failed(datasets)

    // Write the rest of the release, file by file, and put it in place.
    const publication = publicationOf(publicationFile)
    for (const file of releaseFiles(datasets, publication)) release.write(file.name, file.content)
    release.commit()
    return {files, documents, datasets, outputs: new Map([...outputs].sort(([a], [b]) => (a < b ? -1 : 1))), publication, ok: true}
  } catch (error) {
    // The file system refused (no permission, a full disk): a message, and the release stays as it was.
    const code = (error as NodeJS.ErrnoException).code
    if (code === undefined) throw error
    const file = new VFile({path: String(out)})
    report(file, 'write-failed', `Unexpected ${code} writing ${out}/: ${(error as Error).message}`)
    return {files: [...filesOf(), file], documents, datasets: [], outputs: new Map(), ok: false}
  } finally {
    release?.discard()
  }
}

/** Parse one document and extract its part; undefined when it cannot be used. */
function extractPart(document: VFile, context: Context, references: readonly VFile[], options: Options): Part | undefined {
  const judgements = document.data.judgements
  const usable = parseSource(document) && validateFrontmatter(document) && (!judgements?.data.matter || validateFrontmatter(judgements, 'judgements'))
  const records = usable ? Object.fromEntries(registry.map((dataset) => [dataset.name, dataset.extract(document, context)])) : undefined
  // `ignore` entries and candidates make no record, but their quotes are checked like every quote.
  if (usable) checkUnrecordedQuotes(document)
  const part = records && {records, text: documentText(document, records)}
  const clean = !document.messages.length && !judgements?.messages.length
  if (part && clean) options.parts?.set(document, references, part)
  return part
}

/** Once its part is made or found, a document's text and tree, and its judgements' text and data, are not needed again. */
function letGo(document: VFile): void {
  for (const key of ['tree', 'blocks', 'frontmatter', 'used'] as const) delete document.data[key]
  document.value = ''
  const judgements = document.data.judgements
  if (!judgements) return
  delete judgements.data.frontmatter
  delete judgements.data.matter
  judgements.value = ''
}

/** A staging folder in memory: each file's content in `outputs`, by name: text as a string, bytes as they are. */
function inMemory(outputs: Map<string, string | Uint8Array>): Staging {
  return {
    write: (name, content) => void outputs.set(name, joined(content)),
    commit: () => {},
    discard: () => {}
  }
}
