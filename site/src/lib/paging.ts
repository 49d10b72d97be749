/**
 * Long lists and tables in pages of a fixed number of rows, so every page
 * stays small whatever the size of the data: page 1 at the list's own address
 * (`/datasets/terms/`), page n at `<address>pages/<n>/`, two path segments
 * below it, so it never meets a record's page (`/terms/<id>/`).
 */

/** Rows on one page of a table or list. */
export const pageSize = 50

export interface Paged<T> {
  /** 1-based. */
  number: number
  count: number
  items: T[]
  /** Position of the page's first item in the whole list, from 0. */
  start: number
  total: number
}

/** The address of page `number` of the list at `base` (a path ending in `/`). */
export function pageUrl(base: string, number: number): string {
  return number === 1 ? base : `${base}pages/${number}/`
}

/** How many pages `total` items take, `size` a page (at least one, so an empty list still has its page). */
export function pageCount(total: number, size = pageSize): number {
  return Math.max(1, Math.ceil(total / size))
}

/** Page `number` of `items`, `size` a page. */
export function pageOfList<T>(items: readonly T[], number: number, size = pageSize): Paged<T> {
  const start = (number - 1) * size
  return {number, count: pageCount(items.length, size), items: items.slice(start, start + size), start, total: items.length}
}

/** The page (1-based) that holds the item at `index` (from 0). */
export function pageHolding(index: number): number {
  return Math.floor(index / pageSize) + 1
}

/** getStaticPaths for pages 2 to n of a list (page 1 is the list's own page), `size` a page, with extra params. */
export function laterPages<P extends Record<string, string>>(total: number, params: P, size = pageSize): Array<{params: P & {page: string}}> {
  return Array.from({length: pageCount(total, size) - 1}, (_, index) => ({params: {...params, page: String(index + 2)}}))
}
