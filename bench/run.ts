/**
 * One measurement, in a process of its own so its peak memory is its own:
 *
 *   node bench/run.ts pipeline <root> <runs> [cache|cold]   build({root}) `runs` times (writes dist-data/): without the
 *                                                          cache, with it, or with it emptied before each run (a cold `npm run data`)
 *   node bench/run.ts parse <root> <runs> [frontmatter]   remark-parse alone (or with remark-frontmatter, as the pipeline uses it) over the same files
 *   node bench/run.ts fresh <root>                        what a build without the cache writes, each file's SHA-256 by name (no timing):
 *                                                          in a process of its own, so its heap never competes with a measurement
 *
 * Prints one line of JSON: the median wall time in milliseconds (module
 * loading excluded), the processor time per run of all its threads, and the
 * process's peak resident memory in MB.
 */
import {readdir, readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {build} from '../pipeline/build.ts'
import {freshSnapshot} from '../test/helpers/project.ts'
import {digests} from './digests.ts'

const [mode, root, runsText, option] = process.argv.slice(2)
const runs = Number(runsText ?? 1)
if (!root || !Number.isInteger(runs) || runs < 1) throw new Error('Usage: node bench/run.ts pipeline|parse <root> <runs> [cache]')

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function time(action: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now()
  await action()
  return performance.now() - started
}

const result: Record<string, unknown> = {}
const cpuBefore = process.resourceUsage()
if (mode === 'pipeline') {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    if (option === 'cold') await rm(path.join(root, '.cache'), {recursive: true, force: true})
    times.push(
      await time(async () => {
        const built = await build({root, cache: option === 'cache' || option === 'cold', retain: false})
        if (!built.ok) throw new Error(`The corpus at ${root} did not build`)
        result['cache'] = built.cache
        result['release'] = built.release
        result['rows'] = built.datasets.reduce((sum, dataset) => sum + dataset.records.length, 0)
      })
    )
  }
  result['ms'] = median(times)
} else if (mode === 'parse') {
  const folder = path.join(root, 'sources/documents')
  const texts = await Promise.all((await readdir(folder)).sort().map(async (name) => readFile(path.join(folder, name), 'utf8')))
  const processor = option === 'frontmatter' ? unified().use(remarkParse).use(remarkFrontmatter, ['yaml']) : unified().use(remarkParse)
  const times: number[] = []
  for (let run = 0; run < runs; run++) times.push(await time(() => texts.forEach((text) => processor.parse(text))))
  result['ms'] = median(times)
} else if (mode === 'fresh') {
  result['files'] = digests(await freshSnapshot(root))
} else {
  throw new Error(`Unknown mode \`${mode}\``)
}
const usage = process.resourceUsage()
// Processor time of every thread of the process, per run.
result['cpuMs'] = Math.round((usage.userCPUTime + usage.systemCPUTime - cpuBefore.userCPUTime - cpuBefore.systemCPUTime) / 1000 / runs)
result['maxRssMb'] = Math.round(usage.maxRSS / 1024)
console.log(JSON.stringify(result))
