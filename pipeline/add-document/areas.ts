/**
 * The areas of the register sources/reference/areas.yml, read as plain data:
 * to check `--geography` before anything is written, and to know the areas of
 * the integrated care boards.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'

export interface Area {
  name: string
  type?: string
  aliases?: string[]
}

/** Every area of the register; none when it is missing or unreadable (the build reports that). */
export function areasOf(root: string): Area[] {
  const file = path.join(root, 'sources/reference/areas.yml')
  if (!existsSync(file)) return []
  let data: unknown
  try {
    data = parse(readFileSync(file, 'utf8'))
  } catch {
    return []
  }
  const lists = Array.isArray(data) ? [data] : Object.values((data ?? {}) as Record<string, unknown>).filter(Array.isArray)
  return (lists.flat() as Array<Partial<Area> | null>).flatMap((area) => (typeof area?.name === 'string' ? [{...area, name: area.name}] : []))
}

/** Every name (and alias) of the register's areas. */
export function areaNames(root: string): Set<string> {
  return new Set(areasOf(root).flatMap((area) => [area.name, ...(Array.isArray(area.aliases) ? area.aliases.filter((alias) => typeof alias === 'string') : [])]))
}
