import {describe, expect, it} from 'vitest'
import {parseOptions} from '../../pipeline/add-document/options.ts'

const error = (args: string[]) => {
  const parsed = parseOptions(args)
  return 'error' in parsed ? parsed.error : undefined
}

describe('parseOptions', () => {
  it('should read every option, with = or a separate value, and default the language to en-GB', () => {
    expect(parseOptions(['page.txt', '--id', 'a-page', '--title=A page', '--publisher', 'NHS Dorset', '--url', 'https://example.nhs.uk/a', '--published', '2024-02-29', '--updated', '2024-03-01', '--geography', 'Dorset'])).toEqual({
      options: {file: 'page.txt', id: 'a-page', title: 'A page', publisher: 'NHS Dorset', url: 'https://example.nhs.uk/a', published: '2024-02-29', updated: '2024-03-01', geography: 'Dorset', language: 'en-GB'}
    })
    expect(parseOptions(['page.md'])).toEqual({options: {file: 'page.md', id: null, title: null, publisher: null, url: null, published: null, updated: null, geography: null, language: 'en-GB'}})
  })

  it('should refuse an unknown option, a missing value and a second use, saying what to write', () => {
    expect(error(['page.txt', '--author', 'x'])).toMatch(/^Unexpected option `--author`, expected one of `--id`, `--title`/u)
    expect(error(['page.txt', '--title'])).toBe('Unexpected `--title` without a value, expected `--title <value>`')
    expect(error(['page.txt', '--id', 'a', '--id', 'b'])).toBe('Unexpected second `--id`, expected it once')
  })

  it('should refuse a day that does not exist or is not written YYYY-MM-DD, and an update before publication', () => {
    expect(error(['page.txt', '--published', '2023-02-29'])).toBe('Unexpected `--published` value `2023-02-29`, expected a day that exists, written YYYY-MM-DD (e.g. 2024-03-31)')
    expect(error(['page.txt', '--updated', '01/02/2024'])).toMatch(/^Unexpected `--updated` value `01\/02\/2024`/u)
    expect(error(['page.txt', '--published', '2024-05-01', '--updated', '2024-04-01'])).toBe('Unexpected `--updated` 2024-04-01 before `--published` 2024-05-01, expected the update on or after publication')
  })

  it('should want exactly one .txt or .md file, and a web address', () => {
    expect(error([])).toMatch(/^Unexpected command without a file, expected npm run add-document -- <file.txt\|file.md>/u)
    expect(error(['a.txt', 'b.txt'])).toBe('Unexpected 2 files (`a.txt`, `b.txt`), expected one')
    expect(error(['page.pdf'])).toBe('Unexpected file `page.pdf`, expected a plain text (.txt) or markdown (.md) file')
    expect(error(['page.txt', '--url', 'www.example.org'])).toBe('Unexpected `--url` value `www.example.org`, expected an address starting with https:// or http://')
  })
})
