/**
 * What review and add-document know besides the documents: the organisation
 * register (a name found there is a record already) and the register of areas
 * (sources/reference/areas.yml), whose integrated care board areas let "NHS
 * Dorset" be found as the board it names.
 */
import {areaRegister, type AreaRegister} from '../extract/geography.ts'
import {registerIndex, type RegisterEntry} from '../extract/organisations/index.ts'
import {readYamlFile} from '../read/yaml-file.ts'

export interface ProjectKnowledge {
  organisations: Map<string, RegisterEntry>
  areas: AreaRegister
  /** Names of the integrated care board areas. */
  boardAreas: string[]
}

/** The knowledge of the project at `root`; a register that cannot be read is empty here (the build reports it). */
export function knowledgeOf(root: string): ProjectKnowledge {
  const organisations = registerIndex(readYamlFile('sources/reference/organisations.yml', root))
  const areas = areaRegister(readYamlFile('sources/reference/areas.yml', root))
  const boardAreas = [...areas.byId.values()].filter((area) => area.type === 'icb-area').map((area) => area.name)
  return {organisations, areas, boardAreas}
}
