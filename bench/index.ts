/**
 * `npm run bench`: the pipeline against the targets of issue 9 (section 5),
 * on synthetic corpora (bench/corpus.ts), every figure a whole process timed
 * from start to exit:
 *
 * - a cold build ≤ 1.3 × the honest floor (bench/run.ts `floor`: reading the
 *   files, remark-parse with remark-frontmatter, and the YAML of every
 *   frontmatter and judgements file parsed as the pipeline parses it);
 * - peak memory (the process's maximum resident set) < 600 MB at 5,000
 *   documents on every path: `--no-cache`, a cold `npm run data` filling the
 *   cache, a rebuild with nothing changed, a rebuild after one edit;
 * - 5,000 documents ≤ 5 × the time of 1,000;
 * - after editing one document of 1,000, a rebuild ≤ 15 % of a cold build.
 *
 * The pipeline runs as `npm run data` runs it (`node pipeline/cli.ts`, with
 * any Node options package.json gives it), bench/usage.ts preloaded to note
 * its processor time and peak memory. After every cached
 * build the bench checks that dist-data/ is byte for byte what a build
 * without the cache makes. Then the site build at scale (bench/site.ts).
 * Writes bench/results.md after a full run.
 *
 *   npm run bench                     everything (some eight minutes on two idle cores)
 *   npm run bench -- --quick          100 and 1,000 documents and the rebuilds, no site (about two minutes)
 *   npm run bench -- --sizes=100,1000 some sizes (the rebuilds when 1,000 is one of them)
 *   npm run bench -- --no-site        leave the site build out
 *   npm run bench -- --site           the site build alone
 *
 * Anything but a full run prints its figures and leaves bench/results.md alone.
 */
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cp, mkdtemp, readdir, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import {documentFile, judgementsFile, projectRoot, realDocuments, syntheticDocument, writeCorpus, writeDocument} from './corpus.ts'
import {defaultSiteDocuments, measureSite, recordPageTarget, siteSection, siteSummary, siteTargetRows, type SiteMeasure} from './site.ts'

const argument = (name: string) => process.argv.find((value) => value.startsWith(`--${name}=`))?.slice(name.length + 3)
const flag = (name: string) => process.argv.includes(`--${name}`)
const fullSizes = [100, 1000, 5000]
const sizes = argument('sizes')?.split(',').map(Number) ?? (flag('quick') ? [100, 1000] : flag('site') ? [] : fullSizes)
const runSite = flag('site') || (!flag('quick') && !flag('no-site') && !argument('sizes'))
const full = sizes.join() === fullSizes.join() && runSite
const rebuildSize = 1000
const targets = {floor: 1.3, memoryMb: 600, memorySize: 5000, growth: 5, rebuild: 0.15}
/** Written by hand from profiles taken beside the bench (bench/notes.md): where the time and the memory go. */
const notes = (await readFile(path.join(projectRoot, 'bench/notes.md'), 'utf8')).trimEnd().split('\n')

/** One whole process: wall time from the parent, processor time and peak memory from the process itself. */
interface Measure {
  ms: number
  cpuMs: number
  maxRssMb: number
}

const node = process.execPath
const work = await mkdtemp(path.join(os.tmpdir(), 'icb-open-data-bench-'))
// The code measured is a copy taken now, so that edits to the project during a run never mix into it.
const codeCopy = path.join(work, 'code')
for (const entry of ['package.json', 'pipeline', 'schema', 'bench/run.ts', 'bench/usage.ts']) await cp(path.join(projectRoot, entry), path.join(codeCopy, entry), {recursive: true})
await symlink(path.join(projectRoot, 'node_modules'), path.join(codeCopy, 'node_modules'))
const usage = path.join(codeCopy, 'bench/usage.ts')
const runner = path.join(codeCopy, 'bench/run.ts')
/** What `npm run data` runs after `node` (its Node options included), paths in the copy: `pipeline/cli.ts` and any flags. */
const dataCommand = await (async () => {
  const script = (JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as {scripts: Record<string, string>}).scripts['data'] ?? ''
  const words = script.trim().split(/\s+/)
  if (words[0] !== 'node' || !words.includes('pipeline/cli.ts')) throw new Error(`Unexpected \`npm run data\` script \`${script}\`, expected \`node [options] pipeline/cli.ts\``)
  return words.slice(1).map((word) => (word === 'pipeline/cli.ts' ? path.join(codeCopy, word) : word))
})()
const log = (line: string) => console.log(line)
const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1)

