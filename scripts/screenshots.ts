/**
 * Screenshots of the built site as a phone shows it: a screen (320 × 640 px)
 * of one page of each kind, in Debian's Chromium, from the top for the home
 * page and from where the page's own content starts for the rest (the header
 * above it is the same on every page), saved as
 * docs/screenshots/320/<kind>.png with docs/screenshots/README.md listing
 * them and the page each shows. Issue 13's closing note shows them.
 *
 *   npm run build && node scripts/screenshots.ts [site folder]   default: dist/
 *
 * The page of each kind is the first in address order, so the same site
 * gives the same list; test/site/screens.test.ts checks every page at 320 px.
 */
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {kindOf} from '../bench/page-weight.ts'
import {pagesIn} from '../test/helpers/links.ts'
import {projectRoot} from '../test/helpers/project.ts'
import {launchBrowser, serve} from '../test/helpers/site.ts'

export const screen = {width: 320, height: 640}
const folder = path.join(projectRoot, 'docs/screenshots/320')

/** A file name for a kind of page: `terms/<id>` → `terms-id`, the home page `home`. */
export const fileOf = (kind: string) => kind.replace(/[^a-z0-9.]+/gi, '-').replace(/-$/, '').replace(/\.html$/, '')

/** One page of each kind, the first in address order, kinds in address order too. */
export function pagesByKind(pages: readonly string[]): Array<{kind: string; page: string}> {
  const chosen = new Map<string, string>()
  for (const page of [...pages].sort()) if (!chosen.has(kindOf(page))) chosen.set(kindOf(page), page)
  return [...chosen].map(([kind, page]) => ({kind, page}))
}

function readme(shots: Array<{kind: string; page: string}>): string {
  return [
    '# Screenshots at 320 px',
    '',
    `A screen (${screen.width} × ${screen.height} px) of one page of each kind, as a phone shows it, in Chromium: the home page from its`,
    'top, with the header every page has; the others from where their own content starts, below that header.',
    'Made by `node scripts/screenshots.ts` from the built site (`npm run build`); the page of each kind is the first in',
    'address order. Every page is checked at 320 px by `test/site/screens.test.ts` (never wider than the screen, no text',
    'under 12 px).',
    '',
    '| kind of page | page shown | screenshot |',
    '|---|---|---|',
    ...shots.map(({kind, page}) => `| \`${kind}\` | \`${page}\` | [${fileOf(kind)}.png](320/${fileOf(kind)}.png) |`),
    ''
  ].join('\n')
}

async function main(site: string): Promise<void> {
  const shots = pagesByKind(pagesIn(site))
  if (shots.length === 0) throw new Error(`no page in ${site}: build the site first (npm run build)`)
  const {server, origin} = await serve(site)
  const browser = await launchBrowser()
  try {
    // Old files go, so a kind that no longer exists leaves no stale picture.
    rmSync(folder, {recursive: true, force: true})
    mkdirSync(folder, {recursive: true})
    const context = await browser.newContext({viewport: screen, deviceScaleFactor: 1})
    const page = await context.newPage()
    for (const {kind, page: url} of shots) {
      const response = await page.goto(origin + url, {waitUntil: 'networkidle'})
      if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`)
      // Below the header and the release banner, which take some 260 px of a 640 px screen on every page.
      const top = kind === 'home' ? 0 : Math.round((await page.locator('main').boundingBox())?.y ?? 0)
      const height = Math.min(screen.height, Math.max(1, (await page.evaluate(() => document.documentElement.scrollHeight)) - top))
      await page.screenshot({path: path.join(folder, `${fileOf(kind)}.png`), fullPage: true, clip: {x: 0, y: top, width: screen.width, height}})
      console.log(`${kind}: ${url}`)
    }
    await context.close()
  } finally {
    await browser.close()
    server.close()
  }
  writeFileSync(path.join(folder, '..', 'README.md'), readme(shots))
  console.log(`${readdirSync(folder).length} screenshots in ${path.relative(projectRoot, folder)}`)
}

if (import.meta.main) {
  // A message, not a stack trace: the usual causes are no built site or no Chromium.
  await main(path.resolve(process.argv[2] ?? path.join(projectRoot, 'dist'))).catch((error: unknown) => {
    console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  })
}
