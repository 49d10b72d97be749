/**
 * A temporary folder for the tests of one describe block (or file): made
 * before they run, removed after.
 */
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll} from 'vitest'

/** Register the folder's making and removal; call the result, inside a test or a later hook, for its path. */
export function temporaryFolder(prefix: string): () => string {
  let folder = ''
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), prefix))
  })
  afterAll(async () => rm(folder, {recursive: true, force: true}))
  return () => folder
}
