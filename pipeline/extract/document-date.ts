/**
 * The date a document's figures describe, when its text gives none: the date
 * its current text reflects (`date_updated`) if stated, else its publication
 * date, else the bounds it was written within. And whether two dated records
 * describe times that meet.
 */
import type {VFile} from 'vfile'
import {coarser, precisionOf, type DateExpression} from '../dates/index.ts'

export interface DocumentDate {
  /** ISO 8601 date, or an ISO 8601 interval `earliest/latest`. */
  date: string | null
  precision: 'day' | 'month' | 'year' | null
  /** `on or after`, `before`, or null. */
  qualifier: string | null
}

interface DateWritten {
  earliest: string | null
  latest: string | null
}

function documentDate(file: VFile): DocumentDate {
  const matter = file.data.matter ?? {}
  const stated = (matter['date_updated'] ?? matter['date_published']) as string | null | undefined
  if (stated) return {date: stated, precision: precisionOf(stated), qualifier: null}
  const {earliest, latest} = (matter['date_written'] ?? {earliest: null, latest: null}) as DateWritten
  if (earliest && latest) {
    if (earliest === latest) return {date: earliest, precision: precisionOf(earliest), qualifier: null}
    return {date: `${earliest}/${latest}`, precision: coarser(precisionOf(earliest), precisionOf(latest)), qualifier: null}
  }
  if (earliest) return {date: earliest, precision: precisionOf(earliest), qualifier: 'on or after'}
  if (latest) return {date: latest, precision: precisionOf(latest), qualifier: 'before'}
  return {date: null, precision: null, qualifier: null}
}

/** The date columns a statistic or event carries. */
export interface DateFields {
  date: string | null
  date_precision: 'day' | 'month' | 'year' | null
  date_qualifier: string | null
  /** `text` when the quote states the date; `document` when it is the document's own date. */
  date_basis: 'text' | 'document'
}

export function fromDocument(file: VFile): DateFields {
  const {date, precision, qualifier} = documentDate(file)
  return {date, date_precision: precision, date_qualifier: qualifier, date_basis: 'document'}
}

export function fromText(date: DateExpression): DateFields {
  return {date: date.date, date_precision: date.precision, date_qualifier: date.qualifier, date_basis: 'text'}
}

/** Whether the times two records describe meet; an unknown date meets every time. */
export function overlappingDates(a: DateFields, b: DateFields): boolean {
  const [startA, endA] = span(a)
  const [startB, endB] = span(b)
  return startA <= endB && startB <= endA
}

/** A record's date as the first and last day it may mean ("2021" is 2021-01-01 to 2021-12-31), open where its qualifier leaves it open. */
function span({date, date_qualifier: qualifier}: DateFields): [string, string] {
  if (date === null) return ['', '\uffff']
  const [from, to = from] = date.split('/') as [string, string?]
  const start = from + {year: '-01-01', month: '-01', day: ''}[precisionOf(from)]
  const end = to + {year: '-12-31', month: '-31', day: ''}[precisionOf(to)]
  if (qualifier === 'before' || qualifier === 'until') return ['', end]
  if (qualifier === 'after' || qualifier === 'since' || qualifier === 'from' || qualifier === 'on or after') return [start, '\uffff']
  return [start, end]
}
