/**
 * A source document prepared for its page: the markdown parsed by the
 * pipeline's own parser, each block with its line anchors, the spans that
 * records were taken from (to highlight and link), and the facts per block.
 * Only text is produced, never HTML: the page escapes everything.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Nodes, Root} from 'mdast'
import {lineStartsOf, pointAt, type TextBlock} from '../../../pipeline/locate/index.ts'
import {parseSource} from '../../../pipeline/parse/index.ts'
import {toVFile} from '../../../pipeline/read/index.ts'
import type {Provenance} from '../../../pipeline/types.ts'
import {datapackage, documents, rowsOf} from './data.ts'
import {formatFigure} from './format.ts'
import {recordUrl, urls} from './urls.ts'

export interface Fact {
  dataset: string
  id: string
  label: string
  href: string
  /** Where another document says otherwise. */
  disagreements: Array<{label: string; href: string}>
}

export interface Segment {
  text: string
  /** The most specific record this span is evidence for. */
  href?: string
  title?: string
}

export interface RenderedBlock {
  /** First source line, and every other line the block spans (each gets an anchor). */
  line: number
  extraLines: number[]
  segments: Segment[]
  facts: Fact[]
}

export type SourceNode =
  | {type: 'heading'; depth: number; block: RenderedBlock}
  | {type: 'paragraph'; block: RenderedBlock}
  | {type: 'list'; ordered: boolean; start: number; items: SourceNode[][]}
  | {type: 'blockquote'; children: SourceNode[]}

interface Located {
  fact: Fact
  start: number
  end: number
}

/** Everything a source page shows, for document `id`. */
export function renderSource(id: string): SourceNode[] {
  const document = documents.find((candidate) => candidate.id === id)
  if (!document) throw new Error(`Missing document \`${id}\``)
  const file = toVFile(document.path, readFileSync(path.resolve(document.path)))
  if (!parseSource(file)) throw new Error(`Cannot parse ${document.path}`)
  const source = String(file.value)
  const lineStarts = lineStartsOf(source)
  const blocks = file.data.blocks ?? []
  const placed = new Map<TextBlock, Located[]>()

  for (const {dataset, record} of recordsOf(id)) {
    const offset = (lineStarts[record.line - 1] ?? 0) + record.column - 1
    const block = blocks.find((candidate) => candidate.offsets.includes(offset))
    if (!block) continue
    const start = block.offsets.indexOf(offset)
    const found = block.text.slice(start, start + record.quote.length) === record.quote
    const list = placed.get(block) ?? []
    list.push({fact: factOf(dataset, record), start, end: found ? start + record.quote.length : start})
    placed.set(block, list)
  }

  const byNode = new Map(blocks.map((block) => [block.node as Nodes, block]))
  return children(file.data.tree as Root)

  function children(parent: {children: Nodes[]}): SourceNode[] {
    return parent.children.flatMap((node) => toNode(node))
  }

  function toNode(node: Nodes): SourceNode[] {
    if (node.type === 'heading' || node.type === 'paragraph') {
      const block = byNode.get(node)
      if (!block) return []
      const rendered = renderBlock(block, placed.get(block) ?? [], source, lineStarts)
      return [node.type === 'heading' ? {type: 'heading', depth: Math.min(node.depth + 1, 6), block: rendered} : {type: 'paragraph', block: rendered}]
    }
    if (node.type === 'list') return [{type: 'list', ordered: node.ordered === true, start: node.start ?? 1, items: node.children.map((item) => children(item))}]
    if (node.type === 'blockquote') return [{type: 'blockquote', children: children(node)}]
    return []
  }
}

function renderBlock(block: TextBlock, located: Located[], source: string, lineStarts: number[]): RenderedBlock {
  const first = pointAt(source, block.node.position?.start.offset ?? 0, lineStarts).line
  const last = pointAt(source, block.node.position?.end.offset ?? 0, lineStarts).line
  const extraLines = Array.from({length: last - first}, (_, index) => first + index + 1)
  // Cut the text at every highlight boundary; each piece links to the shortest record covering it.
  const spans = located.filter((item) => item.end > item.start)
  const cuts = [...new Set([0, block.text.length, ...spans.flatMap((item) => [item.start, item.end])])].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let index = 0; index < cuts.length - 1; index++) {
    const [start, end] = [cuts[index]!, cuts[index + 1]!]
    const covering = spans.filter((item) => item.start <= start && end <= item.end).sort((a, b) => a.end - a.start - (b.end - b.start))
    const text = block.text.slice(start, end)
    const best = covering[0]
    // White space between two highlights stays plain: a link needs words.
    segments.push(best && text.trim() !== '' ? {text, href: best.fact.href, title: best.fact.label} : {text})
  }
  const facts = located.map((item) => item.fact).filter((fact, index, all) => all.findIndex((other) => other.href === fact.href && other.label === fact.label) === index)
  return {line: first, extraLines, segments, facts}
}

/** Every record of every dataset whose evidence is in document `id`, documents themselves aside. */
function recordsOf(id: string): Array<{dataset: string; record: Provenance & Record<string, unknown>}> {
  return datapackage.resources
    .filter((resource) => resource.name !== 'documents')
    .flatMap((resource) => rowsOf(resource.name).map((record) => ({dataset: resource.name, record: record as Provenance & Record<string, unknown>})))
    .filter(({record}) => record.document === id)
}

const datasetNames: Record<string, string> = {
  terms: 'Term',
  'term-definitions': 'Definition',
  'term-relations': 'Relation',
  organisations: 'Organisation',
  'board-members': 'Board member',
  statistics: 'Statistic',
  timeline: 'Event'
}

function factOf(dataset: string, record: Record<string, unknown>): Fact {
  const label = (() => {
    switch (dataset) {
      case 'statistics':
        return `${String(record['label'])}: ${formatFigure(record as never)}`
      case 'timeline':
        return String(record['event'])
      case 'terms':
      case 'organisations':
        return String(record['name'])
      case 'term-definitions':
        return `definition of ${String(record['name'])}`
      case 'term-relations':
        return `${String(record['subject'])} ${String(record['relation']).replace('-', ' ')} ${String(record['object'])}`
      case 'board-members':
        return `${String(record['member'])} on ${String(record['board_name'])}`
      default:
        return String(record['id'])
    }
  })()
  const others = (record['disagrees_with'] as string[] | undefined) ?? []
  const disagreements = others.flatMap((other) => {
    const row = rowsOf(dataset).find((candidate) => candidate['id'] === other)
    if (!row) return []
    const title = documents.find((document) => document.id === row['document'])?.title ?? String(row['document'])
    return [{label: title, href: urls.source(String(row['document']), Number(row['line']))}]
  })
  return {dataset, id: String(record['id']), label: `${datasetNames[dataset] ?? dataset}: ${label}`, href: recordUrl(dataset, record), disagreements}
}
