/** The README documents every dataset column and every diagnostic; this keeps it from drifting. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {datasets as registry} from '../pipeline/datasets.ts'
import {rules} from '../pipeline/messages.ts'
import {schemas} from '../pipeline/validate/schemas.ts'
import {projectRoot} from './helpers/project.ts'

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8')
const datasets = registry.map((dataset) => dataset.name)

describe('README.md', () => {
  it('should show the set-up and test commands', () => {
    expect(readme).toContain('npm install && npm run build')
    expect(readme).toContain('npm test')
  })

  it.each(datasets)('should document every column of %s', (name) => {
    const section = readme.slice(readme.indexOf(`### \`${name}\``))
    for (const column of Object.keys(schemas.get(name)!.properties)) expect(section, column).toContain(`| \`${column}\` |`)
  })

  it('should document every rule id', () => {
    for (const id of Object.keys(rules)) expect(readme).toContain(`| \`${id}\` |`)
  })
})