/** Run `node args…` in `cwd`, timed from spawn to exit; fails with the end of its output if it fails. */
async function timed(cwd: string, args: string[]): Promise<Measure & {stdout: string}> {
  const usageFile = path.join(work, `usage-${process.pid}.json`)
  await rm(usageFile, {force: true})
  const started = performance.now()
  const {code, stdout, stderr} = await new Promise<{code: number | null; stdout: string; stderr: string}>((resolve, reject) => {
    const child = spawn(node, ['--import', usage, ...args], {cwd, env: {...process.env, BENCH_USAGE: usageFile}, stdio: ['ignore', 'pipe', 'pipe']})
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString('utf8')).slice(-8000)))
    child.on('error', reject)
    child.on('close', (exit) => resolve({code: exit, stdout: out, stderr: err}))
  })
  const ms = performance.now() - started
  loads.push(os.loadavg()[0]!)
  if (code !== 0) throw new Error(`\`node ${args.map((arg) => path.relative(work, arg)).join(' ')}\` in ${cwd} exited with ${code}:\n${stderr}${stdout.slice(-2000)}`)
  const {cpuMs, maxRssMb} = JSON.parse(await readFile(usageFile, 'utf8')) as {cpuMs: number; maxRssMb: number}
  return {ms, cpuMs, maxRssMb, stdout}
}

/** `npm run data` in `root`: cold (the cache emptied first), with the cache as it is, or `--no-cache`. */
async function pipeline(root: string, mode: 'cold' | 'cached' | 'no-cache'): Promise<Measure & {rows: number}> {
  if (mode === 'cold') await rm(path.join(root, '.cache'), {recursive: true, force: true})
  const {stdout, ...measure} = await timed(root, [...dataCommand, ...(mode === 'no-cache' ? ['--no-cache'] : [])])
  const rows = /^(\d+) rows, \d+ warnings/m.exec(stdout)
  if (!rows) throw new Error(`Unexpected output of the pipeline in ${root}:\n${stdout}`)
  return {...measure, rows: Number(rows[1])}
}

const floor = (root: string) => timed(root, [runner, 'floor', root])

/** Each output file's SHA-256 as a build without the cache makes them, in a process of its own. */
async function fresh(root: string): Promise<Record<string, string>> {
  const {stdout} = await timed(root, [runner, 'fresh', root])
  return (JSON.parse(stdout.trim().split('\n').at(-1)!) as {files: Record<string, string>}).files
}

