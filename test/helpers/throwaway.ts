/**
 * A throwaway copy of the project with its dist-data/ (draft and releases),
 * changed by the test, and the site built from it with `astro build`: to see
 * how the site shows data the project does not have (yet).
 */
import {execFile} from 'node:child_process'
import {cp, mkdtemp, rm, symlink} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {projectRoot} from './project.ts'

const run = promisify(execFile)

/** Copy the project to a temp folder, let `prepare` change it, build the site: its root and dist/. */
export async function throwawaySite(prepare: (root: string) => Promise<void> | void): Promise<{root: string; site: string}> {
  const root = await mkdtemp(path.join(tmpdir(), 'icb-site-copy-'))
  for (const entry of ['pipeline', 'site', 'sources', 'schema', 'dist-data', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    await cp(path.join(projectRoot, entry), path.join(root, entry), {recursive: true})
  }
  await symlink(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'))
  await prepare(root)
  await run(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {cwd: root, env: {...process.env, ASTRO_TELEMETRY_DISABLED: '1'}})
  return {root, site: path.join(root, 'dist')}
}

export const removeThrowaway = (root: string | undefined) => (root ? rm(root, {recursive: true, force: true}) : undefined)
