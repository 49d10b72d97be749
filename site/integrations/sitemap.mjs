// @ts-check
/**
 * sitemap.xml: every HTML page of the built site, as an absolute URL under
 * the site's address (astro.config.mjs `site`, from sources/publication.yml's
 * base_url). The sitemap protocol allows only absolute URLs, so while the
 * site has no address no sitemap is written (robots.txt says so). Read from
 * the build's output, so it lists exactly the pages that exist; 404.html is
 * not a page anyone should be sent to.
 */
import {readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** @param {string} text */
const escapeXml = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;')

/** Every page of a built site as its URL path (`/terms/place/`), sorted. */
export function pagesOf(/** @type {string} */ folder) {
  return readdirSync(folder, {recursive: true, encoding: 'utf8'})
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => (file === 'index.html' || file.endsWith('/index.html')) && !file.startsWith('pagefind/'))
    .map((file) => `/${file.slice(0, -'index.html'.length)}`)
    .sort()
}

/** @param {string} site @param {string[]} pages */
export function sitemapXml(site, pages) {
  const urls = pages.map((page) => `  <url><loc>${escapeXml(new URL(page.slice(1), site).href)}</loc></url>`)
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n')
}

/** @returns {import('astro').AstroIntegration} */
export function sitemap() {
  /** @type {URL | undefined} */
  let site
  return {
    name: 'icb-sitemap',
    hooks: {
      'astro:config:done': ({config}) => {
        site = config.site ? new URL(config.site) : undefined
      },
      'astro:build:done': ({dir}) => {
        if (!site) return
        const folder = fileURLToPath(dir)
        writeFileSync(path.join(folder, 'sitemap.xml'), sitemapXml(site.href.endsWith('/') ? site.href : `${site.href}/`, pagesOf(folder)))
      }
    }
  }
}
