import {describe, expect, it} from 'vitest'

describe('pipeline/index.ts', () => {
  it('should expose the public API and nothing else', async () => {
    expect(Object.keys(await import('../pipeline/index.ts')).sort()).toEqual([
      'build', 'extractBoardMembers', 'extractDocuments', 'extractOrganisations', 'extractStatistics', 'extractTerms',
      'extractTimeline', 'findAcronyms', 'findDates', 'findDefinition', 'findFigures', 'findQuote', 'indexText', 'parseDateExpression',
      'parseFigure', 'parseSource', 'plainText', 'readDocuments', 'registerIndex', 'review', 'rules', 'toCsv',
      'toDatapackage', 'toExcelCsv', 'toJson', 'toVFile', 'validateDatasets', 'validateFrontmatter', 'writeFolder'
    ])
  })
})
