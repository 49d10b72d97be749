/**
 * Extract `terms`, `term-definitions` and `term-relations`. A term is named in
 * one or more documents; each document's definition is kept beside the others,
 * and each relation (what replaced what, what sits in what) keeps its quote.
 */
import type {VFile} from 'vfile'
import type {Provenance} from '../../types.ts'
import {byId} from '../order.ts'
import {documentId, judgements, locateQuote, locateWithin, markUsed, provenance} from '../evidence.ts'

export interface TermRecord extends Provenance {
  id: string
  name: string
  abbreviation: string | null
  sense: string | null
  defined_in: string[]
}

export interface DefinitionRecord extends Provenance {
  id: string
  term: string
  name: string
}

export interface RelationRecord extends Provenance {
  id: string
  subject: string
  relation: 'replaced-by' | 'part-of' | 'kind-of'
  object: string
}

interface TermJudgement {
  id: string
  name: string
  abbreviation?: string
  label?: string
  sense?: string
  quote: string
  definition?: string
}

interface RelationJudgement {
  subject: string
  relation: RelationRecord['relation']
  object: string
  quote: string
}

export interface TermDatasets {
  terms: TermRecord[]
  definitions: DefinitionRecord[]
  relations: RelationRecord[]
}

export function extractTerms(files: readonly VFile[]): TermDatasets {
  const terms = new Map<string, TermRecord>()
  const labelled = new Set<string>()
  const definitions: DefinitionRecord[] = []
  const relations: RelationRecord[] = []
  for (const file of files) {
    for (const {value: judgement, path} of judgements<TermJudgement>(file, 'terms')) {
      const match = locateQuote(file, [...path, 'quote'], judgement.quote)
      if (!match) continue
      const name = locateWithin(file, [...path, 'name'], match, judgement.name)
      const abbreviation = judgement.abbreviation === undefined ? undefined : locateWithin(file, [...path, 'abbreviation'], match, judgement.abbreviation)
      if (!name || abbreviation === undefined && judgement.abbreviation !== undefined) continue
      const evidence = provenance(file, match.block, match.start, match.end)
      markUsed(file, match, 0, match.end - match.start, 'term')
      const existing = terms.get(judgement.id)
      if (existing) {
        // Later documents fill what earlier ones left open; the first naming stays the evidence
        // and the first editorial label, once given, stays the name.
        if (judgement.label && !labelled.has(judgement.id)) existing.name = judgement.label
        existing.abbreviation ??= judgement.abbreviation ?? null
        existing.sense ??= judgement.sense ?? null
      } else {
        terms.set(judgement.id, {
          id: judgement.id,
          name: judgement.label ?? judgement.name,
          abbreviation: judgement.abbreviation ?? null,
          sense: judgement.sense ?? null,
          defined_in: [],
          ...evidence
        })
      }
      if (judgement.label) labelled.add(judgement.id)
      if (judgement.definition === undefined) continue
      const definition = locateQuote(file, [...path, 'definition'], judgement.definition)
      if (!definition) continue
      terms.get(judgement.id)!.defined_in.push(documentId(file))
      markUsed(file, definition, 0, definition.end - definition.start, 'term')
      definitions.push({
        id: `${judgement.id}--${documentId(file)}`,
        term: judgement.id,
        name: judgement.name,
        ...provenance(file, definition.block, definition.start, definition.end)
      })
    }
    for (const {value: judgement, path} of judgements<RelationJudgement>(file, 'relations')) {
      const match = locateQuote(file, [...path, 'quote'], judgement.quote)
      if (!match) continue
      relations.push({
        id: `${judgement.subject}--${judgement.relation}--${judgement.object}--${documentId(file)}`,
        subject: judgement.subject,
        relation: judgement.relation,
        object: judgement.object,
        ...provenance(file, match.block, match.start, match.end)
      })
    }
  }
  return {terms: [...terms.values()].sort(byId), definitions: definitions.sort(byId), relations: relations.sort(byId)}
}
