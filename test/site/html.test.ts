/**
 * Every page is valid HTML (html-validate, recommended rules), carries a
 * Content-Security-Policy that allows no inline script unless hashed, and
 * every page stays light: at most 50 kB gzipped with the CSS and JS it loads
 * (issue 13; the benchmark weighs the pages of a 1,000-document site the same way).
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {HtmlValidate} from 'html-validate'
import {describe, expect, it} from 'vitest'
import {heaviestByKind, pageWeights, pageWeightTarget} from '../../bench/page-weight.ts'
import {sitePages, siteOutput} from '../helpers/site.ts'

const fileOf = (page: string) => path.join(siteOutput, page, page.endsWith('/') ? 'index.html' : '')
// Record pages are titled by the record's full label (some exceed 70 characters): cutting them would hide what they are.
const validator = new HtmlValidate({extends: ['html-validate:recommended'], rules: {'no-trailing-whitespace': 'off', 'long-title': 'off'}})

describe('HTML', () => {
  it('validates on every page', async () => {
    const failures: string[] = []
    for (const page of await sitePages()) {
      const report = await validator.validateString(readFileSync(fileOf(page), 'utf8'), page)
      for (const result of report.results) for (const message of result.messages) failures.push(`${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`)
    }
    expect(failures.slice(0, 20)).toEqual([])
  })

  it('has a Content-Security-Policy on every page that allows only this site’s and hashed scripts', async () => {
    for (const page of await sitePages()) {
      const html = readFileSync(fileOf(page), 'utf8')
      const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1]
      expect(policy, page).toBeDefined()
      const scripts = /script-src ([^;]+)/.exec(policy!)?.[1]?.split(' ') ?? []
      expect(scripts.filter((source) => !source.startsWith("'sha256-"))).toEqual(["'self'", "'wasm-unsafe-eval'"])
      expect(policy).toContain("default-src 'self'")
      // JSON-LD is a data block, never run, so the policy need not allow it (its type is checked by the schema.org test).
      for (const inline of html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)) {
        const hash = `'sha256-${createHash('sha256').update(inline[1]!).digest('base64')}'`
        expect(scripts, `${page}: inline script not hashed`).toContain(hash)
      }
    }
  })

  it('keeps every page, with the CSS and JS it loads, at most 50 kB gzipped', () => {
    const weights = pageWeights(siteOutput)
    console.log(`heaviest page of each kind (gzipped bytes): ${heaviestByKind(weights).map((weight) => `${weight.page} ${weight.total}`).join(', ')}`)
    expect(weights.length).toBeGreaterThan(0)
    expect(weights.filter((weight) => weight.total > pageWeightTarget).map((weight) => `${weight.page} ${weight.total}`)).toEqual([])
  })
})
