/** The site's home page in a real browser (Chromium): it renders what the pipeline built, with no errors and no outside requests. */
import type {Server} from 'node:http'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {projectRoot} from '../helpers/project.ts'
import {buildSite, launchBrowser, serve, siteOutput} from '../helpers/site.ts'

const datapackage = JSON.parse(readFileSync(path.join(projectRoot, 'dist-data/draft/datapackage.json'), 'utf8'))

describe('home page', () => {
  let browser: Browser
  let server: Server
  let origin: string
  beforeAll(async () => {
    await buildSite()
    ;({server, origin} = await serve(siteOutput))
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    server?.close()
  })

  it('should show the publication and every dataset, with no console error and no request to another host', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    const hosts = new Set<string>()
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('request', (request) => hosts.add(new URL(request.url()).origin))
    const response = await page.goto(`${origin}/`)
    expect(response?.status()).toBe(200)
    expect(await page.locator('h1').textContent()).toBe(datapackage.title)
    expect(await page.locator('main li').allTextContents()).toEqual(datapackage.resources.map((resource: {title: string; path: string}) => `${resource.title}: ${resource.path}`))
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB')
    expect(errors).toEqual([])
    expect([...hosts]).toEqual([origin])
    await context.close()
  })
})
