/**
 * Terms a text defines without any markup of ours: a bold lead-in
 * ("**Primary care networks** (PCNs) are …"), a heading in a glossary section
 * ("### Provider collaborative"), or a question ("What is a Primary Care Network?").
 * A deeper heading is a glossary's entry only in a document with a heading that
 * names a glossary; elsewhere ("### Ambition 1: Starting well") it is a section.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {TextBlock} from '../locate/index.ts'

export interface DefinitionMatch {
  start: number
  end: number
  /** The term as written. */
  name: string
}

const question = /^(?:\d+\.\s*)?What (?:is|are) (?:an? |the )?(.+?)\s*\?$/iu

/** The term a block defines, if it is one of the obvious forms. */
export function findDefinition(block: TextBlock): DefinitionMatch | undefined {
  if (block.node.type === 'heading') {
    const asked = question.exec(block.text)
    if (asked) {
      // "What is an Integrated Care Partnership (ICP)?" asks about the name, not its abbreviation.
      const name = asked[1]!.replace(/\s*\([^)]*\)$/u, '')
      const start = block.text.indexOf(name)
      return {start, end: start + name.length, name}
    }
    // Deeper headings are a glossary's entries; the title and section headings are not.
    if (block.node.depth >= 3 && hasGlossary(block.ancestors[0] as Root | undefined)) return {start: 0, end: block.text.length, name: block.text}
    return undefined
  }
  const [start, end] = block.strong[0] ?? []
  if (start === undefined || end === undefined) return undefined
  // A bold lead-in opens the block (an article may come first).
  if (!/^(?:(?:a|an|the)\s+)?$/iu.test(block.text.slice(0, start))) return undefined
  return {start, end, name: block.text.slice(start, end)}
}

const glossaries = new WeakMap<Root, boolean>()
const glossary = /\b(?:glossary|jargon|definitions|terms|abbreviations|a-z|a to z)\b/iu

/** Whether a document has a heading that names a glossary ("Glossary of terms", "System working glossary"). */
function hasGlossary(root: Root | undefined): boolean {
  if (!root || root.type !== 'root') return false
  let known = glossaries.get(root)
  if (known === undefined) {
    known = root.children.some((node) => node.type === 'heading' && node.depth <= 2 && glossary.test(toString(node)))
    glossaries.set(root, known)
  }
  return known
}
