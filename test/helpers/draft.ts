/** The committed draft release as tests read it: its folder, datapackage.json and each table's Table Schema fields. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {projectRoot} from './project.ts'

export interface Field {
  name: string
  type: string
  itemType?: string
  delimiter?: string
}

export interface Resource {
  name: string
  path: string
  type?: string
  schema?: {fields: Field[]}
}

export const draft = path.join(projectRoot, 'dist-data/draft')
export const datapackage = JSON.parse(readFileSync(path.join(draft, 'datapackage.json'), 'utf8')) as {name: string; resources: Resource[]}
/** The tables (one per dataset), in the release's order. */
export const tables = datapackage.resources.filter((resource) => resource.type === 'table')
export const names = tables.map((resource) => resource.name)
export const fieldsOf = (name: string): Field[] => tables.find((resource) => resource.name === name)!.schema!.fields
