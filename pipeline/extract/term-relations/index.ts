/**
 * Extract `term-relations`: what replaced what and what sits inside what, as
 * a document states it, each with its quote.
 */
import type {Provenance} from '../../types.ts'
import {concatenate, type Dataset} from '../dataset.ts'
import {documentId, judgements, locateQuote, provenance} from '../evidence.ts'
import {idOf} from '../ids.ts'
import {byId} from '../order.ts'

export interface RelationRecord extends Provenance {
  id: string
  subject: string
  relation: 'replaced-by' | 'part-of' | 'kind-of'
  object: string
}

interface RelationJudgement {
  subject: string
  relation: RelationRecord['relation']
  object: string
  quote: string
}

export const termRelations: Dataset<RelationRecord> = {
  name: 'term-relations',
  foreignKeys: [
    {field: 'subject', resource: 'terms'},
    {field: 'object', resource: 'terms'}
  ],
  extract: (file) =>
    judgements<RelationJudgement>(file, 'relations').flatMap(({value: judgement, path}) => {
      const match = locateQuote(file, [...path, 'quote'], judgement.quote)
      if (!match) return []
      const {subject, relation, object} = judgement
      return [{id: idOf(subject, relation, object, documentId(file)), subject, relation, object, ...provenance(file, match.block, match.start, match.end)}]
    }),
  merge: (parts) => concatenate(parts).sort(byId)
}
