/**
 * The hostile corpus (issue 4). Each folder of test/fixtures/hostile/ is a
 * small overlay on a copy of the project (the real sources and the committed
 * dist-data/), plus `expected.json`: what the case is, whether it must build,
 * and the messages it must give as `path:line:column ruleId`. Some inputs
 * cannot live in git (a 20 MB file, a symbolic link, a folder named `x.md`);
 * `setup` in expected.json makes them at test time.
 *
 * For every case `npm run data` runs in the copy, in process (pipeline/cli.ts
 * `main`, with the cache as the command uses it), so the corpus stays fast.
 * Checked, for every case: the exit status (0 or 1), that every message names
 * its file, line and column and carries its rule's fix as `note` (and that
 * the command prints it), and the state of dist-data/: byte-identical to
 * before on rejection, exactly the built outputs on success. A few cases also
 * run as a real process, to show it exits and prints the same.
 *
 * `UPDATE=1 npx vitest run test/hardening/corpus.test.ts` rewrites the
 * `messages` and `records` of every expected.json from what the pipeline does
 * now, for review as a diff (`UPDATE=case-a,case-b` only those cases).
 */
import {execFile} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {cp, mkdir, readdir, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {build} from '../../pipeline/build.ts'
import {main} from '../../pipeline/cli.ts'
import {rules, type RuleId} from '../../pipeline/messages.ts'
import {comparable, copyProject, edit, projectRoot, readBack, removeProject, snapshot} from '../helpers/project.ts'

const run = promisify(execFile)
const cli = path.join(projectRoot, 'pipeline/cli.ts')
const corpus = path.join(projectRoot, 'test/fixtures/hostile')
// UPDATE=1 rewrites every case; UPDATE=a,b only the cases named.
const update = (name: string) => process.env['UPDATE'] === '1' || (process.env['UPDATE'] ?? '').split(',').includes(name)

type Part = {text: string} | {repeat: string; times: number} | {repeat: string; bytes: number}
type Step =
  | {write: string; parts: Part[]}
  | {edit: string; search: string; replace: string}
  | {symlink: string; target: string}
  | {mkdir: string}

interface Expected {
  description: string
  accepted: boolean
  /** Every message, `path:line:column ruleId`, in the order the pipeline reports them. */
  messages?: string[]
  /** Records the case's own documents must yield, per dataset (fields compared: those listed). */
  records?: Record<string, Array<Record<string, unknown>>>
  /** Output file → strings it must contain. */
  contains?: Record<string, string[]>
  /** Strings no output file may contain. */
  absent?: string[]
  /** Output file → strings it must not contain. */
  absentIn?: Record<string, string[]>
  /** True when the outputs must be exactly the committed dist-data/. */
  unchanged?: boolean
  setup?: Step[]
}

const cases = readdirSync(corpus, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

describe('the hostile corpus', () => {
  it('should hold at least 30 cases, each with its expectations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
    for (const name of cases) expect(existsSync(path.join(corpus, name, 'expected.json')), name).toBe(true)
  })

  describe.concurrent.each(cases)('%s', (name) => {
    it('builds correctly or is rejected with file, line, column and fix; exit status and dist-data/ as they must be', async () => {
      const expectedPath = path.join(corpus, name, 'expected.json')
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected
      const root = await copyProject({distData: true})
      try {
        await prepare(root, name, expected.setup ?? [])
        const before = await snapshot(path.join(root, 'dist-data'))
        const {result, ...cliRun} = await runInProcess(root)
        const messages = result.files.flatMap((file) => file.messages.map((message) => ({file, message})))
        const listed = messages.map(({file, message}) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`)
        const ownDocuments = new Set(result.documents.filter((file) => !existsSync(path.join(projectRoot, file.path))).map((file) => String(file.data.matter?.['id'] ?? file.stem)))
        const records = recordsOf(result.datasets, ownDocuments, expected.records)

        if (update(name)) {
          const next: Expected = {...expected, messages: listed}
          if (expected.accepted && Object.keys(records).length > 0) next.records = records
          await writeFile(expectedPath, `${JSON.stringify(next, null, 2)}\n`)
        }

        // 1. Built or rejected, as expected, with the exit status to match.
        expect(result.ok, `ok: ${listed.join('; ')}`).toBe(expected.accepted)
        expect(cliRun.code, cliRun.stderr).toBe(expected.accepted ? 0 : 1)
        expect(listed).toEqual(expected.messages ?? [])

        // 2. Every message names a file, line and column, and carries its rule's fix; the CLI prints them all.
        for (const {file, message} of messages) {
          expect(file.path).toBeTruthy()
          expect(message.line, String(message)).toBeGreaterThanOrEqual(1)
          expect(message.column, String(message)).toBeGreaterThanOrEqual(1)
          expect(Object.keys(rules)).toContain(message.ruleId)
          expect(message.note).toBe(rules[message.ruleId as RuleId].fix)
          expect(cliRun.stderr).toContain(`${file.path}\n`)
          expect(cliRun.stderr).toMatch(new RegExp(`\\n\\s*${message.line}:${message.column}(?:-\\d+:\\d+)?\\s+(?:error|warning)\\s.*${message.ruleId}`))
          expect(cliRun.stderr).toContain(rules[message.ruleId as RuleId].fix)
        }

        // 3. dist-data/: untouched on rejection; exactly the outputs on success; never a leftover.
        const after = await snapshot(path.join(root, 'dist-data'))
        expect((await readdir(path.join(root, 'dist-data'))).sort()).toEqual(existsSync(path.join(root, 'dist-data/releases')) ? ['draft', 'releases'] : ['draft'])
        // Releases are frozen: a build never touches them.
        for (const [file, bytes] of before) if (file.startsWith(`releases${path.sep}`)) expect(after.get(file), file).toBe(bytes)
        if (!expected.accepted) {
          expect(cliRun.stderr).toContain('dist-data/ is unchanged')
          expect(after).toEqual(before)
          return
        }
        // The CLI writes file by file, keeping nothing: what it wrote must be what an in-memory build without the cache makes.
        const {outputs} = await build({root, out: null})
        expect([...after.keys()].filter((file) => file.startsWith(`draft${path.sep}`)).sort()).toEqual([...outputs.keys()].map((file) => path.join('draft', file)).sort())
        for (const [file, content] of outputs) expect(readBack(after.get(path.join('draft', file))!, content), file).toEqual(comparable(content))
        if (expected.unchanged) expect(after).toEqual(before)
        if (expected.records) expect(records).toEqual(expected.records)
        for (const [file, needles] of Object.entries(expected.contains ?? {})) {
          for (const needle of needles) expect(outputs.get(file), `${file} should contain ${needle}`).toContain(needle)
        }
        for (const [file, needles] of Object.entries(expected.absentIn ?? {})) {
          for (const needle of needles) expect(outputs.get(file), `${file} should not contain ${needle}`).not.toContain(needle)
        }
        for (const needle of expected.absent ?? []) {
          for (const [file, content] of outputs) expect(Buffer.from(content).includes(needle), `${file} contains ${needle}`).toBe(false)
        }
      } finally {
        await removeProject(root)
      }
    }, 120_000)
  })
})

describe.concurrent('the command as a process', () => {
  it.each(['binary-file', 'quote-no-longer-matches', 'duplicate-record-id', 'formula-payloads'])('%s: same exit status and report as in process', async (name) => {
    const expected = JSON.parse(readFileSync(path.join(corpus, name, 'expected.json'), 'utf8')) as Expected
    const [inProcess, asProcess] = [await copyProject({distData: true}), await copyProject({distData: true})]
    try {
      await prepare(inProcess, name, expected.setup ?? [])
      await prepare(asProcess, name, expected.setup ?? [])
      const own = await runInProcess(inProcess)
      const real = await run(process.execPath, [cli], {cwd: asProcess, maxBuffer: 64 * 1024 * 1024}).then(
        (output) => ({code: 0, ...output}),
        (error: {code: number; stdout: string; stderr: string}) => error
      )
      const untimed = (text: string) => text.replace(/\d+\.\d+ s\b/g, 'T s').trim()
      expect(real.code).toBe(expected.accepted ? 0 : 1)
      expect(real.code).toBe(own.code)
      expect(untimed(real.stderr)).toBe(untimed(own.stderr))
      expect(untimed(real.stdout)).toBe(untimed(own.stdout))
      expect(await snapshot(path.join(asProcess, 'dist-data'))).toEqual(await snapshot(path.join(inProcess, 'dist-data')))
    } finally {
      await removeProject(inProcess)
      await removeProject(asProcess)
    }
  }, 120_000)
})

/** `npm run data` in `root`, in process: its exit status, what it printed, and the build's result. */
async function runInProcess(root: string) {
  const out: string[] = []
  const err: string[] = []
  const {code, result} = await main({root, args: [], io: {out: (line) => out.push(line), err: (line) => err.push(line)}})
  return {code, result, stdout: out.join('\n'), stderr: err.join('\n')}
}

/** Copy the case's files over the project, then run its setup steps. */
async function prepare(root: string, name: string, steps: readonly Step[]): Promise<void> {
  const folder = path.join(corpus, name)
  for (const entry of await readdir(folder)) {
    if (entry === 'expected.json') continue
    await cp(path.join(folder, entry), path.join(root, entry), {recursive: true})
  }
  for (const step of steps) {
    if ('write' in step) {
      const target = path.join(root, step.write)
      await mkdir(path.dirname(target), {recursive: true})
      await writeFile(target, step.parts.map(partText).join(''))
    } else if ('edit' in step) {
      await edit(root, step.edit, step.search, step.replace)
    } else if ('symlink' in step) {
      await symlink(step.target, path.join(root, step.symlink))
    } else {
      await mkdir(path.join(root, step.mkdir), {recursive: true})
    }
  }
}

function partText(part: Part): string {
  if ('text' in part) return part.text
  const times = 'times' in part ? part.times : Math.ceil(part.bytes / Buffer.byteLength(part.repeat))
  return part.repeat.repeat(times)
}

/**
 * The records of the case's own documents (not the real ones), per dataset,
 * with the fields that show they were built right. With `like`, only the
 * datasets and fields it lists.
 */
function recordsOf(datasets: ReadonlyArray<{name: string; records: object[]}>, documents: ReadonlySet<string>, like?: Expected['records']): Record<string, Array<Record<string, unknown>>> {
  const fields = ['id', 'name', 'value', 'unit', 'figure', 'date', 'date_precision', 'status', 'document', 'line', 'column', 'quote']
  const out: Record<string, Array<Record<string, unknown>>> = {}
  for (const dataset of datasets) {
    if (dataset.name === 'organisations') continue
    const own = (dataset.records as Array<Record<string, unknown>>).filter((record) => documents.has(String(record['document'])))
    if (own.length === 0 || (like && !like[dataset.name])) continue
    const keep = like?.[dataset.name]?.[0] ? Object.keys(like[dataset.name]![0]!) : fields
    out[dataset.name] = own.map((record) => Object.fromEntries(keep.filter((field) => field in record).map((field) => [field, record[field]])))
  }
  return out
}
