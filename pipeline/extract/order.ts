/** Code-unit order: unlike localeCompare it is the same on every machine, so output is byte-stable. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function byId(a: {id: string}, b: {id: string}): number {
  return compareText(a.id, b.id)
}
