/**
 * CITATION.cff and .zenodo.json, validated by the official schemas (copied
 * into test/fixtures/specs/): as the release command writes them for the
 * publication as it is and with every optional fact set, and the
 * repository's own, which must describe its latest release.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import Ajv, {type ValidateFunction} from 'ajv'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {publicationOf, type Publication} from '../../pipeline/publication.ts'
import {readYamlFile} from '../../pipeline/read/yaml-file.ts'
import {citationCff, citationFiles, zenodoJson} from '../../pipeline/release/citation-files.ts'
import {checkReleases, listReleases, releasesFolder} from '../../pipeline/release/frozen.ts'
import type {ReleaseRecord} from '../../pipeline/release/record.ts'
import {projectRoot} from '../helpers/project.ts'

const spec = (name: string) => JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures/specs', name), 'utf8'))
const cffAjv = new Ajv.default({allErrors: true, strict: false})
addFormats.default(cffAjv)
const validateCff = cffAjv.compile(spec('citation-file-format-1.2.0.schema.json'))
const zenodoAjv = new AjvDraft04.default({allErrors: true, strict: false})
const validateZenodo = zenodoAjv.compile(spec('zenodo-legacyrecord.schema.json'))

/** CITATION.cff as a reader gets it: YAML parsed without turning dates into Date objects. */
const readCff = (text: string) => parse(text, {schema: 'core'}) as Record<string, unknown>
const errorsOf = (validate: ValidateFunction) => (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)

const publication = publicationOf(readYamlFile('sources/publication.yml', projectRoot))
const everything: Publication = {
  ...publication,
  base_url: 'https://data.example.org/kent-medway/',
  repository: 'https://git.example.org/icb-open-data',
  contact: {...publication.contact, email: 'editors@example.org'},
  doi: {concept: '10.5281/zenodo.1000000', versions: {'1.0.0': '10.5281/zenodo.1000001'}}
}

describe('CITATION.cff', () => {
  it('should be valid Citation File Format 1.2.0 for a dataset, with what the publication knows', () => {
    const cff = readCff(citationCff(publication, '1.0.0', '2026-12-02'))
    expect(validateCff(cff), errorsOf(validateCff).join('\n')).toBe(true)
    expect(cff).toMatchObject({'cff-version': '1.2.0', type: 'dataset', version: '1.0.0', 'date-released': '2026-12-02', license: 'OGL-UK-3.0', authors: [{name: publication.publisher.name}]})
    // What the publication does not know is left out, never filled in.
    expect(cff['url']).toBe(publication.base_url ?? undefined)
    expect(cff['repository-code']).toBe(publication.repository ?? undefined)
    expect(cff['doi']).toBe(publication.doi.versions['1.0.0'] ?? publication.doi.concept ?? undefined)
  })

  it('should give the DOIs, site, repository and contact once they are known, and stay valid', () => {
    const cff = readCff(citationCff(everything, '1.0.0', '2026-12-02'))
    expect(validateCff(cff), errorsOf(validateCff).join('\n')).toBe(true)
    expect(cff).toMatchObject({doi: '10.5281/zenodo.1000001', url: 'https://data.example.org/kent-medway/', 'repository-code': 'https://git.example.org/icb-open-data', authors: [{email: 'editors@example.org'}]})
    expect(cff['identifiers']).toEqual([
      {type: 'doi', value: '10.5281/zenodo.1000000', description: 'Concept DOI: every version of the data'},
      {type: 'doi', value: '10.5281/zenodo.1000001', description: 'DOI of version 1.0.0'},
      {type: 'url', value: 'https://data.example.org/kent-medway/releases/1.0.0/', description: 'Page of version 1.0.0'}
    ])
    // A version without its own DOI is cited by the concept DOI.
    expect(readCff(citationCff(everything, '1.1.0', '2026-12-03'))['doi']).toBe('10.5281/zenodo.1000000')
  })

  it('should fail the official schema when it is wrong (the check can fail)', () => {
    const cff = readCff(citationCff(publication, '1.0.0', '2026-12-02'))
    expect(validateCff({...cff, 'date-released': '2 December 2026'})).toBe(false)
    expect(validateCff({...cff, unknown: 1})).toBe(false)
  })
})

describe('.zenodo.json', () => {
  it('should be valid against Zenodo\'s deposit schema, with and without the optional facts', () => {
    for (const which of [publication, everything]) {
      const zenodo = JSON.parse(zenodoJson(which, '2026-12-02'))
      expect(validateZenodo(zenodo), errorsOf(validateZenodo).join('\n')).toBe(true)
      expect(zenodo).toMatchObject({upload_type: 'dataset', access_right: 'open', creators: [{name: publication.publisher.name}], publication_date: '2026-12-02'})
    }
    expect(validateZenodo({...JSON.parse(zenodoJson(publication, '2026-12-02')), upload_type: 'data'})).toBe(false)
  })
})

describe('the repository', () => {
  const releases = listReleases(projectRoot)

  it('should have every release intact, as its SHA256SUMS lists it', () => {
    const messages = checkReleases(projectRoot).flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`))
    expect(messages).toEqual([])
  })

  it('should never have changed, removed or renamed a released file in its history: a release folder is only ever added', () => {
    // SHA256SUMS could be rewritten with a file; git's history could not be, unnoticed.
    const touched = execFileSync('git', ['log', '--format=%h %s', '--name-status', '--diff-filter=MDRT', '--', releasesFolder], {cwd: projectRoot, encoding: 'utf8'}).trim()
    expect(touched).toBe('')
  })

  it('should describe its latest release in CITATION.cff and .zenodo.json, both valid', () => {
    expect(releases.length).toBeGreaterThan(0)
    const latest = JSON.parse(readFileSync(path.join(projectRoot, releasesFolder, releases.at(-1)!, 'release.json'), 'utf8')) as ReleaseRecord
    const cff = readCff(readFileSync(path.join(projectRoot, citationFiles.cff), 'utf8'))
    expect(validateCff(cff), errorsOf(validateCff).join('\n')).toBe(true)
    expect(cff).toMatchObject({version: latest.version, 'date-released': latest.date, title: publication.title})
    const zenodo = JSON.parse(readFileSync(path.join(projectRoot, citationFiles.zenodo), 'utf8'))
    expect(validateZenodo(zenodo), errorsOf(validateZenodo).join('\n')).toBe(true)
    expect(zenodo.publication_date).toBe(latest.date)
  })

  it('should hold the code and data licence texts that sources/publication.yml names', () => {
    expect(readFileSync(path.join(projectRoot, publication.licences.code.file), 'utf8')).toMatch(/^MIT License/)
    expect(readFileSync(path.join(projectRoot, publication.licences.data.file), 'utf8')).toMatch(/^Open Government Licence v3\.0/)
  })
})
