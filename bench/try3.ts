import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
const p = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])
const [name, dText] = process.argv.slice(2)
const d = Number(dText)
const texts: Record<string, () => string> = {
  quote: () => '>'.repeat(d) + ' deep\n',
  quotelines: () => Array.from({length: d}, (_, i) => '>'.repeat(i + 1) + ' x').join('\n'),
  list: () => Array.from({length: d}, (_, i) => '  '.repeat(i) + '- x').join('\n'),
  listmarkers: () => '- '.repeat(d) + 'x\n',
  emph: () => '*'.repeat(d) + 'x' + '*'.repeat(d),
  flat: () => Array.from({length: d}, () => '- x').join('\n'),
}
const text = texts[name!]!()
const t = performance.now()
const tree = p.parse(text)
let depth = 0
const walk = (n: any, k: number): void => { depth = Math.max(depth, k); for (const c of n.children ?? []) walk(c, k + 1) }
try { walk(tree, 0) } catch { depth = -1 }
console.log(name, d, text.length, 'bytes, depth', depth, (performance.now() - t).toFixed(0), 'ms')
