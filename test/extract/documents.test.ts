import {describe, expect, it} from 'vitest'
import {extractDocuments} from '../../pipeline/extract/documents/index.ts'
import {frontmatter, messagesOf, parsed} from '../helpers/project.ts'

describe('extractDocuments', () => {
  it('should make one record per document, its evidence the title heading, with the file’s SHA-256', () => {
    const file = parsed('a', frontmatter('a') + '\n# Test document\n\nText.\n')
    expect(extractDocuments([file])).toEqual([{
      id: 'a', title: 'Test document', publisher: null, publisher_organisation: null, publisher_note: 'Test.', url: null, url_note: null,
      date_published: null, date_written_earliest: '2022-07-01', date_written_latest: null, date_basis: 'Test.', licence: null, licence_note: null,
      language: 'en-GB', geography: 'Kent and Medway', path: 'sources/documents/a.md', sha256: file.data.sha256,
      document: 'a', line: 15, column: 3, quote: 'Test document'
    }])
    expect(file.data.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('should report a title that the text does not have', () => {
    const file = parsed('a', frontmatter('a') + '\n# Another title\n')
    expect(extractDocuments([file])).toEqual([])
    expect(messagesOf(file)).toEqual(["3:8 quote-not-found Unexpected title `Test document` that no heading or paragraph reads, expected the document's first line"])
  })
})
