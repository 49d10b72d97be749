import {describe, expect, it} from 'vitest'
import {parseDocument} from 'yaml'
import {yamlReason} from '../../pipeline/parse/yaml-advice.ts'

/** The reason given for the first error YAML finds in `text`. */
function reasonFor(text: string): string {
  const error = parseDocument(text).errors[0]
  if (!error) throw new Error(`No YAML error in ${JSON.stringify(text)}`)
  return yamlReason(error, text)
}

describe('yamlReason', () => {
  it('should show a value with `: ` in it written in double quotes', () => {
    expect(reasonFor('reason: Note: the plan changed\n')).toBe('Unexpected `: ` inside a value (YAML reads it as a second `key: value` in `reason: Note: the plan changed`), expected the value in double quotes: `reason: "Note: the plan changed"`')
    expect(reasonFor('statistics:\n  - quote: It said "hi" there: ok\n')).toBe('Unexpected `: ` inside a value (YAML reads it as a second `key: value` in `- quote: It said "hi" there: ok`), expected the value in double quotes: `quote: "It said \\"hi\\" there: ok"`')
  })

  it('should show a value starting with a reserved character written in double quotes', () => {
    expect(reasonFor('quote: @home we care\n')).toBe('Unexpected value starting with a character YAML reserves (@), expected the value in double quotes: `quote: "@home we care"`')
  })

  it('should show the value to quote inside `{…}` too, never an empty suggestion', () => {
    expect(reasonFor('ignore:\n  - {quote: Mission 3, reason: `heading` here}\n')).toBe('Unexpected value starting with a character YAML reserves (`), expected the value in double quotes: `reason: "`heading` here"`')
    expect(reasonFor('ignore:\n  - {reason: @home, quote: Mission 3}\n')).toBe('Unexpected value starting with a character YAML reserves (@), expected the value in double quotes: `reason: "@home"`')
    expect(reasonFor('ignore:\n  - {quote: Mission 3, reason: Note: the plan}\n')).toBe('Unexpected `: ` inside a value (YAML reads it as a second `key: value` in `- {quote: Mission 3, reason: Note: the plan}`), expected the value in double quotes: `reason: "Note: the plan"`')
  })

  it('should name tabs, duplicate fields, unclosed brackets and quotes, and list items without a dash', () => {
    expect(reasonFor('a:\n\t- b\n')).toBe('Unexpected tab in the indentation, expected spaces (two per level)')
    expect(reasonFor('label: A\nlabel: B\n')).toBe('Unexpected second `label:` in one mapping, expected each field once')
    expect(reasonFor('a: {b: 1\nc: 2\n')).toBe('Unexpected `{` that is not closed on its line, expected `}` before the line ends, or the fields written as indented lines')
    expect(reasonFor('a: "open\n')).toMatch(/^Unexpected quoted value with no closing quote, expected the same quote mark at its end/)
    expect(reasonFor('- a: 1\n b: 2\n')).toMatch(/^Unexpected line inside a list without `- `/)
  })
})
