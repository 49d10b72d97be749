import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      {extends: true, test: {name: 'pipeline', include: ['test/**/*.test.ts'], exclude: ['test/site/**']}},
      // The site is built once (Astro, then Pagefind) before its tests run in Chromium.
      {extends: true, test: {name: 'site', include: ['test/site/**/*.test.ts'], globalSetup: ['test/site/setup.ts']}}
    ]
  }
})
