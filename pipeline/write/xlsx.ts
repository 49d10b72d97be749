/**
 * XLSX: the journalists' workbook, an "About" sheet then one typed sheet per
 * dataset. It is Office Open XML SpreadsheetML (ECMA-376) written by hand,
 * for two reasons: a release's bytes must be the same on every build (the
 * libraries stamp the clock into docProps and choose their own part order),
 * and it needs no dependency. The package is ./zip.ts's, dated the release
 * day. Cells are never formulas; text stays text (a `@` format, so "0123" or
 * "20%" is never converted); numbers keep every digit (the shortest
 * round-trip text); a column of nothing but ISO days holds real dates.
 */
import {cell} from './csv.ts'
import type {Column, Table} from './table.ts'
import {zip} from './zip.ts'

export interface WorkbookInput {
  /** The first sheet, "About": a title line, then lines of text (what the data is, version, licence and attribution, how to cite), then a table of every dataset's columns: sheet, column, type, meaning. */
  about: {title: string, lines: string[]}
  tables: readonly Table[]
  /** Fixed date (YYYY-MM-DD) for the zip entries and the document properties, so the bytes never vary. */
  date: string
}

const ns = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types'
}
const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const contentType = 'application/vnd.openxmlformats-officedocument'
// Cell formats, the order of cellXfs in styles.xml: General, header (bold text), text (`@`), date, whole number (`0`).
const style = {general: 0, header: 1, text: 2, date: 3, integer: 4} as const
const styles = `${declaration}<styleSheet xmlns="${ns.main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5">' +
  [[0, 0], [49, 1], [49, 0], [164, 0], [1, 0]].map(([format, font]) =>
    `<xf numFmtId="${format}" fontId="${font}" fillId="0" borderId="0" xfId="0"${format ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}/>`).join('') +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'

const maxText = 32767 // characters in a cell, Excel's limit
const maxRows = 1048576
const maxColumns = 16384
// What XML 1.0 forbids: C0 controls but tab, LF and CR; U+FFFE and U+FFFF; lone surrogates.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const entities: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;'}

/** Text for XML content or a `"` attribute: forbidden characters dropped, markup escaped, CR a reference (a parser reads a bare CR as LF). */
function escape(text: string): string {
  return text.replace(forbidden, '').replace(/[&<>"\r]/g, (char) => entities[char]!)
}

/** A cell's text: Excel decodes `_xHHHH_` in it (ECMA-376 ST_Xstring), so a literal one has its `_` escaped as `_x005F_`. */
function cellText(text: string): string {
  return escape(text).replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
}

/** The column's letters, 0 → A, 26 → AA. */
function letters(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/** Excel's serial number of a `YYYY-MM-DD` day (days since 1899-12-30), if it is a real day from 1900-03-01 (before it, Excel's phantom 29 February 1900 shifts the count). */
function serial(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined
  const time = Date.parse(`${value}T00:00:00Z`)
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) return undefined
  const days = time / 86400000 + 25569
  return days >= 61 ? days : undefined
}

/** A cell to write: its `t` (s: shared string, n: number, b: boolean), its `<v>` or text, its format and its width in characters. */
interface Cell {
  type: 's' | 'n' | 'b'
  value: string
  style: number
  width: number
}
type Row = ReadonlyArray<Cell | undefined>

/** What ends a cell cut to Excel's limit; the CSV and JSON hold the whole value. */
export const cutMark = ' … [cut: Excel holds 32,767 characters in a cell; the CSV has the whole value]'

function text(value: string, format: number = style.text): Cell {
  // A spreadsheet cannot hold more: say so in the cell rather than fail the whole release.
  if (value.length > maxText) value = fitted(value, maxText - cutMark.length) + cutMark
  return {type: 's', value, style: format, width: widthOf(value)}
}

/** The longest line's length in characters (a surrogate pair is one). */
function widthOf(value: string): number {
  // Most cells are one line without surrogates: their width is their length.
  if (!/[\r\n\uD800-\uDFFF]/.test(value)) return value.length
  return Math.max(...value.split(/\r\n|[\r\n]/).map((line) => [...line].length))
}

/** The start of `value` in at most `length` UTF-16 units, never half a surrogate pair. */
function fitted(value: string, length: number): string {
  const cut = value.slice(0, length)
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
}

/** A record's value as a cell: numbers and booleans typed, a date column's days as dates, anything else text (lists joined as in the CSV). */
function valueCell(value: unknown, dates: boolean): Cell | undefined {
  if (value === null || value === undefined) return undefined
  if (dates) return {type: 'n', value: String(serial(value)), style: style.date, width: 10}
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Unexpected number ${value}, a cell holds only finite numbers`)
    // String(): the shortest text that reads back as the same double (1e+21, 0.3333333333333333); -0 is 0.
    // A whole number is shown whole (`0`, not 9.0072E+15) while it is exact; a larger one as General shows it (1E+21).
    return {type: 'n', value: String(value), style: Number.isSafeInteger(value) ? style.integer : style.general, width: String(value).length}
  }
  if (typeof value === 'boolean') return {type: 'b', value: value ? '1' : '0', style: style.general, width: 5}
  return text(cell(value))
}

/** Sheet names Excel accepts: no []:*?/\, no `'` at either end, at most 31 characters, unique ignoring case, "About" and Excel's reserved "History" taken. */
function sheetNames(tables: readonly Table[]): string[] {
  const taken = new Set(['about', 'history'])
  // At most `length` UTF-16 units, never half a surrogate pair.
  const cut = (name: string, length: number) => name.slice(0, length).replace(/[\uD800-\uDBFF]$/, '')
  return tables.map(({name}) => {
    const base = name.replace(forbidden, '').replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '') || 'Sheet'
    let result = cut(base, 31)
    for (let count = 2; taken.has(result.toLowerCase()); count++) result = cut(base, 31 - ` (${count})`.length) + ` (${count})`
    taken.add(result.toLowerCase())
    return result
  })
}

/** A table's rows, header first, made one at a time when read (a large table's cells are never all in memory), and its columns' formats (a text column keeps `@` for anything typed in later). */
function tableSheet(table: Table): {rows: () => Iterable<Row>, count: number, formats: number[]} {
  const {columns, records} = table
  if (records.length + 1 > maxRows) throw new Error(`Unexpected ${records.length} records in \`${table.name}\`, a sheet holds at most ${maxRows - 1}`)
  if (columns.length > maxColumns) throw new Error(`Unexpected ${columns.length} columns in \`${table.name}\`, a sheet holds at most ${maxColumns}`)
  const dates = columns.map(({name, type}) => type === 'string' && records.some((record) => record[name] != null) &&
    records.every((record) => record[name] == null || serial(record[name]) !== undefined))
  const formats = columns.map(({type}, index) =>
    dates[index] ? style.date : type === 'string' || type === 'list' ? style.text : type === 'integer' ? style.integer : style.general)
  function* rows(): Iterable<Row> {
    yield columns.map(({name}) => text(name, style.header))
    for (const record of records) yield columns.map(({name}, index) => valueCell(record[name], dates[index]!))
  }
  return {rows, count: records.length + 1, formats}
}

/** A column's type as the About sheet describes it. */
function typeOf({type, itemType}: Column): string {
  return type === 'list' ? `list of ${itemType ?? 'string'} (joined by |)` : type
}

interface Sheet {
  name: string
  /** The rows, made afresh each time they are read. */
  rows: () => Iterable<Row>
  count: number
  formats: readonly number[]
  /** Whether a row's cells set the column widths (the About sheet's lines overflow instead). */
  measured: (row: Row, at: number) => boolean
  /** A data sheet: its header frozen and filtered. */
  table: boolean
}

/** The sheet's XML as bytes, written row by row into chunks: no string of the whole sheet is ever made. */
function sheetXml(sheet: Sheet, index: number, share: (text: string) => number): Buffer {
  // The cells first, measuring the columns as they go: the widths come before the cells in the XML.
  const widths: number[] = []
  const names: string[] = []
  const cells = chunks()
  let at = 0
  for (const row of sheet.rows()) {
    for (let column = widths.length; column < row.length; column++) widths.push(8), names.push(letters(column))
    if (sheet.measured(row, at++)) row.forEach((value, column) => void (widths[column] = Math.min(60, Math.max(widths[column]!, (value?.width ?? 0) + 2))))
    if (row.every((value) => value === undefined)) continue
    let line = `<row r="${at}">`
    row.forEach((value, column) => {
      if (!value) return
      const format = value.style ? ` s="${value.style}"` : ''
      const type = value.type === 'n' ? '' : ` t="${value.type}"`
      line += `<c r="${names[column]}${at}"${format}${type}><v>${value.type === 's' ? share(value.value) : value.value}</v></c>`
    })
    cells.add(line + '</row>')
  }
  const columns = widths.length
  const last = `${letters(Math.max(columns, 1) - 1)}${Math.max(sheet.count, 1)}`
  const cols = widths.map((width, column) => {
    const format = sheet.formats[column] ? ` style="${sheet.formats[column]}"` : ''
    return `<col min="${column + 1}" max="${column + 1}" width="${width}" customWidth="1"${format}/>`
  }).join('')
  const pane = sheet.table ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' : ''
  const head = `${declaration}<worksheet xmlns="${ns.main}" xmlns:r="${ns.r}"><dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView${index === 0 ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`
  cells.add(`</sheetData>${sheet.table && columns > 0 ? `<autoFilter ref="A1:${last}"/>` : ''}</worksheet>`)
  return cells.bytes(head)
}

/** Text gathered as UTF-8 in blocks of about a megabyte, then joined once. */
function chunks(): {add(text: string): void, bytes(head?: string): Buffer} {
  const blocks: Buffer[] = []
  let pending = ''
  return {
    add(text) {
      pending += text
      if (pending.length >= 1 << 20) {
        blocks.push(Buffer.from(pending))
        pending = ''
      }
    },
    /** The text gathered, after `head`: joined once, so a sheet's bytes are never copied twice. */
    bytes: (head = '') => Buffer.concat([Buffer.from(head), ...blocks.splice(0), Buffer.from(pending)])
  }
}

/** The workbook as XLSX bytes, the same for the same input on every run. */
export function toXlsx(input: WorkbookInput): Buffer {
  const names = sheetNames(input.tables)
  // A data sheet's cells are made only when the zip reaches it, and let go after: one table's cells in memory at a time.
  const dataSheet = (index: number): Sheet => ({name: names[index]!, ...tableSheet(input.tables[index]!), measured: () => true, table: true})
  const columnsHeader = ['sheet', 'column', 'type', 'meaning'].map((name) => text(name, style.header))
  const columnRows = input.tables.flatMap((table, index) =>
    table.columns.map((column) => [names[index]!, column.name, typeOf(column), column.description].map((value) => text(value))))
  const intro = [[text(input.about.title, style.header)], ...input.about.lines.map((line) => [text(line)]), []]
  const aboutRows = [...intro, columnsHeader, ...columnRows]
  const about: Sheet = {name: 'About', rows: () => aboutRows, count: aboutRows.length, formats: [], measured: (_, at) => at >= intro.length, table: false}
  const sheets = [{name: 'About', table: false, rows: about.count, columns: Math.max(...aboutRows.map((row) => row.length))}, ...input.tables.map((table, index) => ({name: names[index]!, table: true, rows: table.records.length + 1, columns: table.columns.length}))]

  const strings = new Map<string, number>()
  let uses = 0
  const share = (value: string) => {
    uses++
    let number = strings.get(value)
    if (number === undefined) strings.set(value, (number = strings.size))
    return number
  }
  const worksheets = sheets.map((_, index) => () => sheetXml(index === 0 ? about : dataSheet(index - 1), index, share))
  // Made after every sheet has shared its strings: the zip reaches this part last. Gathered as bytes a megabyte at a
  // time, never as one string of every text in the workbook.
  const shared = () => {
    const out = chunks()
    out.add(`${declaration}<sst xmlns="${ns.main}" count="${uses}" uniqueCount="${strings.size}">`)
    for (const value of strings.keys()) out.add(`<si><t xml:space="preserve">${cellText(value)}</t></si>`)
    out.add('</sst>')
    return out.bytes()
  }

  const sheetList = sheets.map(({name}, index) => `<sheet name="${escape(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('')
  // Excel keeps each autofilter's range in a hidden name local to its sheet.
  const filters = sheets.map((sheet, index) => {
    const columns = sheet.columns
    if (!sheet.table || columns === 0) return ''
    const range = `'${sheet.name.replaceAll("'", "''")}'!$A$1:$${letters(columns - 1)}$${sheet.rows}`
    return `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escape(range)}</definedName>`
  }).join('')
  const workbook = `${declaration}<workbook xmlns="${ns.main}" xmlns:r="${ns.r}"><bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${sheetList}</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`
  const relationship = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`
  const officeType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
  const workbookRels = `${declaration}<Relationships xmlns="${ns.rels}">` +
    sheets.map((_, index) => relationship(`rId${index + 1}`, `${officeType}worksheet`, `worksheets/sheet${index + 1}.xml`)).join('') +
    relationship(`rId${sheets.length + 1}`, `${officeType}styles`, 'styles.xml') +
    relationship(`rId${sheets.length + 2}`, `${officeType}sharedStrings`, 'sharedStrings.xml') + '</Relationships>'
  const rootRels = `${declaration}<Relationships xmlns="${ns.rels}">` +
    relationship('rId1', `${officeType}officeDocument`, 'xl/workbook.xml') +
    relationship('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml') +
    relationship('rId3', `${officeType}extended-properties`, 'docProps/app.xml') + '</Relationships>'
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`
  const types = `${declaration}<Types xmlns="${ns.types}">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    override('xl/workbook.xml', `${contentType}.spreadsheetml.sheet.main+xml`) +
    sheets.map((_, index) => override(`xl/worksheets/sheet${index + 1}.xml`, `${contentType}.spreadsheetml.worksheet+xml`)).join('') +
    override('xl/styles.xml', `${contentType}.spreadsheetml.styles+xml`) +
    override('xl/sharedStrings.xml', `${contentType}.spreadsheetml.sharedStrings+xml`) +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', `${contentType}.extended-properties+xml`) + '</Types>'
  const time = `${input.date}T00:00:00Z`
  const core = `${declaration}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escape(input.about.title)}</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified></cp:coreProperties>`
  const app = `${declaration}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    `<Application>icb-open-data</Application><DocSecurity>0</DocSecurity></Properties>`

  return zip([
    {name: '[Content_Types].xml', content: types},
    {name: '_rels/.rels', content: rootRels},
    {name: 'docProps/core.xml', content: core},
    {name: 'docProps/app.xml', content: app},
    {name: 'xl/workbook.xml', content: workbook},
    {name: 'xl/_rels/workbook.xml.rels', content: workbookRels},
    {name: 'xl/styles.xml', content: styles},
    ...worksheets.map((content, index) => ({name: `xl/worksheets/sheet${index + 1}.xml`, content})),
    {name: 'xl/sharedStrings.xml', content: shared}
  ], {date: input.date})
}
