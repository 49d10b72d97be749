/**
 * The catalogue model (./catalogue.ts) of the frozen releases: the latest
 * release's datasets with their files, each dataset's earlier versions, when
 * it first appeared and last changed (from every release's changes.json),
 * and the period and area its records are about.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Publication} from '../publication.ts'
import {releasesFolder} from '../release/frozen.ts'
import {readReleases, type FrozenRelease} from '../release/read.ts'
import type {Catalogue, CatalogueDataset, Distribution} from './catalogue.ts'

interface Resource {
  name: string
  type?: string
  path: string
  title: string
  format: string
  mediatype: string
  bytes: number
  hash: string
  description: string
  schema?: {fields: Array<{name: string; type: string; description: string}>}
}

interface Release extends FrozenRelease {
  resources: Resource[]
  /** Datasets whose records the release added, removed or changed. */
  touched: Set<string>
}

/** The catalogue of the releases under `root`, for `publication`; null before the first release. */
export function catalogueFromReleases(root: string, publication: Publication): Catalogue | null {
  const releases = readReleases(path.join(root, releasesFolder)).map((release): Release => ({
    ...release,
    resources: (JSON.parse(readFileSync(path.join(release.folder, 'datapackage.json'), 'utf8')) as {resources: Resource[]}).resources,
    touched: new Set(release.changes.records.map((change) => change.dataset))
  }))
  const latest = releases.at(-1)
  if (!latest) return null
  const {version, date} = latest.record
  const tables = latest.resources.filter((resource) => resource.type === 'table')
  const datasets = tables.map((table): CatalogueDataset => {
    const appeared = releases.filter((release) => release.resources.some((resource) => resource.name === table.name))
    const changed = appeared.filter((release, index) => index === 0 || release.touched.has(table.name))
    const records = JSON.parse(readFileSync(path.join(latest.folder, `${table.name}.json`), 'utf8')) as Array<Record<string, unknown>>
    return {
      name: table.name,
      title: table.title,
      description: table.description,
      keywords: publication.keywords,
      page: `datasets/${table.name}/`,
      version,
      issued: appeared[0]!.record.date,
      modified: changed.at(-1)!.record.date,
      temporal: periodOf(records),
      spatial: areaOf(records, JSON.parse(readFileSync(path.join(latest.folder, 'documents.json'), 'utf8')) as Array<Record<string, unknown>>),
      distributions: filesOf(latest, table.name),
      columns: table.schema!.fields.map(({name, type, description}) => ({name, type, description})),
      versions: appeared.slice(0, -1).map((release) => ({version: release.record.version, date: release.record.date, distributions: filesOf(release, table.name)}))
    }
  })
  const whole = latest.resources.filter((resource) => resource.format === 'xlsx' || resource.format === 'sqlite').map((resource) => distribution(latest, resource))
  return {publication: {...publication, version, date}, version, issued: releases[0]!.record.date, modified: date, datasets, distributions: whole}
}

/** A dataset's files in a release: its CSV, JSON and Parquet, as datapackage.json lists them. */
function filesOf(release: Release, dataset: string): Distribution[] {
  return release.resources.filter((resource) => resource.name === dataset || resource.name === `${dataset}-json` || resource.name === `${dataset}-parquet`).map((resource) => distribution(release, resource))
}

function distribution(release: Release, resource: Resource): Distribution {
  return {title: resource.title, path: `data/${release.record.version}/${resource.path}`, mediaType: resource.mediatype, format: resource.format.toUpperCase(), bytes: resource.bytes, sha256: resource.hash.replace(/^sha256:/, '')}
}

/** The earliest and latest full dates in a `date` column (a value may be an interval `a/b`); null without any. */
function periodOf(records: ReadonlyArray<Record<string, unknown>>): {start: string; end: string} | null {
  const days = records.flatMap((record) => (typeof record['date'] === 'string' ? record['date'].split('/') : [])).filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day)).sort()
  return days.length > 0 ? {start: days[0]!, end: days.at(-1)!} : null
}

/** The areas a dataset's records are about: their `geography`, or else their documents'. */
function areaOf(records: ReadonlyArray<Record<string, unknown>>, documents: ReadonlyArray<Record<string, unknown>>): string {
  const own = records.map((record) => record['geography']).filter((area): area is string => typeof area === 'string')
  const areas = own.length > 0 ? own : documents.map((document) => document['geography']).filter((area): area is string => typeof area === 'string')
  return [...new Set(areas)].sort().join('; ')
}
