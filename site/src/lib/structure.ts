/**
 * The structure of the system as the documents state it: the `part-of`
 * relations between terms, as a tree from the outermost level in. A body that
 * contains others is a level (drawn as a box); one that contains none is listed
 * inside its level.
 */
import {relations, terms} from './data.ts'

export interface Node {
  id: string
  name: string
  /** Where a document says it sits inside its parent. */
  evidence: Array<{document: string; line: number}>
  /** Parts that contain others in turn. */
  levels: Node[]
  /** Parts that contain nothing further. */
  bodies: Node[]
}

/** Outermost bodies on one page of the structure: each is a tree of its own, drawn twice (diagram and list). */
export const treesPerPage = 10

export function structureTree(): Node[] {
  const partOf = relations.filter((relation) => relation.relation === 'part-of')
  const nameOf = (id: string) => terms.find((term) => term.id === id)?.name ?? id
  const partsOf = (id: string) => [...new Set(partOf.filter((relation) => relation.object === id).map((relation) => relation.subject))].sort()
  const build = (id: string, parent: string | undefined, seen: Set<string>): Node => {
    const parts = partsOf(id).filter((part) => !seen.has(part)).map((part) => build(part, id, new Set([...seen, part])))
    const evidence = partOf.filter((relation) => relation.subject === id && relation.object === parent)
    return {
      id,
      name: nameOf(id),
      evidence: evidence.map((relation) => ({document: relation.document, line: relation.line})),
      levels: parts.filter((part) => part.levels.length + part.bodies.length > 0),
      bodies: parts.filter((part) => part.levels.length + part.bodies.length === 0)
    }
  }
  const subjects = new Set(partOf.map((relation) => relation.subject))
  const roots = [...new Set(partOf.map((relation) => relation.object))].filter((id) => !subjects.has(id)).sort()
  return roots.map((root) => build(root, undefined, new Set([root])))
}
