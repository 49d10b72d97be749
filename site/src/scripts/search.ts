/**
 * Search with Pagefind's index (built after the site, served from /pagefind/):
 * a static host needs no server. Results are written as text, never as HTML.
 */
interface Result {
  url: string
  meta: {title?: string}
  excerpt: string
  filters: {type?: string[]}
}

interface Pagefind {
  search: (query: string) => Promise<{results: Array<{data: () => Promise<Result>}>}>
}

const form = document.querySelector<HTMLFormElement>('#search-form')
const input = document.querySelector<HTMLInputElement>('#search-input')
const list = document.querySelector<HTMLOListElement>('#search-results')
const status = document.querySelector<HTMLParagraphElement>('#search-status')

if (form && input && list && status) {
  form.hidden = false
  document.querySelector('#search-without-script')?.remove()
  let pagefind: Promise<Pagefind> | undefined
  const load = () => (pagefind ??= import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`) as Promise<Pagefind>)
  const run = async () => {
    const query = input.value.trim()
    list.replaceChildren()
    if (query === '') {
      status.textContent = ''
      return
    }
    const {results} = await (await load()).search(query)
    const data = await Promise.all(results.slice(0, 20).map((result) => result.data()))
    status.textContent = `${results.length} ${results.length === 1 ? 'result' : 'results'} for “${query}”`
    for (const result of data) {
      const item = document.createElement('li')
      const link = document.createElement('a')
      link.href = result.url
      link.textContent = result.meta.title ?? result.url
      const kind = document.createElement('span')
      kind.className = 'secondary'
      kind.textContent = result.filters.type?.[0] ? ` (${result.filters.type[0]})` : ''
      const excerpt = document.createElement('p')
      excerpt.textContent = new DOMParser().parseFromString(result.excerpt, 'text/html').body.textContent ?? ''
      item.append(link, kind, excerpt)
      list.append(item)
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void run()
  })
  input.addEventListener('input', () => void run())
  const initial = new URLSearchParams(location.search).get('q')
  if (initial) {
    input.value = initial
    void run()
  }
}
