/**
 * `_headers`: the response headers of the published files, in the file
 * format Netlify and Cloudflare Pages read from the site's root. A path is
 * matched whole; `*` (at most one per path) matches any characters, `/`
 * included, and `:name` one path segment. Every rule whose path matches
 * applies, and a header set by two of them would be sent with both values
 * joined, so no two rules that can match one file set the same header.
 */
import {servedCatalogues} from './catalogues.ts'
import {contentTypes, plainTextFiles} from './files.ts'
import {releases} from './shown.ts'

export interface HeaderRule {
  /** Why the rule is there, written above it. */
  comment?: string
  path: string
  headers: Array<[string, string]>
}

/** A year: a release's files never change (pipeline/release/frozen.ts checks it on every build). */
const immutable = 'public, max-age=31536000, immutable'
/** Five minutes: /data/latest/ moves to each new release, /data/draft/ changes with the sources. */
const shortLived = 'public, max-age=300'

export function headerRules(): HeaderRule[] {
  const cors: [string, string] = ['Access-Control-Allow-Origin', '*']
  return [
    {comment: 'Any site may fetch the data and the catalogues from a browser.', path: '/data/*', headers: [cors]},
    ...servedCatalogues.map((file, index): HeaderRule => ({
      ...(index === 0 ? {comment: 'The catalogues, with their types: hosts do not know .jsonld or .ttl.'} : {}),
      path: `/${file.file}`,
      headers: [cors, ['Content-Type', file.mediaType]]
    })),
    ...Object.entries(contentTypes).map(([extension, type], index): HeaderRule => ({
      ...(index === 0 ? {comment: 'Each published file’s type, as /data/<version>/<file> gives it: the text formats say they are UTF-8.'} : {}),
      path: `/data/*${extension}`,
      headers: [['Content-Type', type]]
    })),
    ...[...plainTextFiles].map((name): HeaderRule => ({path: `/data/:version/${name}`, headers: [['Content-Type', 'text/plain; charset=utf-8']]})),
    ...releases.map(({version}, index): HeaderRule => ({
      ...(index === 0 ? {comment: 'A numbered release never changes: cache its files for a year.'} : {}),
      path: `/data/${version}/*`,
      headers: [['Cache-Control', immutable]]
    })),
    ...(releases.length > 0 ? [{comment: 'This moves to each new release.', path: '/data/latest/*', headers: [['Cache-Control', shortLived]]} satisfies HeaderRule] : []),
    {comment: 'The draft changes with the sources.', path: '/data/draft/*', headers: [['Cache-Control', shortLived]]}
  ]
}

export function headersFile(rules: HeaderRule[] = headerRules()): string {
  const blocks = rules.map((rule) => [...(rule.comment ? [`# ${rule.comment}`] : []), rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'))
  return `# Response headers for static hosts that read _headers (Netlify, Cloudflare Pages). Made by site/src/lib/headers.ts.\n\n${blocks.join('\n\n')}\n`
}
