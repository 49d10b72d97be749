import {describe, expect, it} from 'vitest'
import {textToMarkdown} from '../../pipeline/add-document/markdown.ts'
import {frontmatter, parsed} from '../helpers/project.ts'

/** The blocks a build sees in the markdown of `text`: type and plain text. */
const blocks = (text: string) => parsed('a', frontmatter('a') + textToMarkdown(text)).data.blocks!.map((block) => `${block.node.type === 'heading' ? `h${block.node.depth}` : block.node.type}: ${block.text}`)

describe('textToMarkdown', () => {
  it('should mark a short line standing alone as a heading, the first as the title', () => {
    expect(textToMarkdown('About us\n\nWe are a partnership.\n\nObjective 1: Improve outcomes\n\nMore text.\n')).toBe('# About us\n\nWe are a partnership.\n\n## Objective 1: Improve outcomes\n\nMore text.\n')
  })

  it('should mark bulleted and numbered lines as list items, with their continuation lines', () => {
    expect(blocks('We will:\n• do x\n• do y\n  and more\n1. first\n2) second')).toEqual(['paragraph: We will:', 'paragraph: do x', 'paragraph: do y and more', 'paragraph: first', 'paragraph: second'])
    expect(textToMarkdown('We will:\n• do x\n')).toBe('We will:\n\n- do x\n')
  })

  it('should keep the wording exactly: markdown characters in the text are escaped, never read as markup', () => {
    const text = 'Our vision is a_b *c* [d](e) <f> & g #h | i ~ j \\ k.\n2023. Was a year.\n> not a quote\n---'
    expect(blocks(text)).toEqual(['paragraph: Our vision is a_b *c* [d](e) <f> & g #h | i ~ j \\ k. 2023. Was a year. > not a quote ---'])
  })

  it('should keep a list item\'s text when it opens with a bullet of its own, never reading it as a rule or a nested list', () => {
    expect(blocks('Intro.\n\n- - -\n\n• - two\n\n* * *')).toEqual(['paragraph: Intro.', 'paragraph: - -', 'paragraph: - two', 'paragraph: * *'])
  })

  it('should not take a sentence, a long line or a bullet for a heading', () => {
    expect(blocks('We are a partnership.\n\nA line that goes on and on with many words in it, far more than any heading would ever hold\n\n• An item')).toEqual([
      'paragraph: We are a partnership.', 'paragraph: A line that goes on and on with many words in it, far more than any heading would ever hold', 'paragraph: An item'
    ])
  })
})
