import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {extractDataset} from '../../pipeline/extract/dataset.ts'
import {documents} from '../../pipeline/extract/documents/index.ts'
import {allMessagesOf, context, frontmatter, parsed} from '../helpers/project.ts'

const text = '\n# Test document\n\nText.\n'
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

describe('documents', () => {
  it('should make one record per document, its evidence the title heading, with the SHA-256 of its text alone', () => {
    const file = parsed('a', frontmatter('a') + text)
    expect(extractDataset(documents, [file], context())).toEqual([{
      id: 'a', title: 'Test document', title_note: null, publisher: null, publisher_organisation: null, publisher_note: 'Test.', url: null, url_note: null,
      date_published: null, date_updated: null, date_written_earliest: '2022-07-01', date_written_latest: null, date_basis: 'Test.', licence: null, licence_note: null,
      language: 'en-GB', geography: 'Kent and Medway', geography_code: 'E54000032', path: 'sources/documents/a.md', sha256: sha256(text),
      // Line 1 of the text is the empty line after the frontmatter's closing `---`: the heading is line 2.
      document: 'a', line: 2, column: 3, quote: 'Test document'
    }])
    expect(allMessagesOf(file)).toEqual([])
    // The hash is not the file's: the frontmatter is not part of it.
    expect(sha256(text)).not.toBe(file.data.sha256)
  })

  it('should keep the line, column and hash when the frontmatter or the judgements grow', () => {
    const notes = Array.from({length: 20}, (_, index) => `# Editorial note ${index}\n`).join('')
    const plain = extractDataset(documents, [parsed('a', frontmatter('a') + text)], context())
    const annotated = extractDataset(documents, [parsed('a', frontmatter('a', notes) + text, notes + 'statistics: []\n')], context())
    expect(annotated.map(({line, column, sha256}) => ({line, column, sha256}))).toEqual(plain.map(({line, column, sha256}) => ({line, column, sha256})))
    expect(annotated[0]).toMatchObject({line: 2, sha256: sha256(text)})
  })

  it('should change the hash and the lines when the text changes', () => {
    const [edited] = extractDataset(documents, [parsed('a', frontmatter('a') + '\nAn opening line.\n' + text)], context())
    expect(edited).toMatchObject({line: 4, column: 3})
    expect(edited!.sha256).toBe(sha256('\nAn opening line.\n' + text))
  })

  it('should report a title that the text does not have, at the title in the frontmatter', () => {
    const file = parsed('a', frontmatter('a') + '\n# Another title\n')
    expect(extractDataset(documents, [file], context())).toEqual([])
    expect(allMessagesOf(file)).toEqual(["3:8 title-not-found Unexpected title `Test document` that no heading or paragraph reads, expected a line of the document's text as it reads, or `title: null` with a `title_note` when the document has no title of its own"])
  })

  it('should take a document with no title of its own, its evidence the first line of its text', () => {
    const file = parsed('a', frontmatter('a').replace('title: Test document', 'title: null\ntitle_note: The page has no heading.') + '\nOur plan for 2024.\n')
    expect(extractDataset(documents, [file], context())).toMatchObject([{title: null, title_note: 'The page has no heading.', line: 2, column: 1, quote: 'Our plan for 2024.'}])
    expect(allMessagesOf(file)).toEqual([])
  })

  it('should report, not drop silently, a document whose text holds nothing a reader sees', () => {
    for (const body of ['\n<!-- only a comment -->\n', '\n[a]: https://example.org\n', '\n#\n\n##\n', '']) {
      const file = parsed('a', frontmatter('a').replace('title: Test document', 'title: null\ntitle_note: None.') + body)
      expect(extractDataset(documents, [file], context())).toEqual([])
      expect(allMessagesOf(file), JSON.stringify(body)).toEqual(['15:1 empty-file Unexpected document with no text after its frontmatter (only comments, link definitions or empty headings), expected the text of the document'])
    }
  })

  it('should take the area from the register, and report an area that is not in it at `geography`', () => {
    const unknown = parsed('a', frontmatter('a').replace('geography: Kent and Medway', 'geography: Narnia') + text)
    expect(extractDataset(documents, [unknown], context())).toEqual([])
    expect(allMessagesOf(unknown)).toEqual(['12:12 unknown-area Unexpected area `Narnia` that is not in sources/reference/areas.yml, expected the name of an area there (e.g. `Kent and Medway`, `South East`, `England`)'])
    const nowhere = parsed('a', frontmatter('a').replace('geography: Kent and Medway', 'geography: null\ngeography_note: Not stated.') + text)
    expect(extractDataset(documents, [nowhere], context())).toMatchObject([{geography: null, geography_code: null}])
    const alias = parsed('a', frontmatter('a').replace('geography: Kent and Medway', 'geography: East Kent') + text)
    expect(extractDataset(documents, [alias], context())).toMatchObject([{geography: 'east Kent', geography_code: null}])
  })
})
