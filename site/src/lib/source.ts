/**
 * A source document prepared for its page, from the text the pipeline wrote
 * (texts/<id>.json): each block with its line anchors, the spans that records
 * were taken from (to highlight and link), and the facts per block. Only text
 * is produced, never HTML: the page escapes everything.
 */
import type {TextNode, TextSpan, Words} from '../../../pipeline/extract/texts.ts'
import {datasetOf, datasets, documents, rowsOf, textOf} from './data.ts'
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
  /** Highlighted as evidence without a link: too short to press (its record is among the block's facts). */
  marked?: boolean
}

/** Fewest characters (white space aside) a highlight needs to be a link: a word of one or two is too small a target (WCAG 2.2 target size). */
const linkable = 3

export interface RenderedBlock {
  /** First line, and every other line the block spans (each gets an anchor), counted within the document's text. */
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
  | {type: 'table'; rows: RenderedBlock[][]}

interface Located {
  fact: Fact
  start: number
  end: number
}

/** Everything a source page shows, for document `id`. */
export function renderSource(id: string): SourceNode[] {
  const text = textOf(id)
  const facts = new Map<string, Fact | undefined>()
  // A record's fact, made once; undefined for the document's own record (its title), which is this page.
  const factFor = (span: TextSpan): Fact | undefined => {
    const key = `${span.dataset}\0${span.id}`
    if (!facts.has(key)) facts.set(key, span.dataset === 'documents' && span.id === id ? undefined : factOf(span.dataset, span.id))
    return facts.get(key)
  }
  const render = (words: Words) => renderBlock(words, words.spans.flatMap((span) => {
    const fact = factFor(span)
    return fact ? [{fact, start: span.start, end: span.end}] : []
  }))
  const toNode = (node: TextNode): SourceNode => {
    switch (node.type) {
      case 'heading':
        return {type: 'heading', depth: Math.min(node.depth + 1, 6), block: render(node)}
      case 'paragraph':
        return {type: 'paragraph', block: render(node)}
      case 'list':
        return {type: 'list', ordered: node.ordered, start: node.start ?? 1, items: node.items.map((item) => item.map(toNode))}
      case 'blockquote':
        return {type: 'blockquote', children: node.children.map(toNode)}
      case 'table':
        return {type: 'table', rows: node.rows.map((row) => row.map(render))}
    }
  }
  return text.blocks.map(toNode)
}

function renderBlock(words: Words, located: Located[]): RenderedBlock {
  const extraLines = Array.from({length: words.end_line - words.line}, (_, index) => words.line + index + 1)
  // Cut the text at every highlight boundary; each piece links to the shortest record covering it.
  const spans = located.filter((item) => item.end > item.start)
  const cuts = [...new Set([0, words.text.length, ...spans.flatMap((item) => [item.start, item.end])])].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let index = 0; index < cuts.length - 1; index++) {
    const [start, end] = [cuts[index]!, cuts[index + 1]!]
    const covering = spans.filter((item) => item.start <= start && end <= item.end).sort((a, b) => a.end - a.start - (b.end - b.start))
    const text = words.text.slice(start, end)
    const best = covering[0]
    // White space between two highlights stays plain: a link needs words.
    const size = text.trim().length
    segments.push(!best || size === 0 ? {text} : size < linkable ? {text, marked: true} : {text, href: best.fact.href, title: best.fact.label})
  }
  const facts = located.map((item) => item.fact).filter((fact, index, all) => all.findIndex((other) => other.href === fact.href && other.label === fact.label) === index)
  return {line: words.line, extraLines, segments, facts}
}

/** Records by dataset and id, indexed once per build. */
const recordIndex = new Map(datasets.map((dataset) => [dataset.name, new Map(rowsOf(dataset.name).map((record) => [String(record['id']), record]))]))

/** The fact a record states, for the text it was taken from; undefined when the release has no such record. */
function factOf(dataset: string, id: string): Fact | undefined {
  const record = recordIndex.get(dataset)?.get(id)
  if (!record) return undefined
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
        return String(record['name'])
      case 'term-relations':
        return `${String(record['subject'])} ${String(record['relation']).replace('-', ' ')} ${String(record['object'])}`
      case 'board-members':
        return `${String(record['member'])} on ${String(record['board_name'])}`
      default:
        return id
    }
  })()
  const others = (record['disagrees_with'] as string[] | undefined) ?? []
  const disagreements = others.flatMap((other) => {
    const row = recordIndex.get(dataset)?.get(other)
    if (!row) return []
    const title = documents.find((document) => document.id === row['document'])?.title ?? String(row['document'])
    return [{label: title, href: urls.source(String(row['document']), Number(row['line']))}]
  })
  return {dataset, id, label: `${datasetOf(dataset).title}: ${label}`, href: recordUrl(dataset, record), disagreements}
}
