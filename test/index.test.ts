import {describe, expect, it} from 'vitest'

describe('pipeline/index.ts', () => {
  it('should expose the public API and nothing else', async () => {
    expect(Object.keys(await import('../pipeline/index.ts')).sort()).toEqual([
      'build', 'datasets', 'extractDataset', 'findAcronyms', 'findDates', 'findDefinition', 'findFigures', 'findQuote', 'idOf',
      'indexText', 'parseDateExpression', 'parseFigure', 'parseSource', 'plainText', 'readDocuments', 'registerIndex', 'review',
      'rules', 'slug', 'toCsv', 'toDatapackage', 'toExcelCsv', 'toJson', 'toVFile', 'validateDatasets', 'validateFrontmatter', 'writeFolder'
    ])
  })

  it('should list every dataset in the registry once, each with its extractor and merge', async () => {
    const {datasets} = await import('../pipeline/index.ts')
    expect(datasets.map((dataset) => dataset.name)).toEqual(['documents', 'terms', 'term-definitions', 'term-relations', 'organisations', 'board-members', 'statistics', 'timeline'])
    for (const dataset of datasets) {
      expect(typeof dataset.extract, dataset.name).toBe('function')
      expect(typeof dataset.merge, dataset.name).toBe('function')
    }
  })
})
