/**
 * The publication's own metadata, sources/publication.yml, read at build
 * time as the pipeline reads it: publisher, base URL, licences, DOIs. An
 * unknown fact is null there, with a note; pages say so, never invent it.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import type {Publication} from '../../../pipeline/publication.ts'
import {shown} from './shown.ts'

export type {Publication}

export const publication: Publication = {...(parse(readFileSync(path.resolve('sources/publication.yml'), 'utf8')) as Omit<Publication, 'version' | 'date'>), version: shown.version, date: shown.date}

/** The first sentence of a note: what is the case, without the instructions to editors that follow it. */
export function firstSentence(note: string | null | undefined): string | null {
  return note?.trim().match(/^.*?[.!?](?=\s|$)/)?.[0] ?? null
}
