/**
 * Copy-paste examples for the API page: load one dataset of the version the
 * site shows with curl, Python pandas, R and DuckDB, by its real address.
 * test/site/api.test.ts runs each one it can on this machine against the
 * built files.
 */
import {urlOf} from '../../../pipeline/publish/catalogue.ts'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {publication} from './publication.ts'
import {shown} from './shown.ts'

export interface Example {
  id: string
  label: string
  /** What it needs and does, in a sentence. */
  about: string
  code: string
}

/** The examples for dataset `name`: its CSV of the version shown. */
export function examplesFor(name: string): Example[] {
  const csv = `${name}.csv`
  const url = urlOf(publication, `data/${shown.version}/${csv}`)
  const parquet = existsSync(path.join(shown.folder, `${name}.parquet`)) ? urlOf(publication, `data/${shown.version}/${name}.parquet`) : null
  const sums = !shown.draft && existsSync(path.join(shown.folder, 'SHA256SUMS')) ? urlOf(publication, `data/${shown.version}/SHA256SUMS`) : null
  // Empty cells mean no value; a cell reading "NA" or "null" is text, so only empty cells become missing.
  return [
    {
      id: 'curl',
      label: 'curl',
      about: sums ? 'Download the file, then check it against the release’s SHA256SUMS.' : 'Download the file.',
      code: [`curl -fsSLO '${url}'`, ...(sums ? [`curl -fsSLO '${sums}'`, 'sha256sum --check --ignore-missing SHA256SUMS'] : [])].join('\n')
    },
    {
      id: 'pandas',
      label: 'Python (pandas)',
      about: 'Read the CSV into a DataFrame; only empty cells are missing values.',
      code: ['import pandas as pd', '', `${identifier(name)} = pd.read_csv('${url}', keep_default_na=False, na_values=[''])`, `print(len(${identifier(name)}))`].join('\n')
    },
    {
      id: 'r',
      label: 'R',
      about: 'Read the CSV into a data frame with base R; only empty cells are NA.',
      code: [`${identifier(name)} <- read.csv('${url}', na.strings = '', encoding = 'UTF-8')`, `print(nrow(${identifier(name)}))`].join('\n')
    },
    {
      id: 'duckdb',
      label: 'DuckDB (SQL)',
      about: 'Load the CSV into a table (DuckDB reads https addresses with its httpfs extension, which it installs the first time), then count its rows.',
      code: [`CREATE TABLE ${identifier(name)} AS SELECT * FROM read_csv('${url}');`, `SELECT count(*) AS rows FROM ${identifier(name)};`].join('\n')
    },
    ...(parquet ? [{
      id: 'duckdb-parquet',
      label: 'DuckDB (Parquet)',
      about: 'The Parquet file has its columns typed already (lists as lists): query it where it is.',
      code: `SELECT count(*) AS rows FROM read_parquet('${parquet}');`
    }] : [])
  ]
}

/** A dataset's name as a variable or table name in every language above. */
function identifier(name: string): string {
  return name.replaceAll('-', '_')
}
