/**
 * Progressive enhancement for data tables: a filter box above each table and
 * sortable column headers. Without JavaScript the whole table still reads.
 */
for (const table of document.querySelectorAll<HTMLTableElement>('table[data-table]')) enhance(table)

function enhance(table: HTMLTableElement): void {
  const body = table.tBodies[0]
  if (!body) return
  const rows = [...body.rows]
  const caption = table.caption?.textContent?.replace(/\s*\(\d+ rows\)$/, '') ?? 'table'
  const status = document.createElement('p')
  status.setAttribute('role', 'status')
  status.className = 'secondary'

  const form = document.createElement('div')
  form.className = 'filter'
  const label = document.createElement('label')
  const input = document.createElement('input')
  const id = `filter-${Math.random().toString(36).slice(2, 8)}`
  label.htmlFor = id
  label.textContent = `Filter ${caption.toLowerCase()}`
  input.id = id
  input.type = 'search'
  input.autocomplete = 'off'
  const wrapper = document.createElement('div')
  wrapper.append(label, input)
  form.append(wrapper, status)
  table.closest('.table-wrap')?.before(form)

  input.addEventListener('input', () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean)
    let shown = 0
    for (const row of rows) {
      const text = row.textContent?.toLowerCase() ?? ''
      const visible = words.every((word) => text.includes(word))
      row.hidden = !visible
      if (visible) shown++
    }
    status.textContent = words.length === 0 ? '' : `${shown} of ${rows.length} rows match`
  })

  for (const [index, header] of [...(table.tHead?.rows[0]?.cells ?? [])].entries()) {
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = header.textContent
    header.textContent = ''
    header.append(button)
    header.setAttribute('aria-sort', 'none')
    button.addEventListener('click', () => sort(table, rows, index, header))
  }
}

function sort(table: HTMLTableElement, rows: HTMLTableRowElement[], column: number, header: HTMLTableCellElement): void {
  const ascending = header.getAttribute('aria-sort') !== 'ascending'
  for (const other of table.tHead?.rows[0]?.cells ?? []) other.setAttribute('aria-sort', 'none')
  header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending')
  // Numbers carry their exact value in data-sort; text sorts by what it says.
  const key = (row: HTMLTableRowElement) => row.cells[column]?.dataset['sort'] ?? row.cells[column]?.textContent?.trim() ?? ''
  const numeric = rows.every((row) => key(row) === '' || !Number.isNaN(Number(key(row))))
  rows.sort((a, b) => {
    const order = numeric ? Number(key(a) || -Infinity) - Number(key(b) || -Infinity) : key(a).localeCompare(key(b), 'en-GB')
    return ascending ? order : -order
  })
  table.tBodies[0]?.append(...rows)
}
