/**
 * The schemas published with the data, under schema/ in the release folder:
 * each dataset's record schema and the provenance schema it refers to, as in
 * schema/, and for each JSON file a schema of the whole file (an array of
 * records). Their `$id`s are under the publication's base URL, at the
 * release's own folder, so a validator resolves every `$ref` from the
 * published files; without a base URL they stay relative.
 */
import type {Publication} from '../publication.ts'
import {schemas} from '../validate/schemas.ts'

export const schemaFolder = 'schema'

/** The published name of the schema of a dataset's JSON file. */
export function fileSchemaName(dataset: string): string {
  return `${dataset}.json.schema.json`
}

/** The `$id` a published schema carries. */
function publishedId(publication: Publication, name: string): string {
  return publication.base_url === null ? name : new URL(`data/${publication.version}/${schemaFolder}/${name}`, publication.base_url).href
}

/** Every published schema, by its name in the schema folder: record schemas, then file schemas. */
export function publishedSchemas(datasets: readonly string[], publication: Publication): Array<[string, string]> {
  const recordSchemas = ['provenance', ...datasets].map((name): [string, object] => {
    const schema = schemas.get(name)!
    return [`${name}.schema.json`, {...schema, $id: publishedId(publication, `${name}.schema.json`)}]
  })
  const fileSchemas = datasets.map((name): [string, object] => {
    const schema = schemas.get(name)!
    return [
      fileSchemaName(name),
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: publishedId(publication, fileSchemaName(name)),
        title: `${schema.title}: ${name}.json`,
        description: `The file ${name}.json: an array of ${name} records, each as ${name}.schema.json describes it.`,
        type: 'array',
        items: {$ref: `${name}.schema.json`}
      }
    ]
  })
  return [...recordSchemas, ...fileSchemas].map(([name, schema]) => [name, JSON.stringify(schema, null, 2) + '\n'])
}
