/**
 * Text from sources reaches pages as text: a document with raw HTML, script
 * and markup-like characters is built into a throwaway copy of the project,
 * and no tag or handler from it appears in any page.
 */
import {execFile} from 'node:child_process'
import {cp, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {frontmatter, projectRoot} from '../helpers/project.ts'
import {launchBrowser, serve} from '../helpers/site.ts'

const run = promisify(execFile)
let root: string

const judgements = `terms:
  - {id: hostile-term, name: "<b>Bold</b> & co", quote: "<b>Bold</b> & co stands for"}
statistics:
  - {id: hostile-figure, quote: "42 <script>alert(2)</script> networks", figure: "42", label: "<img src=x onerror=alert(3)>", unit: networks}
`

const hostile = `${frontmatter('hostile-test').replace('title: Test document', 'title: "Hostile <script>alert(1)</script> test"')}
# Hostile \\<script>alert(1)\\</script> test

<script>alert('raw block')</script>

Some text with <img src=x onerror=alert('inline')> inside, and \`<code>\` too.

\\<b>Bold\\</b> & co stands for nothing.

There are 42 \\<script>alert(2)\\</script> networks.
`

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'icb-site-'))
  for (const entry of ['pipeline', 'site', 'sources', 'schema', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    await cp(path.join(projectRoot, entry), path.join(root, entry), {recursive: true})
  }
  await symlink(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'))
  await writeFile(path.join(root, 'sources/documents/hostile-test.md'), hostile)
  await writeFile(path.join(root, 'sources/judgements/hostile-test.yml'), judgements)
  await run(process.execPath, ['pipeline/cli.ts'], {cwd: root})
  await run(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {cwd: root, env: {...process.env, ASTRO_TELEMETRY_DISABLED: '1'}})
}, 180_000)
afterAll(async () => {
  if (root) await rm(root, {recursive: true, force: true})
})

describe('text from sources on pages', () => {
  it('never becomes an element, a handler or a running script, in Chromium', async () => {
    const {server, origin} = await serve(path.join(root, 'dist'))
    const browser = await launchBrowser()
    const page = await (await browser.newContext()).newPage()
    const dialogs: string[] = []
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message())
      await dialog.dismiss()
    })
    const found: string[] = []
    for (const url of ['/sources/hostile-test/', '/terms/hostile-term/', '/statistics/hostile-figure-hostile-test/', '/terms/', '/datasets/statistics/', '/datasets/documents/', '/sources/']) {
      await page.goto(origin + url)
      const injected = await page.evaluate(() => ({
        scripts: [...document.querySelectorAll('script')].filter((script) => !script.src).length,
        handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
        images: document.querySelectorAll('img').length,
        bold: [...document.querySelectorAll('main b')].length
      }))
      if (Object.values(injected).some((count) => count > 0)) found.push(`${url} ${JSON.stringify(injected)}`)
    }
    await browser.close()
    server.close()
    expect(found).toEqual([])
    expect(dialogs).toEqual([])
  })

  it('shows it as the text it is', async () => {
    const source = await readFile(path.join(root, 'dist/sources/hostile-test/index.html'), 'utf8')
    expect(source).toContain('&lt;b&gt;Bold&lt;/b&gt; &amp; co')
    expect(source).toContain('42 &lt;script&gt;alert(2)&lt;/script&gt; networks')
    const statistic = await readFile(path.join(root, 'dist/statistics/hostile-figure-hostile-test/index.html'), 'utf8')
    expect(statistic).toContain('<h1>&lt;img src=x onerror=alert(3)&gt;</h1>')
  })
})
