/**
 * How a code of the data reads on a page: "NHS trust" for `nhs-trust`. The
 * codes are the enums of the published JSON Schemas; a test checks that every
 * one of them has its label here, so none reaches a reader as a code.
 */
const labels: Record<string, Record<string, string>> = {
  type: {
    'nhs-trust': 'NHS trust',
    'nhs-foundation-trust': 'NHS foundation trust',
    'county-council': 'County council',
    'unitary-authority': 'Unitary authority',
    'integrated-care-board': 'Integrated care board',
    'clinical-commissioning-group': 'Clinical commissioning group',
    'regional-body': 'Regional body',
    'national-body': 'National body',
    healthwatch: 'Healthwatch',
    'local-medical-committee': 'Local medical committee',
    'community-interest-company': 'Community interest company'
  },
  sector: {nhs: 'NHS', 'local-government': 'Local government', voluntary: 'Voluntary', independent: 'Independent'},
  member_type: {organisation: 'Organisation', role: 'Role', body: 'Body', group: 'Group', person: 'Person'},
  date_precision: {day: 'Day', month: 'Month', year: 'Year'},
  date_basis: {text: 'Stated in the sentence', document: "The document's date"},
  relation: {'replaced-by': 'Replaced by', 'part-of': 'Part of', 'kind-of': 'Kind of'},
  status: {happened: 'Happened', planned: 'Planned', expected: 'Expected'}
}

/** The label of `code` in column `column`, or undefined when the column holds no codes. */
export function labelOf(column: string, code: string): string | undefined {
  return labels[column]?.[code]
}

/** Every column that holds codes, with its codes: for the test that each code of the schemas has a label. */
export const codedColumns: Readonly<Record<string, Readonly<Record<string, string>>>> = labels

/** A statistic's unit as a reader says it: the two codes spelt out, any other unit (what is counted) as it is. */
export function unitLabel(unit: string): string {
  return unit === 'GBP' ? 'Pounds sterling (GBP)' : unit === 'proportion' ? 'Share of a whole (a proportion from 0 to 1)' : unit
}
