import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
import {cell, toCsv, toExcelCsv} from '../../pipeline/write/csv.ts'

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
