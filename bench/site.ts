/**
 * The site build at scale (issue 4: "5,000 record pages build; report the
 * time"). Builds a synthetic corpus (bench/corpus.ts) in a throwaway project,
 * runs the pipeline there, then times `astro build` and Pagefind separately,
 * each in a process of its own, and counts the pages they produced.
 *
 *   node bench/site.ts [documents] [--keep]   standalone: print the figures (default 1,000 documents)
 *
 * bench/index.ts calls `measureSite` and puts `siteSection` in bench/results.md.
 *
 * It also weighs every page (bench/page-weight.ts): issue 13 asks that each
 * weighs at most 50 kB gzipped (HTML, and the CSS and JS it loads) at 1,000
 * documents. `--keep` leaves the throwaway project (and its dist/) in place
 * and prints where it is, to run Lighthouse on its pages.
 *
 * The throwaway project is needed because the site reads dist-data/draft/
 * relative to the working directory (site/src/lib/data.ts) and writes dist/:
 * building in /work/main would overwrite the real release and site.
 */
import {spawn} from 'node:child_process'
import {constants} from 'node:fs'
import {access, cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {projectRoot, realDocuments, writeCorpus, type RealDocument} from './corpus.ts'
import {categories, lighthouseAll, type Scores} from './lighthouse.ts'
import {heaviestByKind, pageWeights, pageWeightTarget, type PageWeight} from './page-weight.ts'

/** About 14 record pages per document (terms, statistics, its source page; organisations are a fixed register): 1,000 give some 14,000; issue 13's page weights are for 1,000. */
export const defaultSiteDocuments = 1000
/** Issue 4's target. */
export const recordPageTarget = 5000
/** Issue 13: Lighthouse mobile performance at least 95 on the heaviest dataset, record and source pages (and the home page, for reference). */
export const lighthouseTarget = 95
const lighthouseKinds = ['home', 'datasets/<id>', 'datasets/<page>', 'statistics/<id>', 'terms/<id>', 'organisations/<id>', 'sources/<id>']
const chromium = '/usr/bin/chromium'

/** What the site build needs besides sources/: the site imports pipeline types and modules, which read schema/. */
const projectFiles = ['site', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'pipeline', 'schema']
/** GNU time reports the peak resident memory of the largest process in the tree it waits for. */
const gnuTime = '/usr/bin/time'

/** One child process: wall time, and (with GNU time) peak memory and processor time. */
export interface ProcessMeasure {
  ms: number
  maxRssMb?: number
  cpuMs?: number
}

export interface SiteMeasure {
  documents: number
  /** Pages of each `[id]` route (`terms`, `statistics`, …), by folder. */
  recordPages: Record<string, number>
  recordTotal: number
  /** Every HTML file in dist/ (record pages, indexes, dataset pages, 404), Pagefind's UI excluded. */
  htmlPages: number
  /** Pages in Pagefind's index: those Base.astro marks data-pagefind-body (terms, statistics, organisations; not sources). */
  indexedPages: number
  /** Bytes of dist/ after Pagefind, in MB. */
  distMb: number
  pipeline: ProcessMeasure
  astro: ProcessMeasure
  pagefind: ProcessMeasure
  /** Wall time of astro build and Pagefind together: `npm run site`. */
  siteMs: number
  /** The heaviest page of each kind, heaviest first, and how many pages weigh more than the target. */
  heaviest: PageWeight[]
  overWeight: number
  /** Lighthouse (mobile) on the heaviest page of each of `lighthouseKinds`; empty where Chromium is not installed. */
  lighthouse: Scores[]
  /** With `keep`: the throwaway project, left in place. */
  kept?: string
}

/** Build a corpus of `documents` documents into a throwaway project and measure its site build. */
export async function measureSite(documents = defaultSiteDocuments, real?: readonly RealDocument[], log: (line: string) => void = () => {}, keep = false): Promise<SiteMeasure> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'icb-open-data-site-'))
  try {
    await writeCorpus(root, documents, real ?? (await realDocuments()))
    await copyProject(root)
    const measureTime = await canMeasureMemory()
    log(`site: ${documents} documents in ${root}; running the pipeline`)
    const pipeline = await timed(root, [path.join(root, 'pipeline/cli.ts')], measureTime)
    log(`site: pipeline ${seconds(pipeline.ms)} s; astro build`)
    const astro = await timed(root, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], measureTime)
    log(`site: astro build ${seconds(astro.ms)} s; pagefind`)
    const pagefind = await timed(root, [path.join(root, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', 'dist', '--silent'], measureTime)
    const recordPages = await countRecordPages(root)
    const weights = pageWeights(path.join(root, 'dist'))
    const heaviest = heaviestByKind(weights)
    const measured = lighthouseKinds.flatMap((kind) => heaviest.filter((weight) => weight.kind === kind).map((weight) => weight.page))
    const hasChromium = await access(chromium, constants.X_OK).then(() => true, () => false)
    log(hasChromium ? `site: Lighthouse on ${measured.length} pages` : `site: Lighthouse not run: no Chromium at ${chromium}`)
    const lighthouse = hasChromium ? await lighthouseAll(path.join(root, 'dist'), measured) : []
    return {
      documents,
      recordPages,
      recordTotal: Object.values(recordPages).reduce((sum, count) => sum + count, 0),
      htmlPages: await countHtml(path.join(root, 'dist')),
      indexedPages: await countIndexed(path.join(root, 'dist')),
      distMb: (await folderBytes(path.join(root, 'dist'))) / 1024 / 1024,
      pipeline,
      astro,
      pagefind,
      siteMs: astro.ms + pagefind.ms,
      heaviest,
      lighthouse,
      overWeight: weights.filter((weight) => weight.total > pageWeightTarget).length,
      ...(keep ? {kept: root} : {})
    }
  } finally {
    if (!keep) await rm(root, {recursive: true, force: true})
  }
}

/**
 * Copy the project's code into `root`, and give it a node_modules/ of its own
 * whose entries link to ours: Astro and Vite write caches into node_modules/
 * (.astro, .vite), which must not land in /work/main's.
 */
async function copyProject(root: string): Promise<void> {
  for (const entry of projectFiles) await cp(path.join(projectRoot, entry), path.join(root, entry), {recursive: true})
  const modules = path.join(projectRoot, 'node_modules')
  await mkdir(path.join(root, 'node_modules'))
  for (const name of await readdir(modules)) {
    if (name.startsWith('.') && name !== '.bin') continue
    await symlink(path.join(modules, name), path.join(root, 'node_modules', name))
  }
}

async function canMeasureMemory(): Promise<boolean> {
  return access(gnuTime, constants.X_OK).then(
    () => true,
    () => false
  )
}

/**
 * Run a script of `args` on this Node (Astro needs 22.12 or later; the system
 * node is older) with `root` as working directory, under GNU time when it is
 * there. Fails with the end of the output if the process fails.
 */
async function timed(root: string, args: string[], measureTime: boolean): Promise<ProcessMeasure> {
  const report = path.join(root, '.time')
  const [command, commandArgs] = measureTime ? [gnuTime, ['-f', '%M %U %S', '-o', report, process.execPath, ...args]] : [process.execPath, args]
  // Any `node` a tool starts by name must be this one too.
  const env = {...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1'}
  const started = performance.now()
  const {code, tail} = await runProcess(command!, commandArgs as string[], root, env)
  const ms = performance.now() - started
  if (code !== 0) throw new Error(`\`${args.map((arg) => (path.isAbsolute(arg) ? path.relative(root, arg) : arg)).join(' ')}\` exited with ${code} after ${seconds(ms)} s:\n${tail}`)
  if (!measureTime) return {ms}
  const [kilobytes, user, system] = (await readFile(report, 'utf8')).trim().split('\n').at(-1)!.split(' ').map(Number)
  return {ms, maxRssMb: Math.round(kilobytes! / 1024), cpuMs: Math.round((user! + system!) * 1000)}
}

/** Run a process; keep only the end of its output (Astro prints a line per page). */
function runProcess(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{code: number | null; tail: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
    let tail = ''
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-8000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code: code ?? (signal ? 128 : null), tail: signal ? `${tail}\n(killed by ${signal})` : tail}))
  })
}

