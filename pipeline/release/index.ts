/**
 * Cut a release: build the draft from the sources, compare it record by
 * record with the latest release, choose the version that semantic
 * versioning asks for, and freeze every file with its changelog, README,
 * licences, zip and SHA256SUMS into dist-data/releases/<version>/. A release
 * folder is made once and never rewritten; CITATION.cff and .zenodo.json
 * follow the latest release.
 */
import {existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {build} from '../build.ts'
import {hasErrors, report} from '../messages.ts'
import type {Publication} from '../publication.ts'
import {joined, writeFolder} from '../write/index.ts'
import {releaseFiles} from '../write/release.ts'
import {changesBetween, countChanges, type Changes} from './changes.ts'
import {citationCff, citationFiles, zenodoJson} from './citation-files.ts'
import {checkReleases, checksumsFile, filesIn, listReleases, releasesFolder, sha256sums} from './frozen.ts'
import {readRelease} from './read.ts'
import {releaseReadme} from './readme.ts'
import {changesCsv, changesJson, releaseOnly, type ReleaseRecord} from './record.ts'
import {snapshotOf} from './snapshot.ts'
import {bumps, compareVersions, decide, nextVersion, raise, versionPattern, type Bump, type Decision, type FileChanges} from './version.ts'
import {zip} from '../write/zip.ts'

export interface ReleaseOptions {
  /** Project root (default: `process.cwd()`). */
  root?: string
  /** Work out the version and write nothing (default: false). */
  dryRun?: boolean
  /** Raise the computed bump to this level; a lower one is refused. */
  bump?: Bump
  /** Cut exactly this version; refused when it exists or is lower than the changes need. */
  version?: string
  /** Release date, YYYY-MM-DD (default: today, in UTC). */
  date?: string
  /** What the release is about, for its record and README (default: the reasons for its version). */
  notes?: string
}

export interface ReleaseResult {
  ok: boolean
  /** Every file with messages (sources, releases, the release command's own). */
  files: VFile[]
  previous: string | null
  /** The version cut, or that would be cut; null when nothing changed. */
  version: string | null
  decision?: Decision
  /** The bump given to the version: the decision's, or higher when an editor raised it. */
  bump?: Bump
  changes?: Changes
  /** The release's files, by name (also on a dry run). */
  outputs: Map<string, Buffer>
  written: boolean
}

export async function cutRelease(options: ReleaseOptions = {}): Promise<ReleaseResult> {
  const root = options.root ?? process.cwd()
  const command = new VFile({path: 'npm run release'})
  const result = (fields: Partial<ReleaseResult> & {files: VFile[]}): ReleaseResult => ({ok: false, previous: null, version: null, outputs: new Map(), written: false, ...fields})
  const refuse = (reason: string, fields: Partial<ReleaseResult> = {}) => {
    report(command, 'release-refused', reason)
    return result({...fields, files: [command]})
  }
  const date = options.date ?? new Date().toISOString().slice(0, 10)
  if (!realDay(date)) return refuse(`Unexpected date \`${date}\`, expected a day that exists, YYYY-MM-DD, from 1980 to 2107 (a zip's dates)`)
  if (options.version !== undefined && !versionPattern.test(options.version)) return refuse(`Unexpected version \`${options.version}\`, expected MAJOR.MINOR.PATCH`)

  if (options.version !== undefined && listReleases(root).includes(options.version)) return refuse(`Unexpected version ${options.version}: it is released already, and a release is never rewritten`)
  // A release is compared with frozen ones only when they are intact.
  const frozen = checkReleases(root)
  if (hasErrors(frozen)) return result({files: frozen})
  const draft = await build({root, out: null})
  if (!draft.ok || !draft.publication) return result({files: draft.files})
  const publication = draft.publication

  const previous = listReleases(root).at(-1) ?? null
  const previousFolder = previous && path.join(root, releasesFolder, previous)
  const previousRecord = previousFolder ? readRelease(previousFolder).record : null
  const previousDate = previousRecord?.date ?? null
  if (previousDate && date < previousDate) return refuse(`Unexpected date ${date}, before ${previousDate}, the date of ${previous}: releases follow each other in time`)
  const readPrevious = (name: string) => readFileSync(path.join(previousFolder!, name), 'utf8')
  const changes = changesBetween(previousFolder ? snapshotOf(readPrevious) : null, snapshotOf((name) => String(draft.outputs.get(name))))
  // Files come and go with datasets and documents; with no record changed, a file that differs (a schema's description) is a patch too.
  const files = previous ? fileChanges(filesFor(draft.outputs, draft.datasets, {...publication, version: previous, date: previousDate}), previousFolder!, [previousRecord!.zip, publication.licences.data.file, publication.licences.code.file], changes.records.length === 0 && changes.columns.length === 0) : undefined
  // From nothing to 1.0.0 is a major step, whatever the first release holds.
  const decision = previous ? decide(changes, files) : {bump: 'major' as const, reasons: {...decide(changes).reasons, major: ['the first release']}}
  const found = {previous, decision, changes}
  if (decision.bump === null) return result({...found, ok: true, files: [command]})
  if (options.bump && bumps.indexOf(options.bump) < bumps.indexOf(decision.bump)) return refuse(`Unexpected \`--bump ${options.bump}\`, expected ${decision.bump} or higher: ${decision.reasons[decision.bump].join('; ')}`, found)
  const bump = raise(decision.bump, options.bump)
  const computed = nextVersion(previous, bump)
  const version = options.version ?? computed
  if (existsSync(path.join(root, releasesFolder, version))) return refuse(`Unexpected version ${version}: it is released already, and a release is never rewritten`, found)
  if (compareVersions(version, computed) < 0) return refuse(`Unexpected version ${version}, expected ${computed} or higher: ${decision.reasons[bump].join('; ')}`, found)

  const counts = Object.fromEntries(draft.datasets.map((dataset) => [dataset.name, dataset.records.length]))
  const tally = {added: 0, removed: 0, changed: 0}
  for (const count of countChanges(changes).values()) for (const key of ['added', 'removed', 'changed'] as const) tally[key] += count[key]
  const record: ReleaseRecord = {
    name: publication.name,
    version,
    date,
    previous,
    bump,
    reasons: decision.reasons,
    notes: options.notes ?? (previous ? `Changes since ${previous}: ${Object.values(decision.reasons).flat().join('; ')}.` : `The first release: ${draft.datasets.length} datasets, ${Object.values(counts).reduce((a, b) => a + b, 0)} records.`),
    counts,
    changes: tally,
    zip: `${publication.name}-${version}.zip`
  }

  const outputs = new Map<string, Buffer>()
  for (const [name, content] of filesFor(draft.outputs, draft.datasets, {...publication, version, date})) outputs.set(name, Buffer.from(content))
  outputs.set('release.json', Buffer.from(JSON.stringify(record, null, 2) + '\n'))
  outputs.set('changes.json', Buffer.from(changesJson(previous, version, changes)))
  outputs.set('changes.csv', Buffer.from(changesCsv(changes)))
  outputs.set('README.md', Buffer.from(releaseReadme({...publication, version, date}, record, JSON.parse(String(draft.outputs.get('datapackage.json'))))))
  for (const licence of [publication.licences.data, publication.licences.code]) {
    try {
      outputs.set(licence.file, readFileSync(path.join(root, licence.file)))
    } catch {
      return refuse(`Missing licence text \`${licence.file}\`, expected the ${licence.title} at the repository's root, as sources/publication.yml names it`, found)
    }
  }
  const names = [...outputs.keys()].sort()
  outputs.set(record.zip, zip(names.map((name) => ({name: `${publication.name}-${version}/${name}`, content: outputs.get(name)!})), {date}))
  outputs.set(checksumsFile, Buffer.from(sha256sums(outputs)))
  const done = result({...found, ok: true, files: [command], version, bump, outputs})
  if (options.dryRun) return done

  // Staged, then moved to its name: a release is there whole or not at all, and never replaces one.
  writeFolder(path.join(root, releasesFolder, version), outputs, {replace: false})
  writeAtomically(path.join(root, citationFiles.cff), citationCff(publication, version, date))
  writeAtomically(path.join(root, citationFiles.zenodo), zenodoJson(publication, date))
  return {...done, written: true}
}

/** The build's files for the release `publication` describes: the draft's, with those that name the version or date (datapackage.json, the schemas, the workbook…) made again for it. */
function filesFor(outputs: ReadonlyMap<string, string | Uint8Array>, datasets: Parameters<typeof releaseFiles>[0], publication: Publication): Map<string, string | Uint8Array> {
  const files = new Map(outputs)
  for (const file of releaseFiles(datasets, publication)) files.set(file.name, joined(file.content))
  return files
}

/** The build's files added or removed since the release in `folder` (its own files and `others`, its zip and licences, aside), and, when `compare`, those whose bytes differ. */
function fileChanges(files: ReadonlyMap<string, string | Uint8Array>, folder: string, others: readonly string[], compare: boolean): FileChanges {
  const skip = new Set<string>([...releaseOnly, ...others])
  const frozen = filesIn(folder).filter((name) => !skip.has(name))
  return {
    added: [...files.keys()].filter((name) => !frozen.includes(name)).sort(),
    removed: frozen.filter((name) => !files.has(name)),
    changed: compare ? frozen.filter((name) => files.has(name) && !readFileSync(path.join(folder, name)).equals(Buffer.from(files.get(name)!))) : []
  }
}

function writeAtomically(file: string, text: string): void {
  const staging = `${file}.tmp-${process.pid}`
  writeFileSync(staging, text)
  renameSync(staging, file)
}

/** A real day, YYYY-MM-DD, in the years a zip can date its entries. */
function realDay(date: string): boolean {
  const year = Number(date.slice(0, 4))
  const day = new Date(`${date}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && year >= 1980 && year <= 2107 && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date
}
