/**
 * A throwaway project folder for tests: the real sources/ copied, or small
 * documents written, so the pipeline can run end to end without touching ours.
 */
import {cp, mkdtemp, readFile, readdir, rm, writeFile, mkdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {build} from '../../pipeline/build.ts'
import {toVFile} from '../../pipeline/read/index.ts'
import {parseSource, parseYaml} from '../../pipeline/parse/index.ts'
import type {VFile} from 'vfile'
import type {Context} from '../../pipeline/datasets.ts'
import {areaRegister} from '../../pipeline/extract/geography.ts'
import {registerIndex} from '../../pipeline/extract/organisations/index.ts'

export const projectRoot = path.resolve(import.meta.dirname, '../..')

/** A copy of the real project's sources/ (and dist-data/ when asked) in a temp folder. */
export async function copyProject(options: {distData?: boolean} = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'icb-open-data-'))
  await cp(path.join(projectRoot, 'sources'), path.join(root, 'sources'), {recursive: true})
  if (options.distData) await cp(path.join(projectRoot, 'dist-data'), path.join(root, 'dist-data'), {recursive: true})
  return root
}

export async function removeProject(root: string): Promise<void> {
  await rm(root, {recursive: true, force: true})
}

/** Every file under `folder` with its bytes, by relative path: to prove a folder is untouched. */
export async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await readdir(folder, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(folder, full), (await readFile(full)).toString('base64'))
  }
  return files
}

/** What a build of `root` without any cache writes, file by file, as `snapshot` gives a folder; throws if it fails. */
export async function freshSnapshot(root: string): Promise<Map<string, string>> {
  const fresh = await build({root, out: null})
  if (!fresh.ok) throw new Error(`${root} did not build`)
  return new Map([...fresh.outputs].map(([name, text]) => [name, Buffer.from(text).toString('base64')]))
}

/** A file's content as a build's `outputs` hold it, for comparing with `toEqual`: text as a string, bytes (a database, a workbook) as a Buffer. */
export function comparable(content: string | Uint8Array): string | Buffer {
  return typeof content === 'string' ? content : Buffer.from(content)
}

/** Bytes read back (as base64, as `snapshot` gives them) in the form of `like`, for comparing with `comparable(like)`. */
export function readBack(base64: string, like: string | Uint8Array): string | Buffer {
  const bytes = Buffer.from(base64, 'base64')
  return typeof like === 'string' ? bytes.toString('utf8') : bytes
}

/** Replace `search` with `replacement` in a file of `root`; fails loudly if it is not there. */
export async function edit(root: string, file: string, search: string, replacement: string): Promise<void> {
  const full = path.join(root, file)
  const text = await readFile(full, 'utf8')
  if (!text.includes(search)) throw new Error(`Missing \`${search}\` in ${file}`)
  await writeFile(full, text.replace(search, replacement))
}

export async function write(root: string, file: string, text: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), {recursive: true})
  await writeFile(path.join(root, file), text)
}

/** Minimal valid frontmatter for a test document (metadata only; judgements go in their own file), with extra YAML appended. */
export function frontmatter(id: string, extra = ''): string {
  return `---
id: ${id}
title: Test document
publisher: {name: null, organisation: null, note: Test.}
url: null
url_note: null
date_published: null
date_written: {earliest: '2022-07-01', latest: null, basis: Test.}
licence: null
licence_note: null
language: en-GB
geography: Kent and Medway
${extra}---
`
}

/** Parse a test document given as text, with its judgements file given as YAML text. */
export function parsed(id: string, text: string, judgements = ''): VFile {
  const file = toVFile(`sources/documents/${id}.md`, new TextEncoder().encode(text))
  const judged = toVFile(`sources/judgements/${id}.yml`, new TextEncoder().encode(judgements || '{}'))
  parseYaml(judged, String(judged.value), 1, {empty: true})
  file.data.judgements = judged
  parseSource(file)
  return file
}

/** Messages of a document and of its judgements file, as `messagesOf` gives them, the judgements' marked `judgements:`. */
export function allMessagesOf(file: VFile): string[] {
  return [...messagesOf(file), ...(file.data.judgements ? messagesOf(file.data.judgements).map((message) => `judgements:${message}`) : [])]
}

/** A small area register for test projects, shaped as sources/reference/areas.yml is. */
export const areasYaml = `areas:
  - {id: england, name: England, aliases: [], type: country, parent: null, gss_code: E92000001, ods_code: null, evidence: Test., note: null}
  - {id: south-east-region, name: South East, aliases: [], type: nhs-england-region, parent: england, gss_code: E40000005, ods_code: Y59, evidence: Test., note: null}
  - {id: kent-and-medway, name: Kent and Medway, aliases: [], type: icb-area, parent: south-east-region, gss_code: E54000032, ods_code: QKS, evidence: Test., note: null}
  - {id: sussex, name: Sussex, aliases: [], type: icb-area, parent: south-east-region, gss_code: E54000064, ods_code: QNX, evidence: Test., note: null}
  - {id: kent, name: Kent, aliases: [], type: county, parent: kent-and-medway, gss_code: E10000016, ods_code: null, evidence: Test., note: null}
  - {id: east-kent, name: east Kent, aliases: [East Kent], type: place, parent: kent, gss_code: null, ods_code: null, evidence: null, note: null}
`

/** The extraction context of a register given as YAML text (by default an empty register), with the test areas (or `areasText`). */
export function context(registerYaml = 'organisations: []\n', areasText = areasYaml): Context {
  const file = register(registerYaml)
  const areaFile = toVFile('sources/reference/areas.yml', new TextEncoder().encode(areasText))
  parseYaml(areaFile, String(areaFile.value), 1)
  return {organisations: registerIndex(file), register: file, areas: areaRegister(areaFile)}
}

/** Messages as compact strings: `line:column ruleId reason`. */
export function messagesOf(file: VFile): string[] {
  return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
}

/** A register file parsed from YAML text, as sources/reference/organisations.yml is. */
export function register(yamlText: string): VFile {
  const file = toVFile('sources/reference/organisations.yml', new TextEncoder().encode(yamlText))
  parseYaml(file, String(file.value), 1)
  return file
}
