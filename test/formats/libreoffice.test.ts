/**
 * The workbook opened by LibreOffice in headless mode, with no option, where
 * LibreOffice is installed (`soffice`): every sheet saved back as CSV holds
 * the canonical CSV's cells. Two differences are the application's own and
 * allowed: booleans print as TRUE/FALSE, and numbers keep 15 significant
 * digits, as every spreadsheet application does.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cutMark} from '../../pipeline/write/xlsx.ts'
import {projectRoot} from '../helpers/project.ts'

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((candidate) => existsSync(candidate))
const draft = path.join(projectRoot, 'dist-data/draft')
const datapackage = JSON.parse(readFileSync(path.join(draft, 'datapackage.json'), 'utf8')) as {name: string; resources: Array<{name: string; type?: string; schema?: {fields: Array<{name: string; type: string}>}}>}
const tables = datapackage.resources.filter((resource) => resource.type === 'table')

describe.runIf(soffice)('the workbook in LibreOffice', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'icb-libreoffice-'))
  beforeAll(() => {
    // Every sheet to CSV: comma, double quote, UTF-8 (76), values as stored, not as shown; -1 = all sheets.
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
    execFileSync(soffice!, ['--headless', '--norestore', '--convert-to', filter, '--outdir', folder, path.join(draft, `${datapackage.name}.xlsx`)], {env: {...process.env, HOME: folder}, stdio: 'pipe', timeout: 120_000})
  }, 150_000)
  afterAll(() => rmSync(folder, {recursive: true, force: true}))

  it('should open every sheet', () => {
    const sheets = readdirSync(folder).filter((name) => name.endsWith('.csv')).map((name) => name.slice(datapackage.name.length + 1, -4)).sort()
    expect(sheets).toEqual(['About', ...tables.map((table) => table.name)].sort())
  })

  it.each(tables.map((table) => table.name))('sheet %s should hold the CSV\'s cells', (name) => {
    const fields = tables.find((table) => table.name === name)!.schema!.fields
    const opened = parse(readFileSync(path.join(folder, `${datapackage.name}-${name}.csv`)), {columns: false, relax_column_count: true}) as string[][]
    const canonical = parse(readFileSync(path.join(draft, `${name}.csv`)), {columns: false}) as string[][]
    expect(opened.length).toBe(canonical.length)
    canonical.forEach((row, index) => {
      row.forEach((cell, column) => {
        const field = fields[column]!
        const got = opened[index]![column] ?? ''
        if (index > 0 && field.type === 'boolean') expect(got.toLowerCase(), `${name} ${index}:${field.name}`).toBe(cell)
        else if (index > 0 && (field.type === 'number' || field.type === 'integer') && cell !== '') expect(Number(got), `${name} ${index}:${field.name}`).toBe(Number(Number(cell).toPrecision(15)))
        // A cell longer than a spreadsheet holds is cut in the workbook, and says so.
        else if (cell.length > 32767) expect(got.endsWith(cutMark) && cell.startsWith(got.slice(0, -cutMark.length)), `${name} ${index}:${field.name}`).toBe(true)
        else expect(got, `${name} ${index}:${field.name}`).toBe(cell)
      })
    })
  })
})
