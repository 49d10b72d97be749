/** `npm run typecheck` as a test, so CI keeps the types honest. */
import {execFile} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {projectRoot} from './helpers/project.ts'

describe('tsc --noEmit', () => {
  it('should find no type error', async () => {
    const result = await promisify(execFile)(process.execPath, [path.join(projectRoot, 'node_modules/typescript/bin/tsc'), '--noEmit'], {cwd: projectRoot}).catch((error: {stdout: string}) => error)
    expect(result.stdout).toBe('')
  }, 60_000)
})
