/** How values read on pages: plain text, never HTML (Astro escapes what these return). */

/** A cell's text: empty for null, lists joined with commas, numbers in British style. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(formatValue).join(', ')
  if (typeof value === 'number') return formatNumber(value)
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return String(value)
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-GB') : value.toLocaleString('en-GB', {maximumFractionDigits: 4})
}

/** "1.2 kB" for a byte count. */
export function formatBytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} bytes` : `${(bytes / 1000).toLocaleString('en-GB', {maximumFractionDigits: 1})} kB`
}

/** A statistic as a reader says it: "over 528,000 people", "£3,400,000,000", "30,000 to 50,000 people"; a proportion (0.2) as "20%". */
export function formatFigure(statistic: {value: number | null; value_low: number | null; value_high: number | null; unit: string; qualifier: string | null}): string {
  const amount = (value: number) =>
    statistic.unit === 'GBP' ? `£${formatNumber(value)}` : statistic.unit === 'proportion' ? `${formatNumber(Math.round(value * 1000) / 10)}%` : formatNumber(value)
  const number = statistic.value === null ? `${amount(statistic.value_low ?? 0)} to ${amount(statistic.value_high ?? 0)}` : amount(statistic.value)
  const unit = ['GBP', 'proportion'].includes(statistic.unit) ? '' : ` ${statistic.unit}`
  return `${statistic.qualifier ? `${statistic.qualifier} ` : ''}${number}${unit}`
}

/** A date with its precision: "1 July 2022", "July 2022", "2022", or an interval. */
export function formatDate(date: string | null, precision: string | null = null): string {
  if (!date) return 'not known'
  if (date.includes('/')) return date.split('/').map((part) => formatDate(part)).join(' to ')
  const [year, month, day] = date.split('-').map(Number)
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
  if (day && precision !== 'month' && precision !== 'year') return `${day} ${months[month! - 1]} ${year}`
  if (month && precision !== 'year') return `${months[month - 1]} ${year}`
  return String(year)
}

/** Column name as a heading: `date_precision` → "date precision". */
export function columnLabel(name: string): string {
  return name.replaceAll('_', ' ')
}

/** Text cut to `room` characters with an ellipsis. */
export function shorten(text: string, room: number): string {
  return text.length > room ? `${text.slice(0, room - 1)}…` : text
}

/** Longest text a table cell shows, and longest run of a word without a hyphen (a hash, an address), in characters. */
export const cellRoom = 90
export const wordRoom = 24

/**
 * A table cell's text: long text cut at a word near `cellRoom` characters, a
 * long unbroken word (a SHA-256, an address) cut to its start; the whole
 * text is on the record's page. Shared by the built table and table.ts.
 */
export function shortenCell(text: string): string {
  // A line may break after a hyphen (ids), so only a longer run with none is cut.
  const words = text.split(' ').map((word) => (word.split('-').some((run) => run.length > wordRoom) ? shorten(word, wordRoom) : word))
  const joined = words.join(' ')
  if (joined.length <= cellRoom) return joined
  const cut = joined.slice(0, cellRoom)
  const space = cut.lastIndexOf(' ')
  return `${cut.slice(0, space > cellRoom / 2 ? space : cellRoom - 1).replace(/[\s,;:.]+$/, '')}…`
}

/** A table cell's class: `number` for a numeric column, `long` for text that needs a wider column (so its row is not tall); shared by the built table and table.ts. */
export function cellClass(numeric: boolean, text: string): string | undefined {
  return numeric ? 'number' : text.length > 30 ? 'long' : undefined
}
