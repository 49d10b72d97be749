/** axe-core's WCAG 2.2 A and AA rules, run on a page in the browser. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Page} from 'playwright-core'
import {projectRoot} from './project.ts'

const axeSource = readFileSync(path.join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8')

/** Each violation as `rule: targets`; none when the page passes. */
export async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  const result = await page.evaluate(async () => {
    const run = (window as unknown as {axe: {run: (options: unknown) => Promise<{violations: Array<{id: string; nodes: Array<{target: string[]}>}>}>}}).axe.run
    return run({runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
  })
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}
