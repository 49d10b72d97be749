/**
 * One measurement, in a process of its own so its peak memory is its own:
 *
 *   node bench/run.ts floor <root>                 the honest floor: read every document and judgements file, parse each
 *                                                  document with remark-parse and remark-frontmatter, and parse its
 *                                                  frontmatter and its judgements file with yaml as the pipeline does
 *   node bench/run.ts build <root> [--no-cache]    `npm run data` (pipeline/cli.ts's main) in this process, output silenced
 *   node bench/run.ts fresh <root>                 what a build without the cache writes, each file's SHA-256 by name
 *                                                  (no timing), to compare a cached build's release with
 *
 * Prints one line of JSON: `loadMs`, the time from the process's start until
 * its static imports were loaded (the pipeline's own modules are loaded after,
 * and only by the modes that run it); `ms`, the measured work, the pipeline's
 * modules loading included; and the processor time and peak resident memory
 * of the whole process.
 */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {Yaml} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {LineCounter, parseDocument} from 'yaml'

const loadMs = performance.now()
const [mode, root, option] = process.argv.slice(2)
if (!root) throw new Error('Usage: node bench/run.ts floor|build|fresh <root> [--no-cache]')

const result: Record<string, unknown> = {loadMs: Math.round(loadMs)}
const started = performance.now()
if (mode === 'floor') {
  result['documents'] = floor(root)
} else if (mode === 'build') {
  // Loaded here, not above: the floor's process loads only what it uses.
  const {main} = await import('../pipeline/cli.ts')
  const silent = () => {}
  const {code, result: built} = await main({root, args: option ? [option] : [], io: {out: silent, err: silent}})
  if (code !== 0) throw new Error(`The corpus at ${root} did not build`)
  result['rows'] = built.datasets.reduce((sum, dataset) => sum + dataset.records.length, 0)
} else if (mode === 'fresh') {
  const {build} = await import('../pipeline/build.ts')
  const fresh = await build({root, out: null})
  if (!fresh.ok) throw new Error(`${root} did not build`)
  result['files'] = Object.fromEntries([...fresh.outputs].map(([name, text]) => [name, createHash('sha256').update(text).digest('hex')]))
} else {
  throw new Error(`Unknown mode \`${mode}\``)
}
result['ms'] = Math.round(performance.now() - started)
const usage = process.resourceUsage()
result['cpuMs'] = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)
result['maxRssMb'] = Math.round(usage.maxRSS / 1024)
console.log(JSON.stringify(result))

/**
 * What any build of these sources must do, and no more: each file read and
 * decoded, each document parsed to mdast with its frontmatter as a `yaml`
 * node, the frontmatter's YAML and the judgements file parsed as
 * pipeline/parse/index.ts parses them (a yaml Document with positions,
 * duplicate keys refused, then plain data). One document at a time, as the
 * pipeline goes, nothing kept.
 */
function floor(root: string): number {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])
  const yaml = (text: string) => parseDocument(text, {lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true}).toJS()
  const names = readdirSync(path.join(root, 'sources/documents')).filter((name) => name.endsWith('.md')).sort()
  for (const name of names) {
    const text = readFileSync(path.join(root, 'sources/documents', name), 'utf8')
    const tree = processor.parse(text)
    const head = tree.children[0]
    if (head?.type === 'yaml') yaml((head as Yaml).value)
    let judgements: string
    try {
      judgements = readFileSync(path.join(root, 'sources/judgements', `${name.slice(0, -3)}.yml`), 'utf8')
    } catch {
      continue
    }
    yaml(judgements)
  }
  return names.length
}
