/**
 * Lighthouse (mobile, its default: a mid-range phone on a slow 4G link, the
 * processor slowed 4x) on pages of a built site, served on 127.0.0.1 as a
 * static host serves it (text gzipped), by Debian's Chromium; nothing is
 * fetched from elsewhere. Prints each page's four scores, and its performance metrics.
 *
 *   node bench/lighthouse.ts [site folder] [path…]   default: dist/, the home page
 *
 * With bench/site.ts --keep, point it at the kept project's dist/ and at the
 * heaviest pages that bench/site.ts lists.
 */
import {execFile} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'
import {serve} from '../test/helpers/site.ts'
import {projectRoot} from './corpus.ts'

const run = promisify(execFile)
export const categories = ['performance', 'accessibility', 'best-practices', 'seo']

export interface Scores {
  page: string
  scores: Record<string, number>
  /** Largest contentful paint and total blocking time, ms. */
  lcp: number
  tbt: number
  /** The weighted audits that did not pass, with their scores: why a category is below 100. */
  failed: string[]
}

/** Lighthouse's scores (0 to 100) for `page` under `origin`. */
export async function lighthouse(origin: string, page: string): Promise<Scores> {
  const args = [path.join(projectRoot, 'node_modules/lighthouse/cli/index.js'), origin + page, '--output=json', '--output-path=stdout', '--quiet', `--only-categories=${categories.join(',')}`, '--chrome-flags=--headless --no-sandbox --disable-gpu']
  const {stdout} = await run(process.execPath, args, {env: {...process.env, CHROME_PATH: '/usr/bin/chromium'}, maxBuffer: 64 * 1024 * 1024})
  const report = JSON.parse(stdout) as {categories: Record<string, {score: number | null; auditRefs: Array<{id: string; weight: number}>}>; audits: Record<string, {numericValue?: number; score: number | null}>}
  const failed = categories.flatMap((category) => (report.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score !== null && (report.audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => `${category}: ${ref.id} ${report.audits[ref.id]!.score}`))
  return {
    page,
    scores: Object.fromEntries(categories.map((category) => [category, Math.round((report.categories[category]?.score ?? 0) * 100)])),
    lcp: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? 0),
    tbt: Math.round(report.audits['total-blocking-time']?.numericValue ?? 0),
    failed
  }
}

/** Lighthouse on each page of the site in `folder`, served gzipped, as a static host sends HTML, CSS and JS (page-weight.ts's 50 kB are gzipped bytes too). */
export async function lighthouseAll(folder: string, pages: readonly string[]): Promise<Scores[]> {
  const {server, origin} = await serve(path.resolve(folder), {gzip: true})
  try {
    const results: Scores[] = []
    for (const page of pages) results.push(await lighthouse(origin, page))
    return results
  } finally {
    server.close()
  }
}

if (import.meta.main) {
  const [folder = path.join(projectRoot, 'dist'), ...pages] = process.argv.slice(2)
  for (const {page, scores, lcp, tbt, failed} of await lighthouseAll(folder, pages.length > 0 ? pages : ['/'])) {
    console.log(`${page}: ${categories.map((category) => `${category} ${scores[category]}`).join(', ')}; LCP ${lcp} ms, TBT ${tbt} ms`)
    for (const audit of failed) console.log(`  below 100 for ${audit}`)
  }
}
