import ExcelJS from 'exceljs'
// saxes is exceljs's own XML parser (a strict one: it rejects what XML 1.0 forbids), so it is installed with it.
import {SaxesParser} from 'saxes'
import {describe, expect, it} from 'vitest'
import XLSX from 'xlsx'
import yauzl from 'yauzl'
import type {Column, Table} from '../../pipeline/write/table.ts'
import {cutMark, toXlsx, type WorkbookInput} from '../../pipeline/write/xlsx.ts'

const column = (name: string, type: Column['type'], extra: Partial<Column> = {}): Column =>
  ({name, type, description: `The ${name} – £, "quoted" & <marked>`, required: false, ...extra})

const values: Table = {
  name: 'values',
  title: 'Tricky values',
  description: 'One of every kind of cell',
  columns: [
    column('text', 'string'), column('share', 'number'), column('count', 'integer'), column('flag', 'boolean'),
    column('names', 'list', {itemType: 'string'}), column('ids', 'list', {itemType: 'integer'}), column('day', 'string'), column('period', 'string')
  ],
  records: [
    {text: '£86m – 20%', share: 0.3333333333333333, count: 9007199254740991, flag: true, names: ['x', 'y'], ids: [1, 2], day: '2024-01-01', period: '2024'},
    {text: '0123', share: 1e21, count: -9007199254740991, flag: false, names: [], ids: [3e9], day: null, period: '2024-05'},
    {text: '=1+1', share: -0, count: 0, flag: null, names: null, ids: null, day: '2024-02-29', period: '2024-05-01'},
    {text: '  spaced  ', share: 0.1 + 0.2, count: 3400000000, flag: true, names: ['a', 'b', 'c'], ids: [], day: '1999-12-31', period: null},
    {text: 'emoji 😀 and 𝔘', share: 1e-7, count: null, flag: false, names: ['£'], ids: [0], day: '1900-03-01', period: '2024-13-01'},
    {text: 'line\nbreak, tab\tand CR\r\nLF', share: null, count: 528000, flag: true, names: ['only'], ids: [7], day: '9999-12-31', period: 'n/a'},
    {text: '<a href="x">&\'</a>', share: 2.5, count: -1, flag: false, names: null, ids: null, day: null, period: '2024-01-01'},
    {text: 'bell\u0001ring\u001F', share: -1234.5678, count: 1, flag: null, names: null, ids: null, day: '2000-01-01', period: '2024'},
    {text: '1e5', share: 5e-324, count: 2, flag: true, names: null, ids: null, day: '2024-12-31', period: '2024'},
    {text: '2024-01-01', share: 1.7976931348623157e308, count: 3, flag: null, names: null, ids: null, day: '2024-06-30', period: '2024'},
    {text: '_x0041_ is not A', share: 100, count: 4, flag: null, names: null, ids: null, day: null, period: '2024'},
    {text: '20%', share: 0.1, count: 5, flag: null, names: null, ids: null, day: null, period: '2024'},
    {text: null, share: null, count: null, flag: null, names: null, ids: null, day: null, period: null}
  ]
}
// Sheet names to clean: one taken by "About", forbidden characters, too long (twice, the same 31 first characters), apostrophes at the ends, an emoji across the cut.
const named = (name: string): Table => ({name, title: name, description: '', columns: [column('id', 'string', {required: true})], records: [{id: name}]})
const others = ['About', 'a/b:c*d?e[f]g\\h', 'a-very-long-dataset-name-that-Excel-would-refuse', 'a-very-long-dataset-name-that-Excel-rejects', "'quoted'", `${'x'.repeat(30)}😀 cut`, 'empty']
const tables: Table[] = [values, ...others.map(named)]
tables[tables.length - 1] = {...named('empty'), records: []}
const input: WorkbookInput = {
  about: {title: 'Kent and Medway ICB open data – workbook', lines: ['Version 1.2.0, released 2024-05-01.', 'Licence: CC BY 4.0 – cite as "ICB open data (2024)".', '  indented  ']},
  tables,
  date: '2024-05-01'
}
const buffer = toXlsx(input)
const sheetNames = ['About', 'values', 'About (2)', 'a_b_c_d_e_f_g_h', 'a-very-long-dataset-name-that-E', 'a-very-long-dataset-name-th (2)', 'quoted', 'x'.repeat(30), 'empty']