/** Whether dist-data/draft/ in `root` is byte for byte what a build without the cache makes. */
async function identical(root: string): Promise<boolean> {
  const folder = path.join(root, 'dist-data/draft')
  const written: Record<string, string> = {}
  for (const entry of await readdir(folder, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    written[path.relative(folder, full)] = createHash('sha256').update(await readFile(full)).digest('hex')
  }
  return isDeepStrictEqual(written, await fresh(root))
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2
}

/** The median of each field over runs. */
function medianOf(runs: readonly Measure[]): Measure {
  return {ms: median(runs.map((run) => run.ms)), cpuMs: median(runs.map((run) => run.cpuMs)), maxRssMb: Math.max(...runs.map((run) => run.maxRssMb))}
}

interface Row {
  size: number
  megabytes: number
  rows: number
  floor: Measure
  cold: Measure
  noCache: Measure
  cached: Measure
  edited?: Measure
}

interface Edit {
  name: string
  measure: Measure
  identical: boolean
}

/** The 1-minute load average after each process: above 1, something else ran beside the measured process. */
const loads: number[] = [os.loadavg()[0]!]
const real = await realDocuments()
const rows: Row[] = []
let edits: Edit[] = []
let unchangedIdentical: boolean | undefined
try {
  for (const size of sizes) {
    const root = path.join(work, String(size))
    const megabytes = (await writeCorpus(root, size, real)) / 1024 / 1024
    const runs = size <= 1000 ? 3 : 1
    const measured = {floor: [] as Measure[], cold: [] as Measure[], noCache: [] as Measure[]}
    // Interleaved, so a slower spell of a shared machine falls on all three alike.
    for (let run = 0; run < runs; run++) {
      measured.floor.push(await floor(root))
      measured.noCache.push(await pipeline(root, 'no-cache'))
      measured.cold.push(await pipeline(root, 'cold'))
    }
    const warm = [await pipeline(root, 'cached'), await pipeline(root, 'cached'), await pipeline(root, 'cached')]
    const cached = medianOf(warm)
    const row: Row = {size, megabytes, rows: warm[0]!.rows, floor: medianOf(measured.floor), cold: medianOf(measured.cold), noCache: medianOf(measured.noCache), cached}
    log(
      `${size} documents (${megabytes.toFixed(1)} MB): floor ${seconds(row.floor.ms)} s; --no-cache ${seconds(row.noCache.ms)} s, ${row.noCache.maxRssMb} MB; ` +
        `cold ${seconds(row.cold.ms)} s, ${row.cold.maxRssMb} MB; nothing changed ${seconds(cached.ms)} s, ${cached.maxRssMb} MB`
    )
    if (size === rebuildSize) {
      unchangedIdentical = await identical(root)
      edits = await rebuilds(root)
      for (const edit of edits) log(`  ${edit.name}: ${seconds(edit.measure.ms)} s, ${edit.measure.maxRssMb} MB, identical to a build without the cache: ${edit.identical}`)
    } else if (size === targets.memorySize) {
      // One edit, for the peak memory of a rebuild at this size.
      await edit(root, 'label')
      row.edited = await pipeline(root, 'cached')
    }
    rows.push(row)
    await rm(root, {recursive: true, force: true})
  }

  let site: SiteMeasure | string | undefined
  if (runSite) {
    // The site is not the pipeline: if it cannot be built, say so and keep the pipeline's figures.
    site = await measureSite(defaultSiteDocuments, real).catch((error: Error) => {
      const lines = error.message.split('\n')
      return `the site build failed: ${lines[0]} ${lines.find((line, index) => index > 0 && /error|ENOENT/i.test(line))?.trim() ?? ''}`.trim()
    })
    log(typeof site === 'string' ? site : siteSummary(site))
  }

  const table = report(site)
  log('')
  log(table.summary.join('\n'))
  if (full) {
    await writeFile(path.join(projectRoot, 'bench/results.md'), table.markdown)
    log('\nWrote bench/results.md')
  }
} finally {
  await rm(work, {recursive: true, force: true})
}

/** One document of the corpus edited as an editor would; returns what undoes the edit. */
async function edit(root: string, kind: 'label' | 'figures' | 'lines'): Promise<() => Promise<void>> {
  const document = syntheticDocument(real, kind === 'label' ? 4 : kind === 'figures' ? 7 : 12)
  const files = [documentFile(root, document.id), judgementsFile(root, document.id)]
  const before = await Promise.all(files.map((file) => readFile(file, 'utf8')))
  const undo = async () => {
    for (const [index, file] of files.entries()) await writeFile(file, before[index]!)
  }
  if (kind === 'label') {
    // A judgement's wording: the judgements file alone changes.
    if (!before[1]!.includes('label: Primary care networks\n')) throw new Error(`Missing the label to edit in ${files[1]}`)
    await writeFile(files[1]!, before[1]!.replace('label: Primary care networks\n', 'label: Primary care networks in Kent and Medway\n'))
  } else if (kind === 'figures') {
    // Every figure of a document, in its text and its judgements.
    await writeDocument(root, syntheticDocument(real, 7, 1))
  } else {
    // Three lines at the top of a document's text: every record of it moves.
    const end = before[0]!.indexOf('\n---\n', 4) + 5
    await writeFile(files[0]!, `${before[0]!.slice(0, end)}\nA new paragraph, and with it\nthree new lines.\n${before[0]!.slice(end)}`)
  }
  return undo
}

/**
 * Each kind of edit made and undone three times, the kinds taking turns so that a busy spell of the machine falls
 * on all alike: every rebuild after an edit or its undo (each is one changed document) is measured, and the median
 * of the six is the kind's figure. After the first edit of each kind, the release is compared with `--no-cache`'s.
 */
async function rebuilds(root: string): Promise<Edit[]> {
  const kinds = [
    ['label', 'one statistic’s label edited (judgements file)'],
    ['figures', 'every figure of one document renumbered (text and judgements)'],
    ['lines', 'three lines added at the top of one document’s text']
  ] as const
  const runs = new Map<string, Measure[]>(kinds.map(([kind]) => [kind, []]))
  const same = new Map<string, boolean>()
  for (let round = 0; round < 3; round++) {
    for (const [kind] of kinds) {
      const undo = await edit(root, kind)
      runs.get(kind)!.push(await pipeline(root, 'cached'))
      if (round === 0) same.set(kind, await identical(root))
      await undo()
      runs.get(kind)!.push(await pipeline(root, 'cached'))
    }
  }
  return kinds.map(([kind, name]) => ({name, measure: medianOf(runs.get(kind)!), identical: same.get(kind)!}))
}

function report(site: SiteMeasure | string | undefined): {summary: string[]; markdown: string} {
  const at = (size: number) => rows.find((row) => row.size === size)
  const met = (ok: boolean) => (ok ? '**met**' : '**not met**')
  const ratio = (row: Row) => Math.max(row.cold.ms, row.noCache.ms) / row.floor.ms
  const cpuRatio = (row: Row) => Math.max(row.cold.cpuMs, row.noCache.cpuMs) / row.floor.cpuMs
  const peak = (row: Row) => Math.max(row.cold.maxRssMb, row.noCache.maxRssMb, row.cached.maxRssMb, row.edited?.maxRssMb ?? 0)
  const judged = rows.filter((row) => row.size >= 1000)
  const worst = judged.length ? Math.max(...judged.map(ratio)) : Number.NaN
  const worstCpu = judged.length ? Math.max(...judged.map(cpuRatio)) : Number.NaN
  const small = at(1000)
  const large = at(5000)
  const growth = small && large ? Math.max(large.cold.ms / small.cold.ms, large.noCache.ms / small.noCache.ms) : Number.NaN
  const cpuGrowth = small && large ? Math.max(large.cold.cpuMs / small.cold.cpuMs, large.noCache.cpuMs / small.noCache.cpuMs) : Number.NaN
  // The faster of the two cold builds, so the share is not flattered.
  const cold = small ? Math.min(small.cold.ms, small.noCache.ms) : Number.NaN
  const share = (edit: Edit) => edit.measure.ms / cold
  const worstShare = edits.length ? Math.max(...edits.map(share)) : Number.NaN

  const main = [
    '| documents | MB | rows | floor s | cold s | ratio | --no-cache s | ratio | nothing changed s | peak MB: cold | --no-cache | nothing changed | after an edit |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.size.toLocaleString('en-GB')} | ${row.megabytes.toFixed(1)} | ${row.rows ? row.rows.toLocaleString('en-GB') : '–'} | ${seconds(row.floor.ms)} | ${seconds(row.cold.ms)} | ${(row.cold.ms / row.floor.ms).toFixed(2)}× | ` +
        `${seconds(row.noCache.ms)} | ${(row.noCache.ms / row.floor.ms).toFixed(2)}× | ${seconds(row.cached.ms)} | ${row.cold.maxRssMb} | ${row.noCache.maxRssMb} | ${row.cached.maxRssMb} | ${row.edited?.maxRssMb ?? (row.size === rebuildSize && edits.length ? Math.max(...edits.map((edit) => edit.measure.maxRssMb)) : '–')} |`
    )
  ]
  const processor = [
    '| documents | floor | cold | --no-cache | nothing changed | cold ÷ floor | --no-cache ÷ floor |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.size.toLocaleString('en-GB')} | ${seconds(row.floor.cpuMs)} | ${seconds(row.cold.cpuMs)} | ${seconds(row.noCache.cpuMs)} | ${seconds(row.cached.cpuMs)} | ${(row.cold.cpuMs / row.floor.cpuMs).toFixed(2)}× | ${(row.noCache.cpuMs / row.floor.cpuMs).toFixed(2)}× |`
    )
  ]
  const rebuildTable = edits.length
    ? [
        '| rebuild of 1,000 documents | s | % of a cold build | peak MB | identical to `--no-cache` |',
        '|---|---:|---:|---:|---|',
        `| nothing changed | ${seconds(small!.cached.ms)} | ${((small!.cached.ms / cold) * 100).toFixed(1)} % | ${small!.cached.maxRssMb} | ${unchangedIdentical ? 'yes' : 'NO'} |`,
        ...edits.map((edit) => `| ${edit.name} | ${seconds(edit.measure.ms)} | ${(share(edit) * 100).toFixed(1)} % | ${edit.measure.maxRssMb} | ${edit.identical ? 'yes' : 'NO'} |`)
      ]
    : []
  const targetTable = [
    '| target | measured | |',
    '|---|---|---|',
    `| cold build ≤ ${targets.floor} × the floor (1,000 documents and up; the slower of cold and \`--no-cache\`) | ${judged.length ? `worst ${worst.toFixed(2)}× (processor time ${worstCpu.toFixed(2)}×)` : 'not measured'} | ${judged.length ? met(worst <= targets.floor) : ''} |`,
    `| peak memory < ${targets.memoryMb} MB at 5,000 documents, every path | ${large ? `${peak(large)} MB` : 'not measured'} | ${large ? met(peak(large) < targets.memoryMb) : ''} |`,
    `| 5,000 documents ≤ ${targets.growth} × the time of 1,000 (the larger of cold and \`--no-cache\`) | ${Number.isNaN(growth) ? 'not measured' : `${growth.toFixed(2)}× (processor time ${cpuGrowth.toFixed(2)}×)`} | ${Number.isNaN(growth) ? '' : met(growth <= targets.growth)} |`,
    `| rebuild after editing one document of 1,000 ≤ ${targets.rebuild * 100} % of a cold build (the faster cold build, ${seconds(cold)} s) | ${Number.isNaN(worstShare) ? 'not measured' : `worst ${(worstShare * 100).toFixed(1)} %`} | ${Number.isNaN(worstShare) ? '' : met(worstShare <= targets.rebuild && edits.every((edit) => edit.identical))} |`,
    ...(typeof site === 'object'
      ? [`| ${recordPageTarget.toLocaleString('en-GB')} record pages build (\`npm run site\`) | ${site.recordTotal.toLocaleString('en-GB')} record pages in ${seconds(site.siteMs)} s | ${met(site.recordTotal >= recordPageTarget)} |`, ...siteTargetRows(site, met)]
      : typeof site === 'string'
        ? [`| ${recordPageTarget.toLocaleString('en-GB')} record pages build (\`npm run site\`) | ${site} | **not measured** |`]
        : [])
  ]
  const cpus = os.cpus()
  const markdown = [
    '# Benchmark',
    '',
    `Measured by \`npm run bench\` (bench/index.ts) on ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'},`,
    `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${os.type()} ${os.release()}, Node ${process.version}. The 1-minute load average,`,
    `taken after each process, ranged from ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} (median ${median(loads).toFixed(1)}): above 1, other work ran beside the measured process.`,
    '',
    'Every figure is a whole process timed from start to exit (Node starting and loading modules included): the median',
    'of 3 runs at 100 and 1,000 documents, one run at 5,000, the runs of the floor and the two cold builds',
    'interleaved. *Cold* is `npm run data` (`node pipeline/cli.ts`) with `.cache/` emptied first, so it fills the part',
    'cache; *--no-cache* builds without it; *nothing changed* is `npm run data` again with the cache full (the median',
    'of 3 at every size). *Floor* is bench/run.ts `floor`: every document and judgements file read, each document',
    'parsed by remark-parse with remark-frontmatter, its frontmatter and its judgements file parsed by yaml as the',
    'pipeline parses them (a yaml `Document` with a line counter and unique keys, then `toJS`); nothing else. Peak',
    'memory is the process’s maximum resident set (`process.resourceUsage().maxRSS`, noted by bench/usage.ts as the',
    'process exits), in MB of 2²⁰ bytes.',
    '',
    'Corpora: document *i* is real document *i* mod 5 with new ids, its `##` sections and judgement lists shuffled and',
    'its figures in digits renumbered, written as `sources/documents/<id>.md` and `sources/judgements/<id>.yml`',
    '(bench/corpus.ts); every corpus builds without a message.',
    '',
    '## Targets',
    '',
    ...targetTable,
    '',
    '## Cold builds',
    '',
    ...main,
    '',
    'Processor time (s, all threads of the process), which a busy machine disturbs less than wall time:',
    '',
    ...processor,
    '',
    ...(rebuildTable.length
      ? [
          '## Rebuilds',
          '',
          'One document of the 1,000 edited, then `npm run data` with the cache full, as a whole process: each kind of edit',
          'made and undone three times, the kinds taking turns, and every one of those rebuilds measured (the median of',
          'six; *nothing changed*, of three). After the first edit of each kind, dist-data/ was compared byte for byte',
          'with what a build without the cache makes.',
          '',
          ...rebuildTable,
          ''
        ]
      : []),
    ...(typeof site === 'object' ? siteSection(site) : []),
    '## Notes',
    '',
    ...notes,
    ''
  ].join('\n')
  return {summary: [...targetTable, '', ...main, '', ...processor, '', ...rebuildTable], markdown: `${markdown}\n`}
}
