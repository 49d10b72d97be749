/**
 * The whole pipeline: read → parse → extract → validate → write. Nothing is
 * written unless every document and record passed.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {openCache, pipelineVersion, type Cache} from './cache/index.ts'
import {mergedDigests, mergeParts} from './cache/merge.ts'
import {openReadRecord} from './cache/read-record.ts'
import {openReleaseCache, type ReleaseCache} from './cache/release.ts'
import {stageDocuments} from './cache/stage.ts'
import {extractBoardMembers} from './extract/board-members/index.ts'
import {extractDocuments} from './extract/documents/index.ts'
import {extractOrganisations, registerIndex} from './extract/organisations/index.ts'
import {extractStatistics} from './extract/statistics/index.ts'
import {extractTerms} from './extract/terms/index.ts'
import {extractTimeline} from './extract/timeline/index.ts'
import {hasErrors} from './messages.ts'
import {parseSource} from './parse/index.ts'
import {publicationOf, type Publication} from './publication.ts'
import {readDocuments} from './read/index.ts'
import {readYamlFile} from './read/yaml-file.ts'
import type {Provenance} from './types.ts'
import {validateDatasets, validateFrontmatter, type DatasetRecords} from './validate/index.ts'
import {writeFolder} from './write/index.ts'
import {lockFolder} from './write/lock.ts'
import {releaseFiles, type ReleaseFile} from './write/release.ts'

export interface Options {
  /** Project root (default: `process.cwd()`). */
  root?: string
  /** Folder the draft release is written to, relative to root (default: `'dist-data/draft'`); null to write nothing. */
  out?: string | null
  /**
   * Reuse what unchanged documents gave last time, kept in `.cache/pipeline/` under root, and the files of
   * datasets whose records are unchanged from the release in `out` (default: false).
   */
  cache?: boolean
  /**
   * With `cache`, worker threads that parse and extract new or changed documents (default: one per core, at
   * most 4, when 300 or more documents are to be built, where they start up faster than they pay back; 0 for none).
   */
  threads?: number
  /**
   * Keep in the result every document's text and frontmatter and every output file's content (default:
   * true). `npm run data` turns it off, so that a large build holds only what its next stage needs: with the
   * cache, a document's text goes once its records are made, and the release is written as it is made.
   */
  retain?: boolean
}

export interface BuildResult {
  /** Every file read, with its messages. */
  files: VFile[]
  /** The source documents alone. */
  documents: VFile[]
  datasets: DatasetRecords[]
  /** Names of the release's files, sorted (empty when the build failed). */
  outputNames: string[]
  /** With `retain`: output file name → content, sorted by name (empty when the build failed). */
  outputs: Map<string, string>
  ok: boolean
  /** With `cache`: documents reused, documents built afresh, and entries ignored because they did not check out. */
  cache?: Cache['stats']
  /**
   * With `cache` and `out`: release files linked from the last release rather than rendered, files that
   * did not check out, and rows of rendered files copied from the last release.
   */
  release?: ReleaseCache['stats']
}

