/**
 * The last release's records, one compact JSON line each, in the release's
 * order: `.cache/pipeline/records/<dataset>.jsonl`. With them a rebuild tells
 * which records of a changed dataset are the ones the last release has, and
 * where, without rendering any record in a published format: compact JSON is
 * several times cheaper to make than the indented rows of the JSON file.
 *
 * A record counts as unchanged only if it and the record it is compared with
 * are plain (see `isPlain`): then equal JSON means equal values, so equal rows
 * in every format and the same verdict from the schema. A record that is not
 * plain has the line `null`, which no plain record's JSON equals.
 */
import {closeSync, openSync, readFileSync, writeFileSync} from 'node:fs'
import {chunkRows, type Records} from '../write/rows.ts'

/** Records as JSON lines, in bytes, and where each line ends (its newline excluded). */
export interface RecordLines {
  bytes: Buffer
  ends: Uint32Array
}

/**
 * A record whose JSON says all there is to it: exactly `columns` as its own
 * keys, each null, a boolean, a string, a finite number or a list of those.
 * Two plain records with equal JSON are equal, so they give equal rows and
 * the same verdict from their schema.
 */
export function isPlain(record: Record<string, unknown>, columns: readonly string[]): boolean {
  if (Object.keys(record).length !== columns.length) return false
  return columns.every((column) => {
    const value = record[column]
    return Object.hasOwn(record, column) && (Array.isArray(value) ? value.every(isPlainValue) : isPlainValue(value))
  })
}

function isPlainValue(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
}

/** `records` as JSON lines (JSON holds no raw line break), `null` for a record that is not plain. */
function recordLines(records: Records, columns: readonly string[]): RecordLines {
  const lines = records.map((record) => (isPlain(record, columns) ? JSON.stringify(record) : 'null'))
  // An empty last item gives the final line break without another copy of the text.
  if (lines.length > 0) lines.push('')
  const bytes = Buffer.from(lines.join('\n'))
  return {bytes, ends: lineEnds(bytes)}
}

function lineEnds(bytes: Buffer): Uint32Array {
  const ends: number[] = []
  for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, end + 1)) ends.push(end)
  return Uint32Array.from(ends)
}

/** The lines of a records file, or undefined when it cannot be read or does not end with a line break. */
export function readRecordLines(file: string): RecordLines | undefined {
  try {
    const bytes = readFileSync(file)
    return bytes.length === 0 || bytes[bytes.length - 1] === 10 ? {bytes, ends: lineEnds(bytes)} : undefined
  } catch {
    return undefined
  }
}

/** Write `records` as a records file, a piece at a time. */
export function writeRecordLines(file: string, records: Records, columns: readonly string[]): void {
  const descriptor = openSync(file, 'w')
  try {
    for (let first = 0; first < records.length; first += chunkRows) writeFileSync(descriptor, recordLines(records.slice(first, first + chunkRows), columns).bytes)
  } finally {
    closeSync(descriptor)
  }
}

export interface Matched {
  /** For each record, its row in the last release, or -1. */
  match: Int32Array
  /** How many rows the last release has. */
  rows: number
}

/**
 * For each record that is plain, the line of the last release's records
 * (`previous`) that is its own JSON, byte for byte; -1 for any other record.
 * Both lists are in the dataset's order, so each record is compared
 * first with the lines just after the last one it matched; failing those,
 * with the line that begins with the same field (usually its id). `each`
 * gets every batch of lines as made, to be kept for the next build.
 */
export function matchRecords(
  records: Records,
  columns: readonly string[],
  previous: RecordLines,
  each: (lines: Buffer) => void
): Matched {
  const {bytes, ends} = previous
  const rows = ends.length
  const startOf = (ends: Uint32Array, line: number) => (line === 0 ? 0 : ends[line - 1]! + 1)
  /** Whether line `row` of the last release is bytes `start` to `end` of `lines`. */
  const same = (row: number, lines: Buffer, start: number, end: number) =>
    row >= 0 && row < rows && ends[row]! - startOf(ends, row) === end - start && lines.compare(bytes, startOf(ends, row), ends[row], start, end) === 0
  // Lines by how they begin: up to the first `,"`, which ends the first field when its value is not a list
  // (in JSON a quote inside a string is escaped). Only a key to look up: `same` decides. Built only when a
  // record is not found near where it was expected.
  const firstField = (lines: Buffer, start: number, end: number) => {
    const comma = lines.indexOf(',"', start)
    return lines.toString('latin1', start, comma === -1 || comma > end ? end : comma)
  }
  let byFirstField: Map<string, number> | undefined
  const match = new Int32Array(records.length).fill(-1)
  let next = 0
  for (let first = 0; first < records.length; first += chunkRows) {
    const batch = recordLines(records.slice(first, first + chunkRows), columns)
    each(batch.bytes)
    for (let at = 0; at < batch.ends.length; at++) {
      const index = first + at
      const start = startOf(batch.ends, at)
      const end = batch.ends[at]!
      let row = -1
      if (isPlainLine(batch.bytes, start, end)) {
        if (same(next, batch.bytes, start, end)) row = next
        else if (same(next + 1, batch.bytes, start, end)) row = next + 1
        else if (same(next - 1, batch.bytes, start, end)) row = next - 1
        else {
          byFirstField ??= new Map(Array.from({length: rows}, (_, old) => [firstField(bytes, startOf(ends, old), ends[old]!), old] as const).reverse())
          const found = byFirstField.get(firstField(batch.bytes, start, end))
          if (found !== undefined && same(found, batch.bytes, start, end)) row = found
        }
      }
      match[index] = row
      // A record not found most often replaces the line where it was.
      next = row >= 0 ? row + 1 : next + 1
    }
  }
  return {match, rows}
}

/** Whether a line is a plain record's: not the `null` of one that is not. */
function isPlainLine(lines: Buffer, start: number, end: number): boolean {
  return end - start !== 4 || lines.toString('latin1', start, end) !== 'null'
}
