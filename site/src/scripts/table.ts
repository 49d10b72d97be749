/**
 * Filtering and sorting a dataset's table across all its rows, not just the
 * page shown: on the first request the table's rows.json is fetched, and the
 * matching rows are drawn a page at a time. The state (`q`, `sort`, `order`,
 * `p`) is kept in the page's URL, so a filtered view can be bookmarked and
 * shared. Without JavaScript the static pages of the table still read.
 */
import {cellClass, shortenCell} from '../lib/format.ts'
import {pageCount, pageOfList} from '../lib/paging.ts'
import {compareCells, matches, type IndexRow} from './rows.ts'

interface Index {
  columns: Array<{name: string; numeric: boolean}>
  rows: IndexRow[]
}

for (const holder of document.querySelectorAll<HTMLElement>('.data-table[data-rows]')) enhance(holder)

function enhance(holder: HTMLElement): void {
  const table = holder.querySelector<HTMLTableElement>('table[data-table]')
  const body = table?.tBodies[0]
  const headers = [...(table?.tHead?.rows[0]?.cells ?? [])]
  // The controls are in the built page (DataTable.astro): nothing is added, so nothing is laid out again at load.
  const input = holder.querySelector<HTMLInputElement>('.filter input')
  const status = holder.querySelector<HTMLElement>('.filter [role="status"]')
  const more = {nav: holder.querySelector<HTMLElement>('[data-more]'), previous: holder.querySelector<HTMLButtonElement>('[data-previous]'), next: holder.querySelector<HTMLButtonElement>('[data-next]')}
  if (!table || !body || !input || !status || !more.nav || !more.previous || !more.next) return
  const {nav, previous, next} = more
  const original = [...body.rows]
  const pager = holder.querySelector<HTMLElement>('[data-pager]')
  const labelOf = (header: HTMLTableCellElement) => header.querySelector('button')?.textContent ?? header.textContent
  let indexRequest: Promise<Index> | undefined
  const load = () => (indexRequest ??= fetch(holder.dataset['rows']!).then((response) => (response.ok ? (response.json() as Promise<Index>) : Promise.reject(new Error(`${response.status}`)))))

  const state = new URL(location.href).searchParams
  if (state.get('q')) input.value = state.get('q')!
  const render = async () => {
    const query = input.value.trim()
    const sorted = headers.findIndex((header) => header.dataset['column'] === state.get('sort'))
    if (query === '' && sorted < 0) {
      // The page as built: its rows are put back only when a filter or sort replaced them, and nothing else is touched.
      if (body.rows[0] !== original[0] || body.rows.length !== original.length) body.replaceChildren(...original)
      for (const header of headers) header.removeAttribute('aria-sort')
      if (pager?.hidden) pager.hidden = false
      nav.hidden = true
      status.textContent = ''
      return
    }
    for (const [position, header] of headers.entries()) header.setAttribute('aria-sort', position === sorted ? (state.get('order') === 'descending' ? 'descending' : 'ascending') : 'none')
    const index = await load().catch(() => undefined)
    if (!index) {
      // Forget the failed request, so the next change asks again.
      indexRequest = undefined
      status.textContent = 'The rows could not be loaded to filter or sort: the table’s pages still show every row.'
      return
    }
    const {columns, rows} = index
    const words = query.toLowerCase().split(/\s+/).filter(Boolean)
    const found = rows.filter((row) => matches(row, words))
    if (sorted >= 0) found.sort((a, b) => compareCells(a.cells[sorted]!, b.cells[sorted]!, state.get('order') === 'descending'))
    const pages = pageCount(found.length)
    const number = Math.min(Math.max(Number(state.get('p')) || 1, 1), pages)
    body.replaceChildren(...pageOfList(found, number).items.map((row) => rowElement(row, columns)))
    if (pager) pager.hidden = true
    status.textContent = `${words.length > 0 ? `${found.length} of ${rows.length} rows match` : `${rows.length} rows`}${sorted >= 0 ? `, sorted by ${labelOf(headers[sorted]!)} (${state.get('order') === 'descending' ? 'descending' : 'ascending'})` : ''}${pages > 1 ? `; page ${number} of ${pages}` : ''}`
    nav.hidden = pages < 2
    previous.disabled = number <= 1
    next.disabled = number >= pages
  }
  const update = (changes: Record<string, string | null>) => {
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') state.delete(key)
      else state.set(key, value)
    }
    const url = new URL(location.href)
    url.search = state.toString()
    history.replaceState(null, '', url)
    void render()
  }

  input.addEventListener('input', () => update({q: input.value.trim(), p: null}))
  previous.addEventListener('click', () => update({p: String((Number(state.get('p')) || 1) - 1)}))
  next.addEventListener('click', () => update({p: String((Number(state.get('p')) || 1) + 1)}))
  for (const header of headers) {
    header.querySelector('button')?.addEventListener('click', () => {
      const again = state.get('sort') === header.dataset['column'] && state.get('order') !== 'descending'
      update({sort: header.dataset['column'] ?? null, order: again ? 'descending' : 'ascending', p: null})
    })
  }
  // Nothing to do at load unless the address holds a filter or a sort.
  if (state.get('q') || state.get('sort')) void render()
}

function rowElement(row: IndexRow, columns: Index['columns']): HTMLTableRowElement {
  const element = document.createElement('tr')
  element.id = row.id
  for (const [position, cell] of row.cells.entries()) {
    const td = document.createElement('td')
    const style = cellClass(columns[position]?.numeric ?? false, cell.t)
    if (style) td.className = style
    if (cell.s !== undefined) td.dataset['sort'] = String(cell.s)
    const text = shortenCell(cell.t)
    if (cell.h) td.append(Object.assign(document.createElement('a'), {href: cell.h, textContent: text}))
    else td.textContent = text
    element.append(td)
  }
  return element
}
