/**
 * Area names of the register sources/reference/areas.yml, to check
 * `--geography` before anything is written.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'

/** Every name (and alias) of the register's areas; empty when the register is missing or unreadable. */
export function areaNames(root: string): Set<string> {
  const file = path.join(root, 'sources/reference/areas.yml')
  if (!existsSync(file)) return new Set()
  let data: unknown
  try {
    data = parse(readFileSync(file, 'utf8'))
  } catch {
    return new Set()
  }
  const lists = Array.isArray(data) ? [data] : Object.values((data ?? {}) as Record<string, unknown>).filter(Array.isArray)
  const names = new Set<string>()
  for (const area of lists.flat() as Array<{name?: unknown; aliases?: unknown}>) {
    if (typeof area?.name === 'string') names.add(area.name)
    if (Array.isArray(area?.aliases)) for (const alias of area.aliases) if (typeof alias === 'string') names.add(alias)
  }
  return names
}
