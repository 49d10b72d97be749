// @ts-check
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {defineConfig} from 'astro/config'
import {parse} from 'yaml'
import {sitemap} from './site/integrations/sitemap.mjs'

// The site's public address, as sources/publication.yml gives it (null until it has one): canonical URLs and the sitemap take it.
const {base_url: baseUrl} = parse(readFileSync(path.resolve('sources/publication.yml'), 'utf8'))

export default defineConfig({
  ...(baseUrl ? {site: baseUrl} : {}),
  integrations: [sitemap()],
  srcDir: './site/src',
  publicDir: './site/public',
  outDir: './dist',
  trailingSlash: 'always',
  build: {format: 'directory'},
  // No code blocks are published; Shiki's inline styles would need CSP exceptions.
  markdown: {syntaxHighlight: false},
  // Scripts as files, not inlined: cacheable across pages, and dynamic import() keeps its helper.
  vite: {build: {assetsInlineLimit: 0}},
  security: {
    // A <meta> Content-Security-Policy on every page: scripts and styles only from this site or
    // hashed by Astro, nothing from any other host. Pagefind's search needs WebAssembly.
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: {resources: ["'self'", "'wasm-unsafe-eval'"]}
    }
  }
})
