// @ts-check
import {defineConfig} from 'astro/config'

export default defineConfig({
  srcDir: './site/src',
  publicDir: './site/public',
  outDir: './dist',
  trailingSlash: 'always',
  build: {format: 'directory'}
})
