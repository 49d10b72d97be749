/**
 * A citation of a release, or of one record or dataset in it, in the forms a
 * reader pastes into a reference manager or a paper: BibTeX, RIS, CSL-JSON and
 * an APA 7 reference as plain text. Pure functions without imports, so the
 * site can use them too; test/release/cite.test.ts reads each form back with
 * citation-js. A fact that is not known (address, DOI, date) is left out, never
 * written as an empty field.
 */

export interface Citation {
  /** Key for BibTeX / id for CSL and RIS: letters, digits, `-`, `_`, `:` and `.` only (any text is made safe by citationKey). */
  key: string
  /** The publisher, an organisation: it is the author too, never split into given and family names. */
  publisher: string
  /** What is cited: the publication's title, or a record's label when `container` is set. */
  title: string
  /** For a record or a dataset: the publication it is part of. */
  container?: string
  /** '1.0.0', or 'draft' for unreleased data. */
  version: string
  /** Release date, YYYY-MM-DD; null for a draft (then the year is "n.d." in APA, and BibTeX/RIS/CSL omit the date). */
  date: string | null
  /** Address of the cited page or file; null while the publication has no public address. */
  url: string | null
  /** Bare DOI (10.xxxx/…) or null. */
  doi: string | null
}

/** A key from any text: accents dropped, each run of other characters than letters, digits, `-`, `_`, `:` and `.` a `-`. */
export function citationKey(text: string): string {
  const key = text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9_:.-]+/g, '-').replace(/^-+|-+$/g, '')
  return key === '' ? 'citation' : key
}

/** Text on one line: every run of white space (line breaks included) one space. */
const clean = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The date's year, month and day as written ('2026', '12', '02'); null for a draft. */
function dateParts(date: string | null): [string, string, string] | null {
  if (date === null) return null
  const match = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(date)
  if (!match) throw new Error(`A citation's date is YYYY-MM-DD or null, not "${date}"`)
  return [match[1]!, match[2]!, match[3]!]
}

const versionText = (version: string) => (version === 'draft' ? 'draft' : `version ${clean(version)}`)

// BibTeX. Braces stay balanced whatever the text holds, as BibTeX counts `\{` too.
const texEscapes: Record<string, string> = {'\\': '\\textbackslash{}', '{': '\\textbraceleft{}', '}': '\\textbraceright{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}'}
// `{}` breaks the ligatures LaTeX would make of the text's `--`, `''`, `!\`` and the like (a dash, a curly quote, "¡").
const tex = (text: string) => clean(text).replace(/[\\{}~^&%$#_]/g, (char) => texEscapes[char] ?? `\\${char}`).replace(/([-'`<>,])(?=\1)|[!?](?=`)/g, '$&{}')
/** A title, each word with a capital in braces, so a style that lowercases titles leaves "Kent" and "ICS" alone. */
const texTitle = (text: string) => clean(text).split(' ').map((word) => (/\p{Lu}/u.test(word) ? `{${tex(word)}}` : tex(word))).join(' ')
/** url and doi are verbatim fields: only what would break the entry (braces, backslash, space) is percent-encoded. */
const texVerbatim = (text: string) => text.trim().replace(/[{}\\\s]/g, (char) => encodeURIComponent(char))
const texMonths = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** A BibTeX @misc entry (classic BibTeX has no @dataset): the publisher as a corporate author, in double braces. */
export function bibtex(citation: Citation): string {
  const date = dateParts(citation.date)
  const container = citation.container ? clean(citation.container) : ''
  const fields: Array<[string, string | false]> = [
    ['author', `{{${tex(citation.publisher)}}}`],
    ['title', `{${texTitle(citation.title)}}`],
    ['booktitle', container !== '' && `{${texTitle(container)}}`],
    ['howpublished', `{Dataset${container ? ` in ${texTitle(container)}` : ''}, ${tex(versionText(citation.version))}}`],
    ['version', `{${tex(citation.version)}}`],
    ['year', date !== null && `{${date[0]}}`],
    ['month', date !== null && texMonths[Number(date[1]) - 1]!],
    // Double braces here too: biblatex reads publisher as a list, split at "and".
    ['publisher', `{{${tex(citation.publisher)}}}`],
    ['url', !!citation.url?.trim() && `{${texVerbatim(citation.url)}}`],
    ['doi', !!citation.doi?.trim() && `{${texVerbatim(citation.doi)}}`]
  ]
  const lines = fields.flatMap(([name, value]) => (value === false ? [] : [`  ${name} = ${value},`]))
  return `@misc{${citationKey(citation.key)},\n${lines.join('\n')}\n}\n`
}

/**
 * RIS, type DATA, with CRLF after every line as the RIS specification asks.
 * AU holds the publisher without a comma, which readers take as a corporate
 * name (a comma would split it into family and given names). The 2011 field
 * list gives DATA no T2, so some readers (citation-js) drop the container.
 */
export function ris(citation: Citation): string {
  const date = dateParts(citation.date)
  const tags: Array<[string, string | null | undefined]> = [
    ['TY', 'DATA'],
    ['AU', citation.publisher],
    ['TI', citation.title],
    ['T2', citation.container],
    ['PY', date?.[0]],
    ['DA', date && `${date.join('/')}/`],
    ['ET', citation.version],
    ['PB', citation.publisher],
    ['UR', citation.url],
    ['DO', citation.doi],
    ['ID', citationKey(citation.key)]
  ]
  const lines = tags.flatMap(([tag, value]) => (value && clean(value) ? [`${tag}  - ${clean(value)}`] : []))
  return [...lines, 'ER  - '].map((line) => `${line}\r\n`).join('')
}

/** A CSL-JSON item (CSL-JSON schema 1.0.2's variable names), type dataset, the publisher as a literal name. */
export function cslJson(citation: Citation): Record<string, unknown> {
  const date = dateParts(citation.date)
  const item: Record<string, unknown> = {
    id: citationKey(citation.key),
    type: 'dataset',
    title: clean(citation.title),
    'container-title': citation.container && clean(citation.container),
    author: [{literal: clean(citation.publisher)}],
    publisher: clean(citation.publisher),
    version: clean(citation.version),
    issued: date && {'date-parts': [date.map(Number)]},
    URL: citation.url?.trim(),
    DOI: citation.doi?.trim()
  }
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined && value !== null && value !== ''))
}

/**
 * An APA 7 reference for a data set, as plain text: "Author. (Year). Title
 * (Version 1.0.0) [Data set]. DOI or URL". The publisher is the author, so APA
 * leaves out the publisher element that would repeat it. A part of a
 * publication follows APA's pattern for a part of a whole: "Label [Data set].
 * In Publication (Version 1.0.0)." A DOI, as https://doi.org/…, takes the
 * place of the URL; no date gives "(n.d.)".
 */
export function apa(citation: Citation): string {
  const date = dateParts(citation.date)
  const publisher = clean(citation.publisher)
  const title = clean(citation.title)
  const version = versionText(citation.version).replace(/^./, (first) => first.toUpperCase())
  const work = citation.container ? `${title} [Data set]. In ${clean(citation.container)} (${version}).` : `${title} (${version}) [Data set].`
  const link = citation.doi?.trim() ? `https://doi.org/${citation.doi.trim()}` : citation.url?.trim()
  return [publisher.endsWith('.') ? publisher : `${publisher}.`, `(${date?.[0] ?? 'n.d.'}).`, work, link].filter(Boolean).join(' ')
}
