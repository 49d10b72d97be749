import {parse} from 'csv-parse/sync'
import {stringify} from 'csv-stringify/sync'
import {describe, expect, it} from 'vitest'
import {cell, chunkRows, csvChunks, toCsv, toExcelCsv} from '../../pipeline/write/csv.ts'

const columns = ['id', 'value', 'share', 'names', 'note', 'flag']
const records = [
  {id: 'a', value: 3400000000, share: 1 / 3, names: ['x', 'y'], note: 'Says "hello", then\nleaves – £86m', flag: true},
  {id: 'b', value: null, share: 0.25, names: [], note: '=HYPERLINK("http://example.invalid")', flag: null},
  {id: 'c', value: 42, share: null, names: ['z'], note: '-2 per cent', flag: false}
]

describe('toCsv', () => {
  const csv = toCsv(records, columns)

  it('should write RFC 4180 with a header, LF line ends and numbers without separators', () => {
    expect(csv.split('\n')[0]).toBe('id,value,share,names,note,flag')
    expect(csv).toContain('a,3400000000,0.3333333333333333,x|y,"Says ""hello"", then\nleaves – £86m",true\n')
    expect(csv.startsWith('\uFEFF')).toBe(false)
  })

  it('should keep cells byte-exact, formula-like ones included', () => {
    const rows = parse(csv, {columns: true}) as Array<Record<string, string>>
    expect(rows.map((row) => row['note'])).toEqual(records.map((record) => record.note))
    expect(rows[1]).toEqual({id: 'b', value: '', share: '0.25', names: '', note: '=HYPERLINK("http://example.invalid")', flag: ''})
  })
})

describe('toExcelCsv', () => {
  const csv = toExcelCsv(records, columns)

  it('should start with a byte-order mark and end lines with CRLF', () => {
    expect(csv.startsWith('\uFEFFid,value')).toBe(true)
    expect(csv.split('\r\n')).toHaveLength(records.length + 2)
  })

  it('should neutralise cells a spreadsheet would run as a formula', () => {
    const rows = parse(csv, {columns: true, bom: true}) as Array<Record<string, string>>
    expect(rows.map((row) => row['note'])).toEqual(['Says "hello", then\nleaves – £86m', '\'=HYPERLINK("http://example.invalid")', "'-2 per cent"])
  })
})

describe('cell', () => {
  it('should print integers without exponent or separators', () => {
    expect([cell(528000), cell(3.4e9), cell(1e21), cell(0.5), cell(null), cell(['a', 'b'])]).toEqual(['528000', '3400000000', '1000000000000000000000', '0.5', '', 'a|b'])
  })
})

describe('csvChunks', () => {
  // More rows than one piece holds, with quoted, multi-line and formula-like cells at the seams.
  const many = Array.from({length: chunkRows * 2 + 7}, (_, index) => ({...records[index % records.length]!, id: `r${index}`}))
  const rows = [columns, ...many.map((record) => columns.map((column) => cell((record as Record<string, unknown>)[column])))]

  it('should give, piece by piece, exactly the CSV csv-stringify makes in one go', () => {
    const pieces = [...csvChunks(many, columns)]
    expect(pieces).toHaveLength(3)
    expect(pieces.join('')).toBe(stringify(rows, {record_delimiter: 'unix', quoted_match: [/^\s|\s$/, /[\r\n]/]}))
    expect(parse(pieces.join(''), {columns: true})).toHaveLength(many.length)
  })

  it('should do the same for the Excel variant, with one byte-order mark', () => {
    const whole = [...csvChunks(many, columns, 'excel')].join('')
    expect(whole).toBe('\uFEFF' + stringify(rows, {record_delimiter: 'windows', escape_formulas: true, quoted_match: [/^\s|\s$/, /[\r\n]/]}))
    expect(whole.lastIndexOf('\uFEFF')).toBe(0)
  })

  it('should write the header alone for no records', () => {
    expect([...csvChunks([], columns)]).toEqual(['id,value,share,names,note,flag\n'])
  })
})
