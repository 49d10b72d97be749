/**
 * What every dataset is to the pipeline: a name (its schema is
 * schema/<name>.schema.json), the records one document gives, and how the
 * records of every document merge into the dataset. See ../datasets.ts for
 * the registry every stage and the site read.
 */
import type {VFile} from 'vfile'
import type {Provenance} from '../types.ts'
import type {AreaRegister} from './geography.ts'
import type {RegisterEntry} from './organisations/index.ts'

/** What extraction knows besides the document: the organisation and area registers. */
export interface Context {
  /** Register entries by every name they go by. */
  organisations: Map<string, RegisterEntry>
  /** The organisation register file, for messages about its entries. */
  register: VFile
  /** The areas documents and figures are about. */
  areas: AreaRegister
}

export interface ForeignKey {
  field: string
  resource: string
  /** The field is a list of ids, each of which must resolve. */
  list?: boolean
}

export interface Dataset<R extends Provenance = Provenance> {
  /** Public name: file names, URLs and schema/<name>.schema.json. Never renamed. */
  name: string
  /** Fields that hold ids of other datasets' records (every record's `document` is one too). */
  foreignKeys: ForeignKey[]
  /** The records one parsed document gives; problems go to the document or its judgements file as messages. */
  extract(document: VFile, context: Context): R[]
  /** The dataset from every document's records, documents in order. */
  merge(parts: R[][], context: Context): R[]
}

/** The merge of datasets whose records stand alone: every document's, in document order. */
export function concatenate<R>(parts: R[][]): R[] {
  return parts.flat()
}

/** A dataset of `documents`, extracted and merged as a build does: for tests and tools. */
export function extractDataset<R extends Provenance>(dataset: Dataset<R>, documents: readonly VFile[], context: Context): R[] {
  return dataset.merge(documents.map((document) => dataset.extract(document, context)), context)
}