/** Pages of each dynamic record route: the folders of site/src/pages that have an `[id].astro`. */
async function countRecordPages(root: string): Promise<Record<string, number>> {
  const pages = path.join(root, 'site/src/pages')
  const counts: Record<string, number> = {}
  for (const entry of await readdir(pages, {withFileTypes: true})) {
    if (!entry.isDirectory()) continue
    const routes = await readdir(path.join(pages, entry.name))
    if (!routes.includes('[id].astro')) continue
    const built = await readdir(path.join(root, 'dist', entry.name), {withFileTypes: true})
    const withPage = await Promise.all(built.filter((item) => item.isDirectory()).map((item) => exists(path.join(root, 'dist', entry.name, item.name, 'index.html'))))
    counts[entry.name] = withPage.filter(Boolean).length
  }
  return counts
}

async function countHtml(folder: string): Promise<number> {
  const files = await readdir(folder, {recursive: true})
  return files.filter((file) => file.endsWith('.html') && !file.startsWith('pagefind')).length
}

async function folderBytes(folder: string): Promise<number> {
  const entries = await readdir(folder, {recursive: true, withFileTypes: true})
  const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).size))
  return sizes.reduce((sum, size) => sum + size, 0)
}

/** Pagefind notes each language's page count in its entry file. */
async function countIndexed(folder: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(folder, 'pagefind/pagefind-entry.json'), 'utf8')) as {languages: Record<string, {page_count: number}>}
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false
  )
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1)
const seconds = (ms: number) => (ms / 1000).toFixed(ms < 1000 ? 3 : 1)
const memory = (measure: ProcessMeasure) => (measure.maxRssMb === undefined ? '–' : String(measure.maxRssMb))
const processor = (measure: ProcessMeasure) => (measure.cpuMs === undefined ? '–' : seconds(measure.cpuMs))

