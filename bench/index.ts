/**
 * `npm run bench`: the pipeline's cost on synthetic corpora of 10, 100, 1,000
 * and 5,000 documents (bench/corpus.ts), against remark-parse over the same
 * bytes, and the incremental build after one edit in 1,000. Every figure is a
 * measurement from a separate process (bench/run.ts). Then the site build
 * (`astro build` and Pagefind) over 5,000 record pages (bench/site.ts).
 * Writes bench/results.md.
 *
 *   npm run bench                       everything (about six minutes on two cores)
 *   npm run bench -- --sizes=10,100     some sizes only; results.md is then not written
 *   npm run bench -- --site             the site build only (with --sizes=, both); results.md is then not written
 */
import {execFile} from 'node:child_process'
import {readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {isDeepStrictEqual, promisify} from 'node:util'
import {snapshot} from '../test/helpers/project.ts'
import {digests} from './digests.ts'
import {projectRoot, realDocuments, syntheticDocument, writeCorpus} from './corpus.ts'
import {defaultSiteDocuments, measureSite, recordPageTarget, siteSection, siteSummary, type SiteMeasure} from './site.ts'

const run = promisify(execFile)
const sizesArgument = process.argv.find((argument) => argument.startsWith('--sizes='))
const siteArgument = process.argv.includes('--site')
const sizes = sizesArgument ? sizesArgument.slice('--sizes='.length).split(',').map(Number) : siteArgument ? [] : [10, 100, 1000, 5000]
// The site build runs by default too; asking for some sizes alone leaves it out.
const runSite = siteArgument || !sizesArgument
const incrementalSize = 1000
const work = path.join(os.tmpdir(), 'icb-open-data-bench')

interface Measure {
  ms: number
  cpuMs: number
  maxRssMb: number
  cache?: {hits: number; misses: number; rejected: number}
  /** Release files linked from the last release, and rows copied from it into files rendered again. */
  release?: {reused: number; rejected: number; rows: number}
}

async function measure(mode: 'pipeline' | 'parse', root: string, runs: number, option = ''): Promise<Measure> {
  const {stdout} = await run(process.execPath, [path.join(projectRoot, 'bench/run.ts'), mode, root, String(runs), option], {maxBuffer: 16 * 1024 * 1024})
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measure
}

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 1000 ? 3 : 2)
const log = (line: string) => console.log(line)

const real = await realDocuments()
await rm(work, {recursive: true, force: true})
interface Row {
  size: number
  megabytes: number
  /** `npm run data` from an empty cache. */
  pipeline: Measure
  /** build() without the cache. */
  plain: Measure
  bare: Measure
  frontmatter: Measure
}
const rows: Row[] = []
for (const size of sizes) {
  const root = path.join(work, String(size))
  const bytes = await writeCorpus(root, size, real)
  const runs = size <= 100 ? 5 : size <= 1000 ? 3 : 1
  const pipeline = await measure('pipeline', root, runs, 'cold')
  const plain = await measure('pipeline', root, runs)
  const bare = await measure('parse', root, runs)
  const frontmatter = await measure('parse', root, runs, 'frontmatter')
  const row = {size, megabytes: bytes / 1024 / 1024, pipeline, plain, bare, frontmatter}
  rows.push(row)
  log(`${size} documents, ${row.megabytes.toFixed(1)} MB: pipeline ${seconds(pipeline.ms)} s (${Math.round(pipeline.maxRssMb)} MB peak; without the cache ${seconds(plain.ms)} s, ${plain.maxRssMb} MB), remark-parse ${seconds(bare.ms)} s, with frontmatter ${seconds(frontmatter.ms)} s`)
}

// Incremental: a cold build fills the cache; then one document of 1,000 is edited, three ways.
interface Edit {
  name: string
  measure: Measure
  /** The release the cached build wrote is byte for byte what a build without the cache makes. */
  identical: boolean
}
interface Incremental {
  plain: Measure
  coldCache: Measure
  unchanged: Measure
  edits: Edit[]
}
let incremental: Incremental | undefined
if (sizes.includes(incrementalSize)) {
  const root = path.join(work, String(incrementalSize))
  const documentPath = (index: number) => path.join(root, 'sources/documents', `${syntheticDocument(real, index).id}.md`)
  const plain = rows.find((row) => row.size === incrementalSize)!.plain
  await rm(path.join(root, '.cache'), {recursive: true, force: true})
  const coldCache = await measure('pipeline', root, 1, 'cache')
  const unchanged = await measure('pipeline', root, 1, 'cache')
  const edits: Edit[] = []
  const edit = async (name: string, change: () => Promise<void>) => {
    await change()
    const measured = await measure('pipeline', root, 1, 'cache')
    // The fresh build writes nothing, so the release folder and the cache's record of it stay as the cached build
    // left them; it runs in a process of its own, so that the heap it leaves never slows the next measurement.
    const {stdout} = await run(process.execPath, [path.join(projectRoot, 'bench/run.ts'), 'fresh', root], {maxBuffer: 16 * 1024 * 1024})
    const fresh = (JSON.parse(stdout.trim().split('\n').at(-1)!) as {files: Record<string, string>}).files
    const identical = isDeepStrictEqual(digests(await snapshot(path.join(root, 'dist-data/draft'))), fresh)
    edits.push({name, measure: measured, identical})
  }
  await edit('one statistic’s label edited', async () => {
    const file = documentPath(4)
    await writeFile(file, (await readFile(file, 'utf8')).replace('label: Primary care networks\n', 'label: Primary care networks in Kent and Medway\n'))
  })
  await edit('every figure of one document renumbered', async () => {
    const edited = syntheticDocument(real, 7, 1)
    await writeFile(path.join(root, 'sources/documents', `${edited.id}.md`), edited.text)
  })
  await edit('three lines added at the top of one document', async () => {
    const file = documentPath(12)
    const text = await readFile(file, 'utf8')
    const end = text.indexOf('\n---\n', 4) + 5
    await writeFile(file, `${text.slice(0, end)}\nA new paragraph, and with it\nthree new lines.\n${text.slice(end)}`)
  })
  incremental = {plain, coldCache, unchanged, edits}
  log(`incremental (1,000): cold ${seconds(plain.ms)} s, cold filling the cache ${seconds(coldCache.ms)} s, unchanged ${seconds(unchanged.ms)} s, ${edits.map((one) => `${one.name} ${seconds(one.measure.ms)} s (identical: ${one.identical})`).join(', ')}`)
}

