import {describe, expect, it} from 'vitest'
import {build} from '../../pipeline/build.ts'
import {datasets} from '../../pipeline/datasets.ts'
import {documentText, type TextFile, type TextNode, type Words} from '../../pipeline/extract/texts.ts'
import {allMessagesOf, context, frontmatter, parsed, projectRoot} from '../helpers/project.ts'

const body = `
# Test document

Forty two primary care networks
across Kent and Medway.

> Quoted words.

3. First **step**
4. Second step
   - nested item

<div>raw html</div>

About 20% of staff work part time.
`

const judgements = `statistics:
  - {id: pcns, quote: Forty two primary care networks, label: Primary care networks, unit: primary care networks}
  - {id: part-time, quote: About 20% of staff work part time, label: Staff working part time, unit: proportion}
`

function textOf(text = body, judged = judgements): TextFile {
  const file = parsed('a', frontmatter('a') + text, judged)
  const records = Object.fromEntries(datasets.map((dataset) => [dataset.name, dataset.extract(file, context())]))
  expect(allMessagesOf(file)).toEqual([])
  const made = documentText(file, records)
  expect(made.name).toBe('texts/a.json')
  return JSON.parse(made.json) as TextFile
}

/** Every block with words, in document order. */
function words(nodes: readonly TextNode[]): Words[] {
  return nodes.flatMap((node): Words[] => {
    if (node.type === 'list') return node.items.flatMap((item) => words(item))
    if (node.type === 'blockquote') return words(node.children)
    if (node.type === 'table') return node.rows.flat()
    return [node]
  })
}

describe('texts', () => {
  it('should keep the document’s structure, with lines counted within its text', () => {
    const {document, blocks} = textOf()
    expect(document).toBe('a')
    expect(blocks.map((block) => block.type)).toEqual(['heading', 'paragraph', 'blockquote', 'list', 'paragraph'])
    expect(blocks[0]).toMatchObject({type: 'heading', depth: 1, line: 2, end_line: 2, text: 'Test document'})
    expect(blocks[1]).toMatchObject({type: 'paragraph', line: 4, end_line: 5, text: 'Forty two primary care networks across Kent and Medway.'})
    expect(blocks[2]).toMatchObject({type: 'blockquote', line: 7, end_line: 7, children: [{type: 'paragraph', line: 7, text: 'Quoted words.'}]})
    const list = blocks[3] as Extract<TextNode, {type: 'list'}>
    expect(list).toMatchObject({ordered: true, start: 3, line: 9, end_line: 11})
    expect(list.items.map((item) => item.map((node) => node.type))).toEqual([['paragraph'], ['paragraph', 'list']])
    expect(list.items[0]![0]).toMatchObject({text: 'First step', line: 9})
    expect(list.items[1]![1]).toMatchObject({type: 'list', ordered: false, start: null, items: [[{type: 'paragraph', text: 'nested item', line: 11}]]})
  })

  it('should give the span of the text each record was taken from', () => {
    const blocks = words(textOf().blocks)
    const spans = blocks.flatMap((block) => block.spans.map((span) => ({...span, text: block.text.slice(span.start, span.end), line: block.line})))
    expect(spans).toContainEqual({dataset: 'documents', id: 'a', start: 0, end: 13, text: 'Test document', line: 2})
    expect(spans).toContainEqual({dataset: 'statistics', id: 'pcns-a', start: 0, end: 31, text: 'Forty two primary care networks', line: 4})
    expect(spans).toContainEqual({dataset: 'statistics', id: 'part-time-a', start: 0, end: 33, text: 'About 20% of staff work part time', line: 15})
  })

  it('should list spans by start, the longer first, then by dataset and id', () => {
    const judged = `${judgements}timeline:
  - {id: z, quote: Forty two primary care networks across, event: Something, status: happened, when: document}
  - {id: b, quote: Forty two primary care networks, event: Something else, status: happened, when: document}
`
    const [, paragraph] = words(textOf(body, judged).blocks)
    expect(paragraph!.spans.map((span) => `${span.dataset}/${span.id} ${span.start}-${span.end}`)).toEqual(['timeline/z-a 0-38', 'statistics/pcns-a 0-31', 'timeline/b-a 0-31'])
  })

  it('should write the same bytes for the same document, as JSON with a final newline', () => {
    const file = () => parsed('a', frontmatter('a') + body, judgements)
    const make = () => {
      const document = file()
      return documentText(document, Object.fromEntries(datasets.map((dataset) => [dataset.name, dataset.extract(document, context())]))).json
    }
    const json = make()
    expect(make()).toBe(json)
    expect(json.endsWith('}\n')).toBe(true)
    expect(json).toContain('\n        {"dataset": "statistics", "id": "pcns-a", "start": 0, "end": 31}')
  })

  it('should give every record of the real sources the span of its quote in its document’s text', async () => {
    const result = await build({root: projectRoot, out: null})
    expect(result.ok).toBe(true)
    const texts = new Map([...result.outputs].filter(([name]) => name.startsWith('texts/')).map(([name, json]) => [name, JSON.parse(String(json)) as TextFile]))
    expect(texts.size).toBe(result.datasets.find((dataset) => dataset.name === 'documents')!.records.length)
    const problems: string[] = []
    for (const dataset of result.datasets) {
      for (const record of dataset.records as unknown as Array<{id: string; document: string; line: number; quote: string}>) {
        const text = texts.get(`texts/${record.document}.json`)
        const found = text && words(text.blocks).find((block) => block.spans.some((span) => span.dataset === dataset.name && span.id === record.id))
        const span = found?.spans.find((candidate) => candidate.dataset === dataset.name && candidate.id === record.id)
        if (!found || !span || found.text.slice(span.start, span.end) !== record.quote || record.line < found.line || record.line > found.end_line) problems.push(`${dataset.name}/${record.id}`)
      }
    }
    expect(problems).toEqual([])
  })
})