/** One line for the console. */
export function siteSummary(site: SiteMeasure): string {
  const kinds = Object.entries(site.recordPages).map(([kind, count]) => `${count} ${kind}`).join(', ')
  const heaviest = site.heaviest[0]
  return `site, ${site.documents} documents: ${site.recordTotal} record pages (${kinds}), ${site.htmlPages} HTML pages (${site.indexedPages} in the search index), dist/ ${site.distMb.toFixed(0)} MB; pipeline ${seconds(site.pipeline.ms)} s, astro build ${seconds(site.astro.ms)} s (${memory(site.astro)} MB peak), pagefind ${seconds(site.pagefind.ms)} s (${memory(site.pagefind)} MB peak); heaviest page ${heaviest ? `${heaviest.page} ${kb(heaviest.total)} kB gzipped` : '–'}, ${site.overWeight} over ${kb(pageWeightTarget)} kB; ${lighthouseSummary(site)}`
}

/** The site's rows of bench/results.md's targets table (issue 13): page weight and Lighthouse. */
export function siteTargetRows(site: SiteMeasure, met: (ok: boolean) => string): string[] {
  const lowest = lowestPerformance(site)
  return [
    `| every page ≤ ${kb(pageWeightTarget)} kB gzipped at ${site.documents.toLocaleString('en-GB')} documents | heaviest ${kb(site.heaviest[0]?.total ?? 0)} kB; ${site.overWeight} of ${site.htmlPages.toLocaleString('en-GB')} over | ${met(site.overWeight === 0)} |`,
    `| Lighthouse mobile performance ≥ ${lighthouseTarget} on the heaviest dataset, record and source pages | ${site.lighthouse.length ? `lowest ${lowest} of ${site.lighthouse.length} pages` : 'not measured (no Chromium)'} | ${site.lighthouse.length ? met(lowest >= lighthouseTarget) : ''} |`
  ]
}

const lowestPerformance = (site: SiteMeasure) => Math.min(...site.lighthouse.map((result) => result.scores['performance'] ?? 0))

/** The lowest Lighthouse performance score of the pages measured, against the target. */
function lighthouseSummary(site: SiteMeasure): string {
  if (site.lighthouse.length === 0) return 'Lighthouse not run (no Chromium)'
  const lowest = lowestPerformance(site)
  return `Lighthouse performance at least ${lowest} on ${site.lighthouse.length} heaviest pages (target ${lighthouseTarget}: ${lowest >= lighthouseTarget ? 'met' : 'not met'})`
}

