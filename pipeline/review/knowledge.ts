/**
 * What review and add-document know besides the documents: the organisation
 * register (a name found there is a record already) and the areas of the
 * integrated care boards (sources/reference/areas.yml), so "NHS Dorset" is found
 * as the board it names.
 */
import {registerIndex, type RegisterEntry} from '../extract/organisations/index.ts'
import {readYamlFile} from '../read/yaml-file.ts'
import {areasOf} from '../add-document/areas.ts'

/** The knowledge of the project at `root`. */
export function knowledgeOf(root: string): {organisations: Map<string, RegisterEntry>; boardAreas: string[]} {
  const organisations = registerIndex(readYamlFile('sources/reference/organisations.yml', root))
  const boardAreas = areasOf(root)
    .filter((area) => /\b(?:icb|integrated care board)\b/iu.test(area.type ?? ''))
    .map((area) => area.name)
  return {organisations, boardAreas}
}
