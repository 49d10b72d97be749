/**
 * `npm run check:specs`: datapackage.json, each resource, Table Schema and
 * Table Dialect of dist-data/draft/ against the official Frictionless v2
 * profiles (JSON Schema draft-07), read from ../shared/specs/frictionless/v2
 * beside the repository (or the folder given as the first argument). Not part
 * of `npm test`, which reads nothing outside the repository and checks the v2
 * rules itself (test/formats/datapackage.test.ts).
 *
 * Prints every deviation. Where the profiles lag the standard, the deviation
 * is named and does not fail: the stored tableschema.json has no `list` field
 * type, although the Table Schema v2 text defines it (a delimited list with
 * `itemType` and `delimiter`), so list fields are checked again read as plain
 * strings, and only what fails then is an error. Exits 1 on an error, 0 when
 * every deviation is explained or the profiles are not there (skipped).
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import Ajv, {type ErrorObject} from 'ajv'
import addFormats from 'ajv-formats'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const specs = path.resolve(root, process.argv[2] ?? '../shared/specs/frictionless/v2')
const draft = path.join(root, 'dist-data/draft')
const profileNames = ['datapackage', 'dataresource', 'tableschema', 'tabledialect'] as const

if (!existsSync(path.join(specs, 'datapackage.json'))) {
  console.log(`check:specs skipped: the official Frictionless v2 profiles are not at ${path.relative(process.cwd(), specs) || specs}`)
  process.exit(0)
}

interface Field {
  name: string
  type?: string
  itemType?: string
  delimiter?: string
  [key: string]: unknown
}
interface Resource {
  name: string
  schema?: {fields: Field[]; [key: string]: unknown}
  dialect?: object
  [key: string]: unknown
}
interface Package {
  resources: Resource[]
  [key: string]: unknown
}

const ajv = new Ajv.default({allErrors: true, strict: false})
addFormats.default(ajv)
// The profiles use `format: textarea` as a hint to form editors; it constrains nothing.
ajv.addFormat('textarea', true)
const profiles = Object.fromEntries(
  profileNames.map((name) => {
    const profile = JSON.parse(readFileSync(path.join(specs, `${name}.json`), 'utf8')) as {properties?: Record<string, unknown>}
    return [name, {profile, validate: ajv.compile(profile)}]
  })
) as Record<(typeof profileNames)[number], {profile: {properties?: Record<string, unknown>}; validate: ReturnType<typeof ajv.compile>}>

/** The field types the stored Table Schema profile knows (each of its field kinds names one). */
const fieldKinds = (() => {
  const fields = profiles.tableschema.profile.properties?.['fields'] as {items?: {oneOf?: Array<{properties?: {type?: {enum?: string[]}}}>}} | undefined
  return (fields?.items?.oneOf ?? []).flatMap((kind) => kind.properties?.type?.enum ?? [])
})()
const profileHasList = fieldKinds.includes('list')

const datapackage = JSON.parse(readFileSync(path.join(draft, 'datapackage.json'), 'utf8')) as Package

/** The package with every list field read as a plain string, as a reader of Table Schema v1 would. */
function withoutLists<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), function (this: unknown, key, inner: unknown) {
    if (inner && typeof inner === 'object' && (inner as Field).type === 'list') {
      const {itemType: _itemType, delimiter: _delimiter, ...rest} = inner as Field
      return {...rest, type: 'string'}
    }
    return inner
  }) as T
}

/** Errors worth reading: ajv reports every branch of a oneOf; the enums of one place become one line. */
function summarise(errors: readonly ErrorObject[] | null | undefined): string[] {
  const enums = new Map<string, unknown[]>()
  const lines: string[] = []
  for (const error of errors ?? []) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') continue
    const where = error.instancePath || '/'
    if (error.keyword === 'enum') {
      if (!enums.has(where)) lines.push(`enum:${where}`)
      enums.set(where, [...(enums.get(where) ?? []), ...(error.params['allowedValues'] as unknown[])])
    } else lines.push(`${where} ${error.message ?? error.keyword}`)
  }
  const text = lines.map((line) => (line.startsWith('enum:') ? `${line.slice(5)} must be one of ${JSON.stringify([...new Set(enums.get(line.slice(5)))])}` : line))
  return [...new Set(text)].slice(0, 12)
}

