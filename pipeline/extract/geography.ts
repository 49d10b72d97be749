/**
 * Geography: the register of areas (sources/reference/areas.yml) and the
 * area a figure or event applies to — an editor's judgement if given, else
 * an area its sentence names (the document's own area or one it lies in),
 * else the document's own area. Each comes with its GSS code, so figures
 * join to ONS data.
 */
import type {VFile} from 'vfile'
import type {QuoteMatch} from '../locate/index.ts'
import {findFigures} from '../figures/index.ts'
import {report} from '../messages.ts'
import {frontmatterPlace} from '../parse/index.ts'
import {judgements, reportJudgement, type Path} from './evidence.ts'

export interface Area {
  id: string
  name: string
  aliases: string[]
  type: string
  parent: string | null
  gss_code: string | null
  ods_code: string | null
  evidence: string | null
  note: string | null
}

export interface AreaRegister {
  /** sources/reference/areas.yml, for messages about its entries. */
  file: VFile
  /** Areas by id, and by every name they go by. */
  byId: ReadonlyMap<string, Area>
  byName: ReadonlyMap<string, Area>
  /** Each area's names as patterns, made once: as the document's own area, and as a wider one (see `names`). */
  patterns: ReadonlyMap<Area, {own: RegExp, wider: RegExp}>
}

/** The columns a statistic or event carries for its area. */
export interface GeographyFields {
  geography: string | null
  geography_code: string | null
}

/** Index the register; a parent that is no area, or a name two areas share, is a message on it. */
export function areaRegister(file: VFile): AreaRegister {
  const byId = new Map<string, Area>()
  const byName = new Map<string, Area>()
  const entries = judgements<Area>(file, 'areas')
  for (const {value: area, path} of entries) {
    for (const [index, name] of [area.name, ...(area.aliases ?? [])].entries()) {
      const other = byName.get(name)
      if (other && other !== area) report(file, 'duplicate-id', `Unexpected name \`${name}\` that areas \`${other.id}\` and \`${area.id}\` share, expected one area per name`, {place: frontmatterPlace(file, index === 0 ? [...path, 'name'] : [...path, 'aliases', index - 1])})
      else byName.set(name, area)
    }
    if (byId.has(area.id)) report(file, 'duplicate-id', `Unexpected second area \`${area.id}\`, expected each id once`, {place: frontmatterPlace(file, [...path, 'id'])})
    byId.set(area.id, area)
  }
  for (const {value: area, path} of entries) {
    if (area.parent !== null && !byId.has(area.parent)) report(file, 'unresolved-reference', `Unexpected parent \`${area.parent}\` of \`${area.id}\` that is no area's id, expected the id of the area it lies in`, {place: frontmatterPlace(file, [...path, 'parent'])})
  }
  return {file, byId, byName, patterns: new Map([...byId.values()].map((area) => [area, {own: namePattern(area, true), wider: namePattern(area, false)}]))}
}

/** The document's own area, or null when its frontmatter gives none; an unknown name is reported at its `geography`. */
export function documentArea(file: VFile, areas: AreaRegister): Area | null {
  const name = file.data.matter?.['geography']
  if (typeof name !== 'string') return null
  const area = areas.byName.get(name)
  if (!area) report(file, 'unknown-area', unknownArea(name), {place: frontmatterPlace(file, ['geography']), actual: name})
  return area ?? null
}

/**
 * The area of a record whose words stand at `focus` (a figure, or an event's
 * quote): the judged one (`geography` of the judgement at `path`); else the
 * first of the document's area and the areas it lies in (the most local
 * first) that the focus's own clause names; else one its sentence names;
 * else the document's area. A figure in a sentence of several figures that
 * names another area only outside the figure's clause ("One in five … aged
 * 65 or over, against 18.6% across England") could be for either: that is an
 * error asking for `geography`, not a guess. Undefined when reported.
 */
export function geographyOf(file: VFile, focus: QuoteMatch, judged: string | undefined, path: Path, areas: AreaRegister, options: {figure?: boolean} = {}): GeographyFields | undefined {
  if (judged !== undefined) {
    const area = areas.byName.get(judged)
    if (!area) reportJudgement(file, 'unknown-area', unknownArea(judged), [...path, 'geography'], {actual: judged})
    return area && fieldsOf(area)
  }
  const own = areas.byName.get(String(file.data.matter?.['geography']))
  const line = lineage(own, areas)
  const namedIn = (text: string) => line.find((area, index) => areas.patterns.get(area)![index === 0 ? 'own' : 'wider'].test(text))
  const {text} = focus.block
  const sentence = around(text, focus.start, focus.end, /[.?!](?=\s|$)/gu)
  const clause = namedIn(around(text, focus.start, focus.end, clauseEnd))
  const named = clause ?? namedIn(sentence)
  if (!clause && named && named !== own && options.figure && findFigures(sentence).length > 1) {
    reportJudgement(file, 'geography-ambiguous', `Unexpected area \`${named.name}\` named outside this figure's clause in a sentence of several figures, expected \`geography\` saying which area the figure is for (e.g. \`geography: ${own?.name ?? named.name}\`)`, [...path, 'quote'])
    return undefined
  }
  const area = named ?? own
  return area ? fieldsOf(area) : {geography: null, geography_code: null}
}

/** Whether two areas (by name) are one, or one lies in the other; an unknown area may be any. */
export function nested(areas: AreaRegister, a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return true
  const areaA = areas.byName.get(a)
  const areaB = areas.byName.get(b)
  return lineage(areaA, areas).includes(areaB!) || lineage(areaB, areas).includes(areaA!)
}

function fieldsOf(area: Area): GeographyFields {
  return {geography: area.name, geography_code: area.gss_code}
}

/** `area` and the areas it lies in, the most local first. */
function lineage(area: Area | undefined, areas: AreaRegister): Area[] {
  const line: Area[] = []
  for (let current = area; current && !line.includes(current); current = current.parent === null ? undefined : areas.byId.get(current.parent)) line.push(current)
  return line
}

/**
 * What finds `area` named in a text, by its name or an alias. "NHS England" is
 * an organisation, not the place; a wider area's name that runs on into a
 * longer proper name ("South East Coast Ambulance Service") is not the area either.
 */
function namePattern(area: Area, own: boolean): RegExp {
  const names = [area.name, ...(area.aliases ?? [])].map(escape).join('|')
  return new RegExp(`(?<![\\p{L}\\p{N}])(?<!NHS )(?:${names})(?![\\p{L}\\p{N}])${own ? '' : '(?! \\p{Lu})'}`, 'u')
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
}

function unknownArea(name: string): string {
  return `Unexpected area \`${name}\` that is not in sources/reference/areas.yml, expected the name of an area there (e.g. \`Kent and Medway\`, \`South East\`, \`England\`)`
}

/** What ends a clause: punctuation, and the words that set one figure against another. */
const clauseEnd = /[,;:()–—]|\s(?:against|compared (?:with|to)|whereas|while|but|versus)\s/gu

/** The stretch of `text` around `[start, end)` between the nearest `boundary` before it and the nearest after it. */
export function around(text: string, start: number, end: number, boundary: RegExp): string {
  let from = 0
  let to = text.length
  for (const match of text.matchAll(boundary)) {
    if (match.index + match[0].length <= start) from = match.index + match[0].length
    else if (match.index >= end) {
      to = match.index
      break
    }
  }
  return text.slice(from, to)
}
