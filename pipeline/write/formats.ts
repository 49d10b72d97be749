/**
 * The published files, with what a download page calls them: each dataset's
 * own files, by the suffix of their names, and the files that hold every
 * dataset at once, named after the publication. The site reads this list.
 */
export const formats = [
  {suffix: '.csv', format: 'CSV', mediaType: 'text/csv'},
  {suffix: '.excel.csv', format: 'CSV for Excel', mediaType: 'text/csv'},
  {suffix: '.json', format: 'JSON', mediaType: 'application/json'}
] as const

/** Typed files of every dataset: made by every build, offered by the site once a release holds them. */
export const typedFormats = [{suffix: '.parquet', format: 'Parquet', mediaType: 'application/vnd.apache.parquet'}] as const

export type Suffix = (typeof formats)[number]['suffix'] | (typeof typedFormats)[number]['suffix']

/** Files of every dataset together: `<publication name><suffix>`, the workbook first as journalists' recommended download. */
export const bundles = [
  {suffix: '.xlsx', format: 'Excel workbook (a sheet per dataset)', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'},
  {suffix: '.sqlite', format: 'SQLite database (a table per dataset, full-text search)', mediaType: 'application/vnd.sqlite3'},
  {suffix: '.metadata.json', format: 'Datasette metadata for the SQLite database', mediaType: 'application/json'}
] as const

export type BundleSuffix = (typeof bundles)[number]['suffix']
