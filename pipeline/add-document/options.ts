/**
 * The options of `npm run add-document -- <file.txt|file.md> [--id ID] [--title T]
 * [--publisher P] [--url U] [--published YYYY-MM-DD] [--updated YYYY-MM-DD]
 * [--geography AREA] [--language TAG]`, checked once: a mistake is a message
 * that says what to write instead, never a stack trace.
 */
import {extname} from 'node:path'

export interface Options {
  /** The text or markdown file to add. */
  file: string
  id: string | null
  title: string | null
  publisher: string | null
  url: string | null
  published: string | null
  updated: string | null
  geography: string | null
  /** BCP 47 tag (default: `en-GB`, the language of England's NHS documents). */
  language: string
}

const VALUED = ['id', 'title', 'publisher', 'url', 'published', 'updated', 'geography', 'language'] as const
type Valued = (typeof VALUED)[number]

export const usage = 'npm run add-document -- <file.txt|file.md> [--id ID] [--title T] [--publisher P] [--url U] [--published YYYY-MM-DD] [--updated YYYY-MM-DD] [--geography AREA] [--language TAG]'

/** The options, or the reason they are refused. */
export function parseOptions(args: readonly string[]): {options: Options} | {error: string} {
  const values: Partial<Record<Valued, string>> = {}
  const files: string[] = []
  for (let index = 0; index < args.length; index++) {
    const argument = args[index]!
    if (!argument.startsWith('--')) {
      files.push(argument)
      continue
    }
    const [flag, inline] = argument.slice(2).split(/=(.*)/su) as [string, string | undefined]
    if (!(VALUED as readonly string[]).includes(flag)) return {error: `Unexpected option \`${argument}\`, expected one of ${VALUED.map((name) => `\`--${name}\``).join(', ')}`}
    const value = inline ?? args[++index]
    if (value === undefined || value.trim() === '') return {error: `Unexpected \`--${flag}\` without a value, expected \`--${flag} <value>\``}
    if (values[flag as Valued] !== undefined) return {error: `Unexpected second \`--${flag}\`, expected it once`}
    values[flag as Valued] = value.trim()
  }
  if (files.length !== 1) return {error: files.length === 0 ? `Unexpected command without a file, expected ${usage}` : `Unexpected ${files.length} files (${files.map((file) => `\`${file}\``).join(', ')}), expected one`}
  const file = files[0]!
  if (!['.txt', '.md'].includes(extname(file).toLowerCase())) return {error: `Unexpected file \`${file}\`, expected a plain text (.txt) or markdown (.md) file`}
  for (const flag of ['published', 'updated'] as const) {
    const value = values[flag]
    if (value !== undefined && !isDay(value)) return {error: `Unexpected \`--${flag}\` value \`${value}\`, expected a day that exists, written YYYY-MM-DD (e.g. 2024-03-31)`}
  }
  if (values.published && values.updated && values.updated < values.published) {
    return {error: `Unexpected \`--updated\` ${values.updated} before \`--published\` ${values.published}, expected the update on or after publication`}
  }
  if (values.url !== undefined && !/^https?:\/\/[^\s/]+\.[^\s]*$/u.test(values.url)) return {error: `Unexpected \`--url\` value \`${values.url}\`, expected an address starting with https:// or http://`}
  if (values.language !== undefined && !/^[a-z]{2}(-[A-Z]{2})?$/u.test(values.language)) return {error: `Unexpected \`--language\` value \`${values.language}\`, expected a BCP 47 tag such as \`en-GB\``}
  const value = (flag: Valued) => values[flag] ?? null
  return {
    options: {
      file,
      id: value('id'),
      title: value('title'),
      publisher: value('publisher'),
      url: value('url'),
      published: value('published'),
      updated: value('updated'),
      geography: value('geography'),
      language: values.language ?? 'en-GB'
    }
  }
}

/** True for YYYY-MM-DD naming a day of the calendar. */
function isDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
