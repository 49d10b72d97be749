/**
 * The meanings an abbreviation is known by, from the terms of every document,
 * and the question review asks when the text does not settle which one applies
 * (ICP: an integrated care partnership at place, one at system level, or an
 * integrated care provider).
 */
import type {DatasetRecords} from '../validate/index.ts'
import {singular} from './detect.ts'

export interface Meaning {
  /** Id of the term. */
  term: string
  name: string
  sense: string | null
}

/** Known meanings by abbreviation (singular). */
export function knownMeanings(datasets: readonly DatasetRecords[]): Map<string, Meaning[]> {
  const meanings = new Map<string, Meaning[]>()
  const terms = datasets.find((dataset) => dataset.name === 'terms')?.records ?? []
  for (const record of terms as unknown as Array<{id: string; name: string; abbreviation: string | null; sense: string | null}>) {
    if (!record.abbreviation) continue
    const key = singular(record.abbreviation)
    meanings.set(key, [...(meanings.get(key) ?? []), {term: record.id, name: record.name, sense: record.sense}])
  }
  return meanings
}

/** The question to ask about an abbreviation, or undefined when there is nothing to ask. */
export function questionFor(abbreviation: string, expansion: string | null, meanings: readonly Meaning[]): string | undefined {
  const listed = meanings.map((meaning) => `\`${meaning.term}\` (${meaning.name}${meaning.sense ? `: ${meaning.sense}` : ''})`).join(', ')
  if (expansion === null && meanings.length > 0) return `${abbreviation} is not expanded in this document; other documents give ${listed}: which applies here, if any?`
  if (expansion !== null && meanings.length > 1) return `${abbreviation} has ${meanings.length} known meanings, ${listed}: which is "${expansion}"?`
  return undefined
}
