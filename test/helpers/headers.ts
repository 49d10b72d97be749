/**
 * A reader of `_headers` as Netlify and Cloudflare Pages document it: a
 * rule is a path on its own line, then its indented `Name: value` lines;
 * `#` starts a comment. A path matches a request's whole path: `*` (one per
 * path) matches any characters, `/` included, `:name` one segment's; every
 * matching rule applies, and a header set by several is sent with their
 * values joined by commas.
 */
export interface Rule {
  path: string
  headers: Array<[string, string]>
}

export function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = []
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/')) throw new Error(`_headers line ${index + 1}: a path must start with /: ${line}`)
      if ((line.match(/\*/g) ?? []).length > 1) throw new Error(`_headers line ${index + 1}: more than one * in ${line}`)
      rules.push({path: line.trim(), headers: []})
      continue
    }
    const rule = rules.at(-1)
    const colon = line.indexOf(':')
    if (!rule || colon < 1) throw new Error(`_headers line ${index + 1}: expected \`Name: value\` under a path: ${line}`)
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()])
  }
  return rules
}

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')

/** Whether a rule's path matches a request path. */
export function matches(rulePath: string, requestPath: string): boolean {
  const pattern = rulePath
    .split('*')
    .map((part) => escape(part).replace(/:[A-Za-z]\w*/g, '[^/]+'))
    .join('.*')
  return new RegExp(`^${pattern}$`).test(requestPath)
}

/** The headers a request path gets: each name (lower case) with the value of every matching rule that sets it. */
export function headersFor(rules: readonly Rule[], requestPath: string): Map<string, string[]> {
  const headers = new Map<string, string[]>()
  for (const rule of rules.filter((candidate) => matches(candidate.path, requestPath))) {
    for (const [name, value] of rule.headers) headers.set(name.toLowerCase(), [...(headers.get(name.toLowerCase()) ?? []), value])
  }
  return headers
}