interface Check {
  what: string
  profile: (typeof profileNames)[number]
  value: unknown
}
const checks: Check[] = [
  {what: 'datapackage.json', profile: 'datapackage', value: datapackage},
  ...datapackage.resources.flatMap((resource): Check[] => [
    {what: `resource ${resource.name}`, profile: 'dataresource', value: resource},
    ...(resource.schema ? [{what: `resource ${resource.name}: schema`, profile: 'tableschema' as const, value: resource.schema}] : []),
    ...(resource.dialect ? [{what: `resource ${resource.name}: dialect`, profile: 'tabledialect' as const, value: resource.dialect}] : [])
  ])
]

console.log(`Frictionless v2 profiles: ${path.relative(process.cwd(), specs)}`)
console.log(`Field types of the stored tableschema.json: ${fieldKinds.join(', ')}${profileHasList ? '' : ' (no `list`)'}`)
let errors = 0
let explained = 0
for (const check of checks) {
  const {validate} = profiles[check.profile]
  if (validate(check.value)) {
    console.log(`  ok        ${check.what} (${check.profile}.json)`)
    continue
  }
  const details = summarise(validate.errors)
  if (!profileHasList && validate(withoutLists(check.value))) {
    explained++
    console.log(`  deviates  ${check.what} (${check.profile}.json): only by its list fields`)
    continue
  }
  errors++
  console.log(`  FAILS     ${check.what} (${check.profile}.json), even with list fields read as strings:`)
  const remaining = summarise(validate.errors)
  for (const line of remaining.length > 0 ? remaining : details) console.log(`              ${line}`)
}

const lists = datapackage.resources.flatMap((resource) => (resource.schema?.fields ?? []).filter((field) => field.type === 'list').map((field) => ({resource: resource.name, field})))
if (lists.length > 0) {
  console.log('')
  console.log(`List fields (Table Schema v2 \`list\`)${profileHasList ? '' : ': each a deviation from the stored profile, none from the standard'}:`)
  for (const {resource, field} of lists) console.log(`  ${resource}.${field.name}: itemType ${field.itemType ?? '(default string)'}, delimiter ${JSON.stringify(field.delimiter ?? ',')}`)
  if (!profileHasList) {
    console.log('  The Table Schema v2 text (datapackage.org, Table Schema, Field Types, `list`) defines the type: an ordered,')
    console.log('  one-level collection of primitive values written as one string, items separated by `delimiter` (default')
    console.log('  ","), each of `itemType` (string, integer, boolean, number, datetime, date or time; default string), in')
    console.log('  its default lexical form. The profile published as 2.0/tableschema.json has no field kind for it, so a')
    console.log('  validator built on the profile alone refuses every list field. The data follow the standard.')
  }
}
const jsonResources = datapackage.resources.filter((resource) => typeof resource['jsonSchema'] === 'string')
if (jsonResources.length > 0) {
  console.log('')
  console.log(`JSON resources (${jsonResources.map((resource) => resource.name).join(', ')}) name their JSON Schema in \`jsonSchema\`, a property`)
  console.log('  of our own. The Data Resource profile allows extra properties; its `schema` is a Table Schema, and the')
  console.log('  "JSON Data Resources" recipe\'s `schema` holding a JSON Schema (with a v1 `profile`) is not in the v2 profile.')
}
console.log('')
console.log(`${checks.length} descriptors: ${checks.length - errors - explained} valid, ${explained} deviating by list fields only, ${errors} failing.`)
process.exit(errors > 0 ? 1 : 0)
