import Ajv2020 from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {schemas, validator} from '../../pipeline/validate/schemas.ts'

// The pipeline compiles the schemas without checking them against the meta-schema (see schemas.ts); this does.
describe('schemas', () => {
  it('should each be a valid JSON Schema 2020-12', () => {
    const ajv = new Ajv2020.default({strict: false})
    for (const [name, schema] of schemas) {
      expect(ajv.validateSchema(schema), `${name}: ${ajv.errorsText(ajv.errors)}`).toBe(true)
    }
  })

  // The check above, shown able to fail: were the meta-schema not loaded, every schema would pass it.
  it('should refuse a schema that breaks the meta-schema', () => {
    const ajv = new Ajv2020.default({strict: false})
    expect(ajv.validateSchema({type: 'object', required: 'id'})).toBe(false)
  })

  it('should each compile', () => {
    for (const name of schemas.keys()) expect(typeof validator(name)).toBe('function')
  })
})
