/**
 * Files at the site's root that are not pages: the catalogues (once a
 * release exists), robots.txt, and _headers for static hosts. A page file
 * named `_headers` would be left out of the build (Astro skips names that
 * start with `_`), so it is a parameter of this route.
 */
import type {APIRoute, GetStaticPaths} from 'astro'
import {catalogue, servedCatalogues} from '../lib/catalogues.ts'
import {headersFile} from '../lib/headers.ts'
import {robotsTxt} from '../lib/robots.ts'

const files: Record<string, {type: string; body: () => Promise<string> | string}> = {
  ...Object.fromEntries(servedCatalogues.map((file) => [file.file, {type: file.mediaType, body: () => file.body(catalogue!)}])),
  'robots.txt': {type: 'text/plain; charset=utf-8', body: robotsTxt},
  _headers: {type: 'text/plain; charset=utf-8', body: () => headersFile()}
}

export const getStaticPaths: GetStaticPaths = () => Object.keys(files).map((file) => ({params: {file}}))

export const GET: APIRoute = async ({params}) => {
  const file = files[String(params['file'])]
  if (!file) return new Response(null, {status: 404})
  return new Response(await file.body(), {headers: {'content-type': file.type}})
}
