/**
 * `npm run data`: build the datasets, print every diagnostic, then a summary.
 * Exits 1 on any error; dist-data/ is then left exactly as it was.
 */
import {reporter} from 'vfile-reporter'
import {build} from './build.ts'

const started = performance.now()
const result = await build()
const report = reporter(result.files, {quiet: true})
if (report) console.error(report)

const seconds = ((performance.now() - started) / 1000).toFixed(2)
const warnings = result.files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal !== true).length, 0)
if (!result.ok) {
  console.error(`\nBuild failed: nothing written; dist-data/ is unchanged (${seconds} s).`)
  process.exitCode = 1
} else {
  const width = Math.max(...result.datasets.map((dataset) => dataset.name.length))
  console.log(`Built ${result.datasets.length} datasets from ${result.documents.length} documents into dist-data/draft/:`)
  for (const dataset of result.datasets) console.log(`  ${dataset.name.padEnd(width)}  ${String(dataset.records.length).padStart(4)} rows`)
  console.log(`${result.datasets.reduce((sum, dataset) => sum + dataset.records.length, 0)} rows, ${warnings} warnings, ${result.outputs.size} files, ${seconds} s`)
}
