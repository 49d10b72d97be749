/**
 * datapackage.json against the official Frictionless v2 profiles (read from
 * shared/specs beside the repository; not copied into it), and every resource's
 * bytes, hash and keys against the files it describes.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {projectRoot} from '../helpers/project.ts'

const specs = path.join(projectRoot, '../shared/specs/frictionless/v2')
const draft = path.join(projectRoot, 'dist-data/draft')
const datapackage = JSON.parse(readFileSync(path.join(draft, 'datapackage.json'), 'utf8'))

describe('datapackage.json', () => {
  it('should find the official profiles', () => {
    expect(existsSync(path.join(specs, 'datapackage.json'))).toBe(true)
  })

  it('should be valid against the Data Package, Resource, Table Schema and Dialect v2 profiles', () => {
    const ajv = new Ajv.default({allErrors: true, strict: false})
    addFormats.default(ajv)
    const profile = (name: string) => JSON.parse(readFileSync(path.join(specs, `${name}.json`), 'utf8'))
    const check = (name: string, value: unknown) => {
      const validate = ajv.compile(profile(name))
      expect(validate(value) ? [] : validate.errors, `${name} profile`).toEqual([])
    }
    check('datapackage', datapackage)
    for (const resource of datapackage.resources) {
      check('dataresource', resource)
      check('tableschema', resource.schema)
      check('tabledialect', resource.dialect)
    }
  })

  it('should describe each CSV with its exact size, hash and columns', () => {
    for (const resource of datapackage.resources) {
      const bytes = readFileSync(path.join(draft, resource.path))
      expect(resource.bytes).toBe(bytes.length)
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`)
      const [header] = parse(bytes, {to_line: 1}) as string[][]
      expect(header).toEqual(resource.schema.fields.map((field: {name: string}) => field.name))
    }
  })

  it('should have unique primary keys and foreign keys that resolve', () => {
    const tables = new Map<string, Array<Record<string, string>>>(
      datapackage.resources.map((resource: {name: string; path: string}) => [resource.name, parse(readFileSync(path.join(draft, resource.path)), {columns: true})])
    )
    for (const resource of datapackage.resources) {
      const rows = tables.get(resource.name)!
      const keys = rows.map((row) => row[resource.schema.primaryKey[0]])
      expect(new Set(keys).size, `${resource.name} primary key`).toBe(keys.length)
      for (const key of resource.schema.foreignKeys) {
        const targets = new Set(tables.get(key.reference.resource)!.map((row) => row[key.reference.fields[0]]))
        const dangling = rows.map((row) => row[key.fields[0]]).filter((value) => value !== '' && !targets.has(value))
        expect(dangling, `${resource.name}.${key.fields[0]} → ${key.reference.resource}`).toEqual([])
      }
    }
  })
})