// What every value should read back as: numbers exactly (-0 as 0), lists joined, forbidden control characters gone, the day column as dates.
type Expected = {type: 'string' | 'number' | 'boolean' | 'date'; value: string | number | boolean} | undefined
function expected(name: string, value: unknown): Expected {
  if (value === null) return undefined
  if (name === 'day') return {type: 'date', value: value as string}
  if (Array.isArray(value)) return {type: 'string', value: value.map(String).join('|')}
  if (typeof value === 'number') return {type: 'number', value: value === 0 ? 0 : value}
  if (typeof value === 'boolean') return {type: 'boolean', value}
  return {type: 'string', value: (value as string).replace(/[\u0001\u001F]/g, '')}
}
const grid = values.records.map((record) => values.columns.map(({name}) => expected(name, record[name])))

/** Every entry of the zip, in order, as text. */
async function entries(bytes: Buffer): Promise<Array<[string, string]>> {
  const file = await yauzl.fromBufferPromise(bytes, {lazyEntries: true, strictFileNames: true})
  const result: Array<[string, string]> = []
  for await (const entry of file.eachEntry()) {
    const chunks: Buffer[] = []
    for await (const chunk of await file.openReadStreamPromise(entry)) chunks.push(chunk as Buffer)
    result.push([entry.fileName, Buffer.concat(chunks).toString('utf8')])
  }
  return result
}

function wellFormed(xml: string): void {
  const parser = new SaxesParser({xmlns: true})
  parser.on('error', (error) => {
    throw error
  })
  parser.write(xml).close()
}

async function excel(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}

