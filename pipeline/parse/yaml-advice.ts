/**
 * What a YAML mistake means to an editor: the parser's error turned into
 * "Unexpected what it saw, expected what to write", with the line rewritten
 * where the fix is mechanical (a value that needs quotes).
 */
import type {YAMLError} from 'yaml'

/** An "Unexpected …, expected …" reason for a YAML parse error at `text`'s offset `error.pos[0]`. */
export function yamlReason(error: YAMLError, text: string): string {
  const line = lineAt(text, error.pos[0])
  const pair = flowPair(line, error.pos[0] - (text.lastIndexOf('\n', error.pos[0] - 1) + 1)) ?? /^\s*(?:- )?(?<key>[^:#{}[\]]+?):\s+(?<value>.+?)\s*$/u.exec(line)?.groups
  const inQuotes = `expected the value in double quotes${pair ? `: \`${pair['key']}: ${doubleQuoted(pair['value']!)}\`` : ''}`
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_IN_FLOW':
      return `Unexpected \`: \` inside a value (YAML reads it as a second \`key: value\` in \`${line.trim()}\`), ${inQuotes}`
    case 'BAD_SCALAR_START':
      return `Unexpected value starting with a character YAML reserves (${error.message.match(/character (\S)/u)?.[1] ?? 'such as @ or `'}), ${inQuotes}`
    case 'TAB_AS_INDENT':
      return 'Unexpected tab in the indentation, expected spaces (two per level)'
    case 'DUPLICATE_KEY':
      return `Unexpected second \`${line.trim().split(':')[0]}:\` in one mapping, expected each field once`
    case 'BAD_INDENT':
      if (/Flow (map|sequence)/u.test(error.message)) return `Unexpected ${/map/u.test(error.message) ? '`{`' : '`[`'} that is not closed on its line, expected ${/map/u.test(error.message) ? '`}`' : '`]`'} before the line ends, or the fields written as indented lines`
      return 'Unexpected indentation, expected fields of one mapping (and items of one list) to start in the same column, with spaces'
    case 'MISSING_CHAR':
      if (/quote/u.test(error.message)) return 'Unexpected quoted value with no closing quote, expected the same quote mark at its end (write `\\"` for a double quote inside double quotes)'
      if (/Sequence item/u.test(error.message)) return 'Unexpected line inside a list without `- `, expected each item to start with `- `, and its further fields indented under the first'
      return `Unexpected YAML: ${firstLine(error.message)}, expected the missing character`
    default:
      return `Unexpected YAML: ${firstLine(error.message)}`
  }
}

/**
 * A flow mapping's comma ends a value: `{reason: Heading number, not a figure}`
 * is `reason: Heading number` and a field `not a figure` with no value. The
 * field's reason then says so, and how to write it.
 */
export function flowCommaReason(field: string, where: string, previous: {key: string; value: string}): string {
  return `Unexpected field \`${field}\` in ${where}: in \`{…}\` a comma ends a value, so YAML read \`${previous.key}: ${previous.value}\` and a field \`${field}\`, expected the value in double quotes: \`${previous.key}: ${doubleQuoted(`${previous.value}, ${field}`)}\``
}

/**
 * The field whose value starts at `column` of a line inside `{…}` ("- {quote: Mission 3, reason: `heading`}"):
 * its key, and its value up to the next field or the closing bracket. Undefined outside `{…}`.
 */
function flowPair(line: string, column: number): Record<string, string> | undefined {
  const before = line.slice(0, column)
  const key = /(?<=[{,]\s*)([^\s{},[\]:]+):\s*$/u.exec(before)?.[1]
  if (!before.includes('{') || key === undefined) return undefined
  const value = line.slice(column).replace(/\s*\}\s*$/u, '').split(/,\s*(?=[^\s,:{}]+:\s)/u)[0]!.trim()
  return value === '' ? undefined : {key, value}
}

function doubleQuoted(value: string): string {
  const bare = /^(["']).*\1$/u.test(value) ? value.slice(1, -1) : value
  return `"${bare.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const end = text.indexOf('\n', offset)
  return text.slice(start, end === -1 ? text.length : end)
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/u, '')
}