export async function build(options: Options = {}): Promise<BuildResult> {
  const root = options.root ?? process.cwd()
  const out = options.out === undefined ? 'dist-data/draft' : options.out
  const lean = options.cache === true && options.retain === false
  // A lean build with the cache needs a text only to parse it, and reads it again then; one it read
  // before and that has not changed since, it need not read now at all.
  const readRecord = lean ? openReadRecord(root, await pipelineVersion()) : undefined
  const [documents, register, publicationFile] = await Promise.all([
    readDocuments({root, keepText: !lean, known: readRecord?.known}),
    readYamlFile('sources/reference/organisations.yml', root),
    readYamlFile('sources/publication.yml', root)
  ])
  const files = [...documents, register, publicationFile]
  // The reference files are checked like frontmatter, so a mistake there is a message with a line, not a crash.
  for (const [file, schema] of [[register, 'organisation-register'], [publicationFile, 'publication']] as const) {
    if (file.data.matter) validateFrontmatter(file, schema)
  }
  // With the cache, a document unchanged since the last build comes back with its frontmatter and records, unparsed.
  const cache = options.cache ? await openCache(root, register.data.sha256 ?? '', {matter: options.retain !== false}) : undefined
  const stats = cache ? {cache: cache.stats} : {}
  const failed = (datasets: DatasetRecords[] = []): BuildResult => ({files, documents, datasets, outputNames: [], outputs: new Map(), ok: false, ...stats})
  let reuse: ReleaseCache | undefined
  let unlock: (() => void) | undefined
  try {
    const made = cache ? await fromCache(documents, files, register, publicationFile, cache, options) : fromSources(documents, files, register, publicationFile)
    if (!made) return failed()
    const {usable, datasets, publication} = made
    // From reading the last release to recording the new one, no other build may write it.
    if (out !== null) unlock = await lockFolder(path.join(root, out))
    // Records unchanged since the last release passed their schema then; their files, or their rows, can be reused.
    reuse = cache && out !== null ? openReleaseCache(root, out, await pipelineVersion()) : undefined
    reuse?.compare(datasets)
    validateDatasets(datasets, usable, {checked: reuse?.checked})
    if (hasErrors(files)) return failed(datasets)

    const outputNames: string[] = []
    const outputs = new Map<string, string>()
    const release = named(releaseFiles(datasets, publication, reuse), outputNames, options.retain === false ? undefined : outputs)
    if (out === null) {
      for (const [, content] of release) if (!('existing' in content)) for (const _ of content);
    } else {
      await writeFolder(path.join(root, out), release)
      reuse?.save()
      readRecord?.save(documents)
    }
    return {files, documents, datasets, outputNames: outputNames.sort(), outputs: sortByName(outputs), ok: true, ...stats, ...(reuse ? {release: reuse.stats} : {})}
  } finally {
    // What the release cache made for a release that was not written goes.
    reuse?.discard()
    unlock?.()
    await cache?.close()
  }
}

/** The release's files as [name, content] pairs, noting each name, and each whole content in `kept` when given. */
function* named(release: Iterable<ReleaseFile>, names: string[], kept: Map<string, string> | undefined): Generator<[string, ReleaseFile['content']]> {
  for (const {name, content} of release) {
    names.push(name)
    if (!kept) {
      yield [name, content]
      continue
    }
    const text = 'existing' in content ? readFileSync(content.existing, 'utf8') : Buffer.concat([...content].map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk))).toString('utf8')
    kept.set(name, text)
    yield [name, [text]]
  }
}

function sortByName<T>(map: ReadonlyMap<string, T>): Map<string, T> {
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

interface Made {
  /** Documents that parsed and whose frontmatter passed its schema. */
  usable: VFile[]
  datasets: DatasetRecords[]
  publication: Publication
}

/** Parse every document, then extract the datasets from them all; undefined when any file has an error. */
function fromSources(documents: VFile[], files: VFile[], register: VFile, publicationFile: VFile): Made | undefined {
  const usable = documents.filter((file) => parseSource(file) && validateFrontmatter(file))
  if (hasErrors(files)) return undefined
  const publication = publicationOf(publicationFile)
  return {usable, datasets: extract(usable, register, publication), publication}
}

/**
 * The same with the cache: reuse or make each document's part, then merge the parts (or, when extraction
 * gave a message, extract every document together). The parts are let go once merged.
 */
async function fromCache(documents: VFile[], files: VFile[], register: VFile, publicationFile: VFile, cache: Cache, options: Options): Promise<Made | undefined> {
  const {usable, parts, digests} = await stageDocuments(documents, files, register, cache, {threads: options.threads, retain: options.retain, root: options.root})
  // Only once every file is known good is the publication's metadata read: a broken file has none.
  if (hasErrors(files)) return undefined
  const publication = publicationOf(publicationFile)
  const datasets = parts ? datasetsOf(mergeParts(parts, register), publication, mergedDigests(digests!, register)) : extract(usable, register, publication)
  return {usable, datasets, publication}
}

function extract(files: VFile[], register: VFile, publication: Publication): DatasetRecords[] {
  const terms = extractTerms(files)
  return datasetsOf({
    documents: extractDocuments(files),
    terms: terms.terms,
    'term-definitions': terms.definitions,
    'term-relations': terms.relations,
    organisations: extractOrganisations(files, register),
    'board-members': extractBoardMembers(files, registerIndex(register)),
    statistics: extractStatistics(files),
    timeline: extractTimeline(files)
  }, publication)
}

function datasetsOf(records: Record<string, Provenance[]>, publication: Publication, digests: Record<string, string> = {}): DatasetRecords[] {
  return publication.datasets.map((meta) => ({
    name: meta.name,
    primaryKey: meta.primary_key,
    foreignKeys: meta.foreign_keys,
    records: records[meta.name] ?? [],
    ...(digests[meta.name] ? {digest: digests[meta.name]} : {})
  }))
}