describe('toXlsx, read by exceljs', async () => {
  const workbook = await excel(buffer)
  const sheet = workbook.getWorksheet('values')!

  it('should have "About" first, then one sheet per table, names cleaned, cut to 31 characters and unique', () => {
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(sheetNames)
  })

  it('should read every cell back with its type and exact value', () => {
    expect(sheet.getRow(1).values).toEqual([undefined, ...values.columns.map(({name}) => name)])
    const read = values.records.map((_, row) => values.columns.map((_, index) => {
      const cell = sheet.getCell(row + 2, index + 1)
      const {Number, String, Boolean, Date, Null} = ExcelJS.ValueType
      if (cell.type === Null) return undefined
      if (cell.type === Date) return {type: 'date', value: (cell.value as Date).toISOString().slice(0, 10)}
      const types = new Map([[Number, 'number'], [String, 'string'], [Boolean, 'boolean']])
      return {type: types.get(cell.type) ?? `exceljs type ${cell.type}`, value: cell.value}
    }))
    expect(read).toEqual(grid)
    expect(sheet.actualRowCount).toBe(values.records.length) // the header, then every record but the last, all nulls: no row
  })

  it('should format text columns as text, dates as yyyy-mm-dd and whole numbers with `0`, with no formula anywhere', () => {
    expect(sheet.getCell('A4').value).toBe('=1+1')
    expect(sheet.getCell('A4').formula).toBeUndefined()
    expect(['A2', 'A3', 'E2', 'H2'].map((address) => sheet.getCell(address).numFmt)).toEqual(['@', '@', '@', '@'])
    expect(sheet.getCell('G2').numFmt).toBe('yyyy-mm-dd')
    expect(sheet.getCell('C2').numFmt).toBe('0')
  })

  it('should freeze and embolden the header, filter the data and size the columns', () => {
    expect(sheet.views).toMatchObject([{state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2'}])
    expect(sheet.autoFilter).toBe('A1:H14')
    expect(sheet.getCell('A1').font?.bold).toBe(true)
    const widths = sheet.columns.map((column) => column.width)
    // The longest text plus 2, at least 8: '<a href="x">&\'</a>', 1.7976931348623157e+308 (General), -9007199254740991, "flag", "a|b|c", 3000000000, days.
    expect(widths).toEqual([20, 25, 19, 8, 8, 12, 12, 12])
    expect(workbook.getWorksheet('empty')!.autoFilter).toBe('A1:A1')
  })

  it('should open on the About sheet: title, lines, then every column of every sheet', () => {
    const about = workbook.worksheets[0]!
    const rows = about.getSheetValues().map((row) => (row as unknown[] | undefined)?.slice(1))
    expect(rows.slice(1, 6)).toEqual([[input.about.title], ...input.about.lines.map((line) => [line]), undefined])
    expect(rows[6]).toEqual(['sheet', 'column', 'type', 'meaning'])
    expect(rows[7]).toEqual(['values', 'text', 'string', 'The text – £, "quoted" & <marked>'])
    expect(rows[11]).toEqual(['values', 'names', 'list of string (joined by |)', 'The names – £, "quoted" & <marked>'])
    expect(rows.slice(15).map((row) => row?.[0])).toEqual(sheetNames.slice(2))
    expect(about.views[0]?.state).not.toBe('frozen')
    expect(about.getCell('A1').font?.bold).toBe(true)
  })
})

describe('toXlsx, read by SheetJS', () => {
  const workbook = XLSX.read(buffer, {type: 'buffer', cellDates: true, cellNF: true, cellStyles: true})
  const sheet = workbook.Sheets['values']!

  it('should have "About" first, then one sheet per table, names cleaned, cut to 31 characters and unique', () => {
    expect(workbook.SheetNames).toEqual(sheetNames)
  })

  it('should read every cell back with its type and exact value', () => {
    const types: Record<string, string> = {s: 'string', n: 'number', b: 'boolean', d: 'date'}
    const read = values.records.map((_, row) => values.columns.map((_, index) => {
      const cell = sheet[XLSX.utils.encode_cell({r: row + 1, c: index})] as XLSX.CellObject | undefined
      if (!cell) return undefined
      // A date is a local midnight (SheetJS); its text, in the cell's format, is the day.
      return {type: types[cell.t] ?? `SheetJS type ${cell.t}`, value: cell.t === 'd' ? cell.w : cell.v}
    }))
    expect(read).toEqual(grid)
    expect(sheet['A4']).toMatchObject({t: 's', v: '=1+1'})
    expect(sheet['A4']?.f).toBeUndefined()
  })

  it('should store the dates as Excel serial numbers', () => {
    const raw = XLSX.read(buffer, {type: 'buffer'}).Sheets['values']!
    expect(['G2', 'G4', 'G6', 'G7', 'G11'].map((address) => raw[address]?.v)).toEqual([45292, 45351, 61, 2958465, 45473])
  })

  it('should keep the autofilter, its hidden name and the column widths', () => {
    expect(sheet['!autofilter']).toEqual({ref: 'A1:H14'})
    const names = workbook.Workbook?.Names?.map(({Name, Sheet, Ref, ...rest}) => ({Name, Sheet, Ref, Hidden: (rest as {Hidden?: boolean}).Hidden}))
    const ends = ['$H$14', ...others.map((name) => (name === 'empty' ? '$A$1' : '$A$2'))]
    expect(names).toEqual(sheetNames.slice(1).map((name, index) => ({Name: '_xlnm._FilterDatabase', Sheet: index + 1, Ref: `'${name}'!$A$1:${ends[index]}`, Hidden: true})))
    expect(sheet['!cols']?.map((column) => column.width)).toEqual([20, 25, 19, 8, 8, 12, 12, 12])
  })

  it('should read the About sheet as the lines given', () => {
    const rows = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets['About']!, {header: 1, blankrows: true})
    expect(rows.slice(0, 6)).toEqual([[input.about.title], ...input.about.lines.map((line) => [line]), [], ['sheet', 'column', 'type', 'meaning']])
    expect(rows).toHaveLength(6 + values.columns.length + others.length)
  })
})

describe('toXlsx, the package', async () => {
  const parts = await entries(buffer)

  it('should hold every part, in a fixed order, each well-formed XML', () => {
    expect(parts.map(([name]) => name)).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'docProps/app.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels',
      'xl/styles.xml', ...sheetNames.map((_, index) => `xl/worksheets/sheet${index + 1}.xml`), 'xl/sharedStrings.xml'
    ])
    for (const [, xml] of parts) wellFormed(xml)
    const types = parts[0]![1]
    for (const [name] of parts.filter(([name]) => !name.endsWith('.rels')).slice(1)) expect(types).toContain(`PartName="/${name}"`)
  })

  it('should be checked by a parser that rejects what XML forbids', () => {
    expect(() => wellFormed('<a>\u0001</a>')).toThrow()
    expect(() => wellFormed('<a>&</a>')).toThrow()
  })

  it('should write no formula, and the cell text escaped as Excel reads it', () => {
    for (const [name, xml] of parts) if (name.startsWith('xl/worksheets/')) expect(xml).not.toMatch(/<f[\s>]/)
    const strings = parts.find(([name]) => name === 'xl/sharedStrings.xml')![1]
    expect(strings).toContain('<t xml:space="preserve">  spaced  </t>')
    expect(strings).toContain('_x005F_x0041_ is not A')
    expect(strings).toContain('CR&#13;\nLF')
  })

  it('should date the document properties and every entry from the input, not the clock', () => {
    const core = parts.find(([name]) => name === 'docProps/core.xml')![1]
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T00:00:00Z</dcterms:created>')
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-01T00:00:00Z</dcterms:modified>')
    expect(core).toContain('<dc:title>Kent and Medway ICB open data – workbook</dc:title>')
  })

  it('should give the same bytes for the same input, and other bytes for another date', () => {
    expect(toXlsx({...input, tables: input.tables.map((table) => ({...table}))}).equals(buffer)).toBe(true)
    expect(toXlsx({...input, date: '2024-05-02'}).equals(buffer)).toBe(false)
  })
})

