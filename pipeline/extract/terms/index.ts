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

/** What one document gives: its terms (as that document alone names them), definitions and relations. */
export interface TermPart extends TermDatasets {
  /** Ids of the terms this document gives an editorial `label` to. */
  labelled: string[]
}

export function extractTerms(files: readonly VFile[]): TermDatasets {
  return mergeTermParts(files.map(extractTermPart))
}

/** The terms, definitions and relations of one document. */
export function extractTermPart(file: VFile): TermPart {
  const terms = new Map<string, TermRecord>()
  const labelled = new Set<string>()
  const definitions: DefinitionRecord[] = []
  const relations: RelationRecord[] = []
  for (const {value: judgement, path} of judgements<TermJudgement>(file, 'terms')) {
    const match = locateQuote(file, [...path, 'quote'], judgement.quote)
    if (!match) continue
    const name = locateWithin(file, [...path, 'name'], match, judgement.name)
    const abbreviation = judgement.abbreviation === undefined ? undefined : locateWithin(file, [...path, 'abbreviation'], match, judgement.abbreviation)
    if (!name || abbreviation === undefined && judgement.abbreviation !== undefined) continue
    const evidence = provenance(file, match.block, match.start, match.end)
    markUsed(file, match, 0, match.end - match.start, 'term')
    const record: TermRecord = {id: judgement.id, name: judgement.label ?? judgement.name, abbreviation: judgement.abbreviation ?? null, sense: judgement.sense ?? null, defined_in: [], ...evidence}
    mergeTerm(terms, labelled, record, judgement.label !== undefined)
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
  return {terms: [...terms.values()], labelled: [...labelled], definitions, relations}
}

/** The datasets from every document's part, in document order. */
export function mergeTermParts(parts: readonly TermPart[]): TermDatasets {
  const terms = new Map<string, TermRecord>()
  const labelled = new Set<string>()
  for (const part of parts) {
    for (const term of part.terms) mergeTerm(terms, labelled, {...term, defined_in: [...term.defined_in]}, part.labelled.includes(term.id))
  }
  return {
    terms: [...terms.values()].sort(byId),
    definitions: parts.flatMap((part) => part.definitions).sort(byId),
    relations: parts.flatMap((part) => part.relations).sort(byId)
  }
}

/**
 * Add one naming of a term. Later namings fill what earlier ones left open; the
 * first naming stays the evidence, and the first editorial label, once given,
 * stays the name.
 */
function mergeTerm(terms: Map<string, TermRecord>, labelled: Set<string>, record: TermRecord, isLabel: boolean): void {
  const existing = terms.get(record.id)
  if (!existing) {
    terms.set(record.id, record)
  } else {
    if (isLabel && !labelled.has(record.id)) existing.name = record.name
    existing.abbreviation ??= record.abbreviation
    existing.sense ??= record.sense
    existing.defined_in.push(...record.defined_in)
  }
  if (isLabel) labelled.add(record.id)
}
