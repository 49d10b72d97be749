// @ts-check
import {defineConfig} from 'astro/config'

export default defineConfig({
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
