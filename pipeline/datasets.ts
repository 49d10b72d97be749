/**
 * The registry of datasets: the one list every stage and the site read. Each
 * dataset has its schema in schema/<name>.schema.json (title, description,
 * columns), its extractor in pipeline/extract/<name>/ and its test in
 * test/extract/<name>.test.ts. Order here is the order of the files in
 * datapackage.json and of the datasets on the site. Names are public: never
 * rename one.
 */
import {boardMembers} from './extract/board-members/index.ts'
import type {Dataset} from './extract/dataset.ts'
import {documents} from './extract/documents/index.ts'
import {organisations} from './extract/organisations/index.ts'
import {statistics} from './extract/statistics/index.ts'
import {termDefinitions} from './extract/term-definitions/index.ts'
import {termRelations} from './extract/term-relations/index.ts'
import {terms} from './extract/terms/index.ts'
import {timeline} from './extract/timeline/index.ts'

export const datasets: readonly Dataset[] = [documents, terms, termDefinitions, termRelations, organisations, boardMembers, statistics, timeline] as Dataset[]

export type {Context, Dataset, ForeignKey} from './extract/dataset.ts'