describe('toXlsx, dates and limits', () => {
  const types = (days: Array<string | null>) => {
    const table: Table = {name: 'days', title: '', description: '', columns: [column('day', 'string')], records: days.map((day) => ({day}))}
    const sheet = XLSX.read(toXlsx({...input, tables: [table]}), {type: 'buffer', cellDates: true}).Sheets['days']!
    return days.map((_, row) => sheet[`A${row + 2}`]?.t)
  }

  it('should make dates only of a column of nothing but real days from 1900-03-01', () => {
    expect(types(['2024-01-01', null, '2024-12-31'])).toEqual(['d', undefined, 'd'])
    expect(types(['2024-01-01', '2024-05'])).toEqual(['s', 's'])
    expect(types(['2024-01-01', '2023-02-29'])).toEqual(['s', 's'])
    expect(types(['1900-02-28', '2024-01-01'])).toEqual(['s', 's'])
    expect(types(['2024-01-01T10:00:00Z'])).toEqual(['s'])
  })

  it('should refuse a number no cell can hold', () => {
    expect(() => toXlsx({...input, tables: [{...values, records: [{share: Number.NaN}]}]})).toThrow(/finite/)
  })

  it('should cut text longer than a cell holds to Excel\'s limit, saying so in the cell, and never split a character', async () => {
    const long = 'x'.repeat(32700) + '😀'.repeat(100)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(toXlsx({...input, tables: [{...values, records: [{text: long}, {text: 'short'}]}]}) as unknown as ArrayBuffer)
    const sheet = book.getWorksheet(values.name)!
    const column = values.columns.findIndex((column) => column.name === 'text') + 1
    const cut = String(sheet.getRow(2).getCell(column).value)
    expect(cut.length).toBeLessThanOrEqual(32767)
    expect(cut.endsWith(cutMark)).toBe(true)
    expect(long.startsWith(cut.slice(0, -cutMark.length))).toBe(true)
    expect(/[\uD800-\uDBFF]$/.test(cut.slice(0, -cutMark.length))).toBe(false)
    expect(sheet.getRow(3).getCell(column).value).toBe('short')
  })
})

describe('toXlsx, a sheet larger than one piece', () => {
  // 30,000 rows of some 60 bytes of XML each: the sheet is written and deflated in several pieces.
  const large: Table = {
    name: 'large', title: 'Large', description: 'Many rows',
    columns: [column('id', 'string', {required: true}), column('count', 'integer'), column('note', 'string')],
    records: Array.from({length: 30000}, (_, index) => ({id: `row-${index}`, count: index, note: index % 7 === 0 ? `note ${index % 100}` : null}))
  }
  const bytes = toXlsx({about: {title: 'Large', lines: []}, tables: [large], date: '2024-05-01'})

  it('should read back whole, every row in order, by SheetJS', () => {
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(bytes, {type: 'buffer'}).Sheets['large']!)
    expect(rows).toHaveLength(30000)
    expect(rows.map((row) => [row['id'], row['count'], row['note'] ?? null])).toEqual(large.records.map((record) => [record['id'], record['count'], record['note']]))
  })

  it('should be the same bytes on every run', () => {
    expect(toXlsx({about: {title: 'Large', lines: []}, tables: [large], date: '2024-05-01'}).equals(bytes)).toBe(true)
  })
})
