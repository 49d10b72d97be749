/**
 * The plain text of a document: markdown syntax gone, ordered-list numbers
 * kept (they are the document's own words, e.g. "1. Improve outcomes"), one
 * block per line. Used to prove a source keeps its original's wording.
 */
import type {List, Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'

export function plainText(tree: Root): string {
  const lines: string[] = []
  walk(tree, '')
  return lines.join('\n')

  function walk(node: Nodes, prefix: string): void {
    if (node.type === 'yaml' || node.type === 'html') return
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      lines.push(prefix + toString(node, {includeImageAlt: false, includeHtml: false}))
      return
    }
    if (node.type === 'list') {
      walkList(node)
      return
    }
    if ('children' in node) for (const child of node.children) walk(child, '')
  }

  function walkList(list: List): void {
    list.children.forEach((item, index) => {
      // Only the item's first block carries its number.
      const number = list.ordered ? `${(list.start ?? 1) + index}. ` : ''
      item.children.forEach((child, childIndex) => walk(child, childIndex === 0 ? number : ''))
    })
  }
}
