/**
 * `npm run data`: build the datasets, print every diagnostic (with its fix),
 * then a summary. Exits 1 on any error; dist-data/ is then left exactly as it
 * was. Parts of unchanged documents are kept in `.cache/` between runs
 * (./incremental/); `--no-cache` builds every document afresh. Every frozen
 * release is checked against its SHA256SUMS first (./release/frozen.ts).
 *
 * `main` is exported so tests can run the command in process; run as a
 * script, it sets the exit status.
 */
import {reporter} from 'vfile-reporter'
import {build, type BuildResult} from './build.ts'
import {openPartCache} from './incremental/index.ts'
import {hasErrors} from './messages.ts'
import {checkReleases} from './release/frozen.ts'

export interface Io {
  /** Receives each line of the summary (default: `console.log`). */
  out: (line: string) => void
  /** Receives the report and each line of a failure (default: `console.error`). */
  err: (line: string) => void
}

export interface CliOptions {
  /** Project root (default: `process.cwd()`). */
  root?: string
  /** Command-line arguments (default: `process.argv.slice(2)`). */
  args?: readonly string[]
  io?: Io
}

/** Build as `npm run data` does; resolves to the exit status and the build's result. */
export async function main(options: CliOptions = {}): Promise<{code: number; result: BuildResult}> {
  const io = options.io ?? {out: (line) => console.log(line), err: (line) => console.error(line)}
  const root = options.root ?? process.cwd()
  const args = options.args ?? process.argv.slice(2)
  const started = performance.now()
  // A release is frozen: one changed since it was cut fails the build before anything is written.
  const frozen = checkReleases(root)
  if (hasErrors(frozen)) {
    io.err(reporter(frozen, {quiet: true, verbose: true}))
    io.err('\nBuild failed: a release was changed; nothing written.')
    return {code: 1, result: {files: frozen, documents: [], datasets: [], outputs: new Map(), ok: false}}
  }
  const parts = args.includes('--no-cache') ? undefined : openPartCache(root)
  const result = await build({root, parts})
  // Only a build that read every document knows which entries are still wanted.
  if (result.ok) parts?.close()
  const report = reporter(result.files, {quiet: true, verbose: true})
  if (report) io.err(report)

  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  const warnings = result.files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal !== true).length, 0)
  if (!result.ok) {
    io.err(`\nBuild failed: nothing written; dist-data/ is unchanged (${seconds} s).`)
    return {code: 1, result}
  }
  const width = Math.max(...result.datasets.map((dataset) => dataset.name.length))
  io.out(`Built ${result.datasets.length} datasets from ${result.documents.length} documents into dist-data/draft/:`)
  for (const dataset of result.datasets) io.out(`  ${dataset.name.padEnd(width)}  ${String(dataset.records.length).padStart(4)} rows`)
  io.out(`${result.datasets.reduce((sum, dataset) => sum + dataset.records.length, 0)} rows, ${warnings} warnings, ${seconds} s`)
  return {code: 0, result}
}

if (import.meta.main) process.exitCode = (await main()).code
