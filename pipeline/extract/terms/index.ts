/**
 * Extract `terms`: every defined term, acronym or named structure, merged
 * across the documents that name it. Each document's definition is in
 * ../term-definitions, each relation between terms in ../term-relations.
 */
import type {VFile} from 'vfile'
import {findQuote} from '../../locate/index.ts'
import type {Provenance} from '../../types.ts'
import type {Dataset} from '../dataset.ts'
import {documentId, judgements, locateQuote, locateWithin, markUsed, provenance} from '../evidence.ts'
import {byId} from '../order.ts'

export interface TermRecord extends Provenance {
  id: string
  name: string
  abbreviation: string | null
  sense: string | null
  defined_in: string[]
}

/** A term as the judgements file names it. */
export interface TermJudgement {
  id: string
  name: string
  abbreviation?: string
  label?: string
  sense?: string
  quote: string
  definition?: string
}

/** A term as one document names it, with whether the name is an editorial label (which wins over the text's). */
type Naming = TermRecord & {labelled?: true}

export const terms: Dataset<TermRecord> = {
  name: 'terms',
  foreignKeys: [{field: 'defined_in', resource: 'documents', list: true}],
  extract: (file) => {
    const named = new Map<string, Naming>()
    for (const {value: judgement, path} of judgements<TermJudgement>(file, 'terms')) {
      const match = locateQuote(file, [...path, 'quote'], judgement.quote)
      if (!match) continue
      const name = locateWithin(file, [...path, 'name'], match, judgement.name)
      const abbreviation = judgement.abbreviation === undefined ? null : locateWithin(file, [...path, 'abbreviation'], match, judgement.abbreviation)
      if (!name || abbreviation === undefined) continue
      markUsed(file, match, 0, match.end - match.start, 'term')
      // A definition's own problems are term-definitions' to report; here only whether there is one.
      const defined = judgement.definition !== undefined && findQuote(file.data.blocks ?? [], judgement.definition).length === 1
      const naming: Naming = {
        id: judgement.id,
        name: judgement.label ?? judgement.name,
        abbreviation: judgement.abbreviation ?? null,
        sense: judgement.sense ?? null,
        defined_in: defined ? [documentId(file)] : [],
        ...provenance(file, match.block, match.start, match.end),
        ...(judgement.label === undefined ? {} : {labelled: true as const})
      }
      mergeNaming(named, naming)
    }
    return [...named.values()]
  },
  merge: (parts) => {
    const merged = new Map<string, Naming>()
    for (const part of parts) for (const naming of part) mergeNaming(merged, {...naming, defined_in: [...naming.defined_in]})
    return [...merged.values()].map(({labelled: _, ...term}) => term).sort(byId)
  }
}

/**
 * Add one naming of a term. Later namings fill what earlier ones left open and
 * add the documents that define it; the first naming stays the evidence, and
 * the first editorial label, once given, stays the name.
 */
function mergeNaming(terms: Map<string, Naming>, naming: Naming): void {
  const existing = terms.get(naming.id)
  if (!existing) {
    terms.set(naming.id, naming)
    return
  }
  if (naming.labelled && !existing.labelled) {
    existing.name = naming.name
    existing.labelled = true
  }
  existing.abbreviation ??= naming.abbreviation
  existing.sense ??= naming.sense
  for (const document of naming.defined_in) if (!existing.defined_in.includes(document)) existing.defined_in.push(document)
}