// Last, so the pipeline figures above are taken exactly as before.
let site: SiteMeasure | undefined
if (runSite) {
  site = await measureSite(defaultSiteDocuments, real)
  log(siteSummary(site))
}

if (sizes.join() === '10,100,1000,5000' && site) {
  await writeFile(path.join(projectRoot, 'bench/results.md'), report())
  log('Wrote bench/results.md')
}
await rm(work, {recursive: true, force: true})

function report(): string {
  const cpus = os.cpus()
  const at = (size: number) => rows.find((row) => row.size === size)!
  const ratio = (row: Row, floor: Measure) => row.pipeline.ms / floor.ms
  const met = (ok: boolean) => (ok ? '**met**' : '**not met**')
  const worst = Math.max(...rows.filter((row) => row.size >= 100).map((row) => ratio(row, row.bare)))
  const worstFrontmatter = Math.max(...rows.filter((row) => row.size >= 100).map((row) => ratio(row, row.frontmatter)))
  const worstPlain = Math.max(...rows.filter((row) => row.size >= 100).map((row) => row.plain.ms / row.bare.ms))
  const growth = at(5000).pipeline.ms / at(1000).pipeline.ms
  // Against the faster of the two cold builds, so the share is not flattered.
  const cold = incremental ? Math.min(incremental.plain.ms, incremental.coldCache.ms) : Number.NaN
  const share = (edit: Edit) => edit.measure.ms / cold
  const lines = [
    '# Benchmark',
    '',
    `Measured by \`npm run bench\` (bench/index.ts) on ${new Date().toISOString().slice(0, 10)}. Every figure is a measurement in a fresh`,
    'process (bench/run.ts): the median of 5 runs for 10 and 100 documents, of 3 for 1,000, one run for 5,000. Times',
    'exclude starting Node and loading modules. *Pipeline* is `npm run data` from an empty cache: `build({cache: true, retain: false})`,',
    'reading the files, parsing and extracting new documents on worker threads (one per core, for 300 documents or more),',
    'merging, validating, writing dist-data/ and filling `.cache/`. *No cache* is `build()` on the main thread alone, as the',
    'tests and `npm run review` run it. The parse times are remark-parse over the same files, already in memory, on one thread.',
    '',
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${os.type()} ${os.release()}, Node ${process.version}.`,
    '',
    'Corpora: document *i* is real document *i* mod 5 with new ids, its `##` sections and judgement lists shuffled and',
    'its figures in digits renumbered (bench/corpus.ts); every corpus builds without a message.',
    '',
    '| documents | MB | pipeline s | processor s | documents/s | MB/s | peak memory MB | no cache s | no cache peak MB | remark-parse s | pipeline ÷ remark-parse | remark-parse + frontmatter s | pipeline ÷ that |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) =>
      [
        row.size.toLocaleString('en-GB'),
        row.megabytes.toFixed(1),
        seconds(row.pipeline.ms),
        seconds(row.pipeline.cpuMs),
        Math.round(row.size / (row.pipeline.ms / 1000)).toLocaleString('en-GB'),
        (row.megabytes / (row.pipeline.ms / 1000)).toFixed(2),
        String(row.pipeline.maxRssMb),
        seconds(row.plain.ms),
        String(row.plain.maxRssMb),
        seconds(row.bare.ms),
        `${ratio(row, row.bare).toFixed(2)}×`,
        seconds(row.frontmatter.ms),
        `${ratio(row, row.frontmatter).toFixed(2)}×`
      ].join(' | ').replace(/^/, '| ').replace(/$/, ' |')
    ),
    '',
    '## Targets',
    '',
    '| target | measured | |',
    '|---|---|---|',
    `| pipeline ≤ 1.5 × bare remark-parse (100 documents and up) | worst ${worst.toFixed(2)}× | ${met(worst <= 1.5)} |`,
    `| the same for the build without cache or threads | worst ${worstPlain.toFixed(2)}× | ${met(worstPlain <= 1.5)} |`,
    `| the same against remark-parse with remark-frontmatter (which skips the frontmatter and parses no YAML) | worst ${worstFrontmatter.toFixed(2)}× | ${met(worstFrontmatter <= 1.5)} |`,
    `| 5,000 documents ≤ 5.5 × the time of 1,000 | ${growth.toFixed(2)}× | ${met(growth <= 5.5)} |`,
    `| peak memory < 1 GB at 5,000 documents | ${at(5000).pipeline.maxRssMb} MB | ${met(at(5000).pipeline.maxRssMb < 1024)} |`,
    `| 1,000 documents < 20 s | ${seconds(at(1000).pipeline.ms)} s | ${met(at(1000).pipeline.ms < 20_000)} |`,
    ...(incremental?.edits ?? []).map(
      (edit) =>
        `| rebuild after editing one document of 1,000 (${edit.name}) < 10 % of a cold build (the faster cold build) | ${(share(edit) * 100).toFixed(1)} % (${seconds(edit.measure.ms)} s of ${seconds(cold)} s); identical to a build without the cache: ${edit.identical ? 'yes' : 'NO'} | ${met(share(edit) < 0.1 && edit.identical)} |`
    ),
    ...(site
      ? [`| ${recordPageTarget.toLocaleString('en-GB')} record pages build (\`npm run site\`; see Site build) | ${site.recordTotal.toLocaleString('en-GB')} record pages in ${seconds(site.siteMs)} s | ${met(site.recordTotal >= recordPageTarget)} |`]
      : []),
    '',
    ...(incremental
      ? [
          '## Incremental builds (1,000 documents)',
          '',
          '| build | s | documents reused | release files linked | rows copied from the last release | peak memory MB |',
          '|---|---:|---:|---:|---:|---:|',
          `| cold, no cache | ${seconds(incremental.plain.ms)} | – | – | – | ${incremental.plain.maxRssMb} |`,
          ...[
            ['cold, filling an empty cache', incremental.coldCache] as const,
            ['nothing changed', incremental.unchanged] as const,
            ...incremental.edits.map((edit) => [edit.name, edit.measure] as const)
          ].map(
            ([name, measured]) =>
              `| ${name} | ${seconds(measured.ms)} | ${measured.cache?.hits ?? 0} | ${measured.release?.reused ?? 0} | ${(measured.release?.rows ?? 0).toLocaleString('en-GB')} | ${measured.maxRssMb} |`
          ),
          '',
          'After each edit the release the cached build wrote was compared byte for byte with a build without the cache.',
          'The label edit changes two datasets (statistics, and documents through the file\'s checksum), whose other',
          '17 files are linked; renumbering every figure of a document, or moving its lines, changes a record in every',
          'dataset, so every file is written again, all but the changed records\' rows copied from the last release',
          '(three files a record).',
          ''
        ]
      : []),
    ...(site ? siteSection(site) : []),
    '## Notes',
    '',
    '- The machine is shared and its timings are noisy: the same measurement taken in another run of the bench has',
    '  differed by up to a quarter (remark-parse of 1,000 documents took from 5.0 to 6.6 s). Compare ratios within one run.',
    '- "Bare" remark-parse parses each whole file as markdown, its YAML frontmatter (about 60 % of the bytes) included.',
    '  The pipeline cuts a plain frontmatter block off before micromark and parses it with yaml 2.9 instead',
    '  (pipeline/parse/markdown.ts), which at 10 and 100 documents costs about as much as the markdown itself.',
    '  remark-parse with remark-frontmatter is shown too: it skips the frontmatter\'s markdown but parses no YAML.',
    '- A rebuild looks at every document\'s inode, size and modification time, reading and hashing only those changed',
    '  since the last clean build (pipeline/cache/read-record.ts), and loads every cached entry (its records;',
    '  `npm run data` leaves the frontmatter unread), merges and checks ids and references across all records. A',
    '  dataset whose merged inputs are unchanged is then neither schema-checked nor rendered (its three files are',
    '  linked from the last release). In a changed dataset each record is compared, as compact JSON, with the last',
    '  release\'s records (pipeline/cache/records.ts): an unchanged one skips its schema check and its rows are copied',
    '  from the last release\'s files; only the others are checked and rendered.',
    '- ajv\'s validators are compiled once per version of the schemas and kept as its standalone code in',
    '  node_modules/.cache (pipeline/validate/compiled.ts): compiling them took some 45 ms of each process.',
    '- `npm run data` holds each document\'s text only until it is parsed and writes the release piece by piece,',
    '  1,000 rows at a time; each worker thread has a 16 MB young generation. What remains at 5,000 documents is the',
    '  records themselves, with the parts they were merged from, and the workers\' own heaps.',
    ''
  ]
  return `${lines.join('\n')}\n`
}
