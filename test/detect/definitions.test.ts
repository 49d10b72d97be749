import {describe, expect, it} from 'vitest'
import {findDefinition} from '../../pipeline/detect/definitions.ts'
import {frontmatter, parsed} from '../helpers/project.ts'

const names = (body: string) => parsed('a', frontmatter('a') + body).data.blocks!.map((block) => findDefinition(block)?.name ?? null)

describe('findDefinition', () => {
  it('should take a bold lead-in, after an article too, but not bold later in the text', () => {
    expect(names('\n**Primary care networks** (PCNs) are groups.\n\n- a **partnership board**, representing all\n\nWe **must** act.\n')).toEqual(['Primary care networks', 'partnership board', null])
  })

  it('should take glossary entries (level 3 headings and deeper), not titles or sections', () => {
    expect(names('\n# Glossary\n\n## Parts of the system:\n\n### Provider collaborative\n')).toEqual([null, null, 'Provider collaborative'])
  })

  it('should take the subject of a "What is X?" question', () => {
    expect(names('\n## 4. What is a Primary Care Network?\n\n## 3. What is an Integrated Care Partnership (ICP)?\n\n## Why now?\n')).toEqual(['Primary Care Network', 'Integrated Care Partnership', null])
  })

  it('should take deeper headings as terms only in a document with a heading that names a glossary', () => {
    expect(names('\n# Who we are\n\n## Our strategy\n\n### Ambition 1: Starting well\n')).toEqual([null, null, null])
    expect(names('\n# About us\n\n## System working glossary for governors\n\n### Provider collaborative\n')).toEqual([null, null, 'Provider collaborative'])
  })
})
