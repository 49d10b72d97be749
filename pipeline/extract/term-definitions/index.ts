/**
 * Extract `term-definitions`: what each document says a term means, in its
 * own words (the quote), kept side by side with the other documents'.
 */
import type {Provenance} from '../../types.ts'
import {concatenate, type Dataset} from '../dataset.ts'
import {documentId, judgements, locateQuote, markUsed, provenance} from '../evidence.ts'
import {idOf} from '../ids.ts'
import {byId} from '../order.ts'
import type {TermJudgement} from '../terms/index.ts'

export interface DefinitionRecord extends Provenance {
  id: string
  term: string
  name: string
}

export const termDefinitions: Dataset<DefinitionRecord> = {
  name: 'term-definitions',
  foreignKeys: [{field: 'term', resource: 'terms'}],
  extract: (file) =>
    judgements<TermJudgement>(file, 'terms').flatMap(({value: judgement, path}) => {
      if (judgement.definition === undefined) return []
      const definition = locateQuote(file, [...path, 'definition'], judgement.definition)
      if (!definition) return []
      markUsed(file, definition, 0, definition.end - definition.start, 'term')
      return [{id: idOf(judgement.id, documentId(file)), term: judgement.id, name: judgement.name, ...provenance(file, definition.block, definition.start, definition.end)}]
    }),
  merge: (parts) => concatenate(parts).sort(byId)
}
