/**
 * Validators kept as ajv's standalone code (pipeline/validate/compiled.ts)
 * give exactly the verdicts and errors of validators compiled afresh, on the
 * real records and on records broken in every field; and a kept file that is
 * damaged is never run.
 */
import {readFile, readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {ValidateFunction} from 'ajv'
import {describe, expect, it} from 'vitest'
import {build} from '../../pipeline/build.ts'
import {compiledValidators} from '../../pipeline/validate/compiled.ts'
import {schemas} from '../../pipeline/validate/schemas.ts'
import {projectRoot} from '../helpers/project.ts'
import {temporaryFolder} from '../helpers/folder.ts'

const all = [...schemas.values()]
/** Whether a validator came from kept code: only those compiled now carry their source. */
const kept = (validate: ValidateFunction) => !('source' in validate && validate.source)

describe('compiled validators', () => {
  const folder = temporaryFolder('icb-validators-')

  it('should compile and keep the code the first time, and load it the next', async () => {
    const first = compiledValidators(all, folder())
    expect([...first.values()].some(kept)).toBe(false)
    expect(await readdir(folder())).toHaveLength(1)
    const second = compiledValidators(all, folder())
    expect([...second.values()].every(kept)).toBe(true)
    expect([...second.keys()]).toEqual([...first.keys()])
  })

  it('should give the verdicts and errors of freshly compiled validators, on real records and broken ones', async () => {
    const fresh = compiledValidators(all, undefined)
    const loaded = compiledValidators(all, folder())
    const result = await build({root: projectRoot, out: null})
    let compared = 0
    const same = (id: string, value: unknown) => {
      const a = fresh.get(id)!
      const b = loaded.get(id)!
      expect(b(value)).toBe(a(value))
      expect(b.errors ?? null).toEqual(a.errors ?? null)
      compared++
    }
    for (const dataset of result.datasets) {
      const id = schemas.get(dataset.name)!.$id
      for (const record of dataset.records.slice(0, 20)) {
        const fields = record as unknown as Record<string, unknown>
        same(id, fields)
        // Each field missing, of the wrong type, and one field too many.
        for (const key of Object.keys(fields)) {
          const {[key]: _, ...without} = fields
          same(id, without)
          same(id, {...fields, [key]: typeof fields[key] === 'number' ? 'text' : 12.5})
        }
        same(id, {...fields, unexpected: true})
      }
    }
    for (const file of result.documents) same(schemas.get('source-document')!.$id, file.data.matter)
    expect(compared).toBeGreaterThan(1000)
  })

  it('should never run a kept file that is damaged, and compile again instead', async () => {
    const [name] = await readdir(folder())
    const file = path.join(folder(), name!)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('"use strict";', '"use strict";throw new Error("ran");'))
    const validators = compiledValidators(all, folder())
    expect([...validators.values()].some(kept)).toBe(false)
    expect(await readFile(file, 'utf8')).toBe(text)
  })
})