/** The "## Site build" section of bench/results.md. */
export function siteSection(site: SiteMeasure): string[] {
  const row = (name: string, measure: ProcessMeasure) => `| ${name} | ${seconds(measure.ms)} | ${processor(measure)} | ${memory(measure)} |`
  return [
    '## Site build',
    '',
    `\`npm run site\` on a synthetic corpus of ${site.documents.toLocaleString('en-GB')} documents, in a throwaway project (bench/site.ts): the pipeline`,
    'first, then `astro build` and Pagefind, each timed once as a whole process (Node start-up included). Peak memory is',
    'the resident memory of the largest process, from GNU time.',
    '',
    '| pages | count |',
    '|---|---:|',
    ...Object.entries(site.recordPages).map(([kind, count]) => `| \`/${kind}/<id>/\` | ${count.toLocaleString('en-GB')} |`),
    `| record pages | ${site.recordTotal.toLocaleString('en-GB')} |`,
    `| HTML pages in all | ${site.htmlPages.toLocaleString('en-GB')} |`,
    `| pages in Pagefind's index (not /sources/) | ${site.indexedPages.toLocaleString('en-GB')} |`,
    `| dist/ after Pagefind, MB | ${site.distMb.toFixed(0)} |`,
    '',
    '| step | s | processor s | peak memory MB |',
    '|---|---:|---:|---:|',
    row('pipeline (`npm run data`, cold)', site.pipeline),
    row('`astro build`', site.astro),
    row('Pagefind', site.pagefind),
    `| site (\`npm run site\`) | ${seconds(site.siteMs)} | | |`,
    '',
    `Page weight: the heaviest page of each kind, gzipped (level 6): its HTML, and the CSS and JavaScript it loads at once (bench/page-weight.ts);`,
    `files fetched on request (a table's rows.json, the search index) are not counted. Target: at most ${kb(pageWeightTarget)} kB each;`,
    `${site.overWeight.toLocaleString('en-GB')} of ${site.htmlPages.toLocaleString('en-GB')} pages weigh more.`,
    '',
    '| kind of page | heaviest page | HTML kB | CSS and JS kB | total kB |',
    '|---|---|---:|---:|---:|',
    ...site.heaviest.map((weight) => `| \`${weight.kind}\` | \`${weight.page}\` | ${kb(weight.html)} | ${kb(weight.assets)} | ${kb(weight.total)} |`),
    '',
    `Lighthouse 12 (mobile: a mid-range phone on slow 4G, the processor slowed 4 ×; bench/lighthouse.ts), one run on the heaviest page of`,
    `each kind below, served gzipped from 127.0.0.1. ${lighthouseSummary(site)}.`,
    '',
    `| page | ${categories.join(' | ')} | LCP ms | TBT ms |`,
    `|---|${categories.map(() => '---:').join('|')}|---:|---:|`,
    ...site.lighthouse.map((result) => `| \`${result.page}\` | ${categories.map((category) => result.scores[category]).join(' | ')} | ${result.lcp} | ${result.tbt} |`),
    ''
  ]
}

if (import.meta.main) {
  const keep = process.argv.includes('--keep')
  const documents = Number(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? defaultSiteDocuments)
  if (!Number.isInteger(documents) || documents < 1) throw new Error('Usage: node bench/site.ts [documents] [--keep]')
  const site = await measureSite(documents, undefined, (line) => console.log(line), keep)
  console.log(siteSummary(site))
  for (const weight of site.heaviest) console.log(`  ${weight.kind.padEnd(22)} ${kb(weight.total).padStart(6)} kB  ${weight.page}`)
  for (const result of site.lighthouse) console.log(`  Lighthouse ${result.page}: ${categories.map((category) => `${category} ${result.scores[category]}`).join(', ')}`)
  if (site.kept) console.log(`Kept the project and its site in ${site.kept}`)
  console.log(`processor time: pipeline ${processor(site.pipeline)} s, astro build ${processor(site.astro)} s, pagefind ${processor(site.pagefind)} s; pipeline peak ${memory(site.pipeline)} MB`)
  console.log(site.recordTotal >= recordPageTarget ? `Target met: at least ${recordPageTarget} record pages built.` : `Target not met: fewer than ${recordPageTarget} record pages; run with more documents.`)
}
