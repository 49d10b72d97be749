/**
 * Vitest global setup for the site project: build the data (`npm run data`,
 * so dist-data/draft/ is what the pipeline writes today, texts/ included),
 * then the site once, for every site test.
 */
import {main} from '../../pipeline/cli.ts'
import {projectRoot} from '../helpers/project.ts'
import {buildSite} from '../helpers/site.ts'

export default async function setup(): Promise<void> {
  const errors: string[] = []
  const {code} = await main({root: projectRoot, args: [], io: {out: () => {}, err: (line) => errors.push(line)}})
  if (code !== 0) throw new Error(`npm run data failed:\n${errors.join('\n')}`)
  await buildSite()
}
