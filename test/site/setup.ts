/** Vitest global setup for the site project: build the site once for every site test. */
import {buildSite} from '../helpers/site.ts'

export default async function setup(): Promise<void> {
  await buildSite()
}
