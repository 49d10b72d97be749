/** The README documents every dataset column and every diagnostic; this keeps it from drifting. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {datasets as registry} from '../pipeline/datasets.ts'
import {rules} from '../pipeline/messages.ts'
import {schemas} from '../pipeline/validate/schemas.ts'
import {validateFrontmatter} from '../pipeline/validate/index.ts'
import {parsed, projectRoot} from './helpers/project.ts'

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

describe('the READMEs’ YAML examples', () => {
  // Every ```yaml block of README.md and sources/README.md: a judgements file or a document's frontmatter, as an editor would copy it.
  const examples = ['README.md', 'sources/README.md'].flatMap((name) =>
    [...readFileSync(path.join(projectRoot, name), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/gu)].map((match, index) => ({name: `${name} #${index + 1}`, yaml: match[1]!}))
  )

  it('should exist', () => {
    expect(examples.length).toBeGreaterThan(0)
  })

  it.each(examples)('$name should parse and match its schema', ({yaml}) => {
    const frontmatter = /^id: /mu.test(yaml)
    const file = frontmatter
      ? parsed('example', `---\n${yaml.replace(/^id: .*$/mu, 'id: example')}---\n\nText.\n`)
      : parsed('example', '---\nid: example\n---\n', yaml).data.judgements!
    const valid = file.messages.length === 0 && validateFrontmatter(file, frontmatter ? 'source-document' : 'judgements')
    expect(file.messages.map(String)).toEqual([])
    expect(valid).toBe(true)
  })
})
