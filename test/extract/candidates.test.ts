import {describe, expect, it} from 'vitest'
import {checkCandidates} from '../../pipeline/extract/candidates.ts'
import {allMessagesOf, frontmatter, parsed} from '../helpers/project.ts'

const body = '\nOur 85GP practices work in 31 networks. The networks meet. The networks plan.\n'

describe('checkCandidates', () => {
  it('should accept candidates whose quotes occur exactly once', () => {
    const file = parsed('a', frontmatter('a') + body, 'candidates:\n  statistics:\n    - {quote: Our 85GP practices work in 31 networks., figure: "31", read: {value: 31}}\n')
    checkCandidates(file)
    expect(allMessagesOf(file)).toEqual([])
  })

  it('should report a quote that is not in the text, or occurs twice, at the candidate', () => {
    const file = parsed('a', frontmatter('a') + body, 'candidates:\n  terms:\n    - {name: GP, quote: Our 86GP practices, read: {}}\n  organisations:\n    - {name: x, quote: The networks, register: null}\n')
    checkCandidates(file)
    expect(allMessagesOf(file)).toEqual([
      'judgements:3:25 quote-not-found Unexpected quote `Our 86GP practices` that is not in the text of sources/documents/a.md, expected words of the document',
      'judgements:5:24 quote-ambiguous Unexpected quote `The networks` that occurs 2 times (text lines 2, 2), expected exactly one'
    ])
  })
})
