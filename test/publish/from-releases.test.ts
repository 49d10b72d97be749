/**
 * The catalogue model of the repository's frozen releases (whatever they
 * are): every dataset of the latest release with its files, their sizes and
 * checksums as on disk, its earlier versions and dates; and the UK
 * conventions data.gov.uk harvests by (a title of at most 65 characters, a
 * first sentence of at most 140).
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {publicationOf} from '../../pipeline/publication.ts'
import {catalogueFromReleases} from '../../pipeline/publish/from-releases.ts'
import {readYamlFile} from '../../pipeline/read/yaml-file.ts'
import {listReleases, releasesFolder} from '../../pipeline/release/frozen.ts'
import type {ReleaseRecord} from '../../pipeline/release/record.ts'
import {projectRoot} from '../helpers/project.ts'

const publication = publicationOf(readYamlFile('sources/publication.yml', projectRoot))
const releases = listReleases(projectRoot)
const record = (version: string) => JSON.parse(readFileSync(path.join(projectRoot, releasesFolder, version, 'release.json'), 'utf8')) as ReleaseRecord
const catalogue = catalogueFromReleases(projectRoot, publication)!
const firstSentence = (text: string) => text.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? text

describe('the catalogue of the releases', () => {
  it('should describe the latest release, dated as its release.json says', () => {
    expect(releases.length).toBeGreaterThan(0)
    const latest = record(releases.at(-1)!)
    expect(catalogue).toMatchObject({version: latest.version, modified: latest.date, issued: record(releases[0]!).date})
    expect(catalogue.datasets.map((dataset) => dataset.name)).toEqual(Object.keys(latest.counts))
  })

  it('should give every file the size and SHA-256 it has on disk, under its release', () => {
    const files = [...catalogue.distributions, ...catalogue.datasets.flatMap((dataset) => [...dataset.distributions, ...dataset.versions.flatMap((version) => version.distributions)])]
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      expect(file.path).toMatch(/^data\/\d+\.\d+\.\d+\//)
      const bytes = readFileSync(path.join(projectRoot, releasesFolder, file.path.slice('data/'.length)))
      expect(file.bytes, file.path).toBe(bytes.length)
      expect(file.sha256, file.path).toBe(createHash('sha256').update(bytes).digest('hex'))
    }
  })

  it('should list a dataset\'s earlier releases oldest first, each before the latest', () => {
    for (const dataset of catalogue.datasets) {
      // The releases before the latest whose datapackage.json has the dataset's table.
      const holding = releases.slice(0, -1).filter((version) => (JSON.parse(readFileSync(path.join(projectRoot, releasesFolder, version, 'datapackage.json'), 'utf8')) as {resources: Array<{name: string}>}).resources.some((resource) => resource.name === dataset.name))
      expect(dataset.versions.map((version) => version.version)).toEqual(holding)
      expect(dataset.issued <= dataset.modified).toBe(true)
    }
  })

  it('should keep to data.gov.uk\'s conventions: titles of at most 65 characters, first sentences of at most 140', () => {
    for (const item of [{title: publication.title, description: publication.description}, ...catalogue.datasets]) {
      expect(item.title.length, item.title).toBeLessThanOrEqual(65)
      expect(firstSentence(item.description).length, item.description).toBeLessThanOrEqual(140)
    }
  })
})
