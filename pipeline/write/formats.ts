/** The three files of every dataset, by the suffix of their names, with what a download page calls them. */
export const formats = [
  {suffix: '.csv', format: 'CSV', mediaType: 'text/csv'},
  {suffix: '.excel.csv', format: 'CSV for Excel', mediaType: 'text/csv'},
  {suffix: '.json', format: 'JSON', mediaType: 'application/json'}
] as const

export type Suffix = (typeof formats)[number]['suffix']
