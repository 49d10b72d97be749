/**
 * One build at a time writes a release folder (pipeline/write/lock.ts): a
 * second waits, a lock left by a dead process is taken over, and two builds
 * started together both succeed and leave a release and cache record that the
 * next build can trust.
 */
import {spawnSync} from 'node:child_process'
import {readFile, writeFile} from 'node:fs/promises'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {realDocuments, writeCorpus} from '../../bench/corpus.ts'
import {build} from '../../pipeline/build.ts'
import {lockFolder} from '../../pipeline/write/lock.ts'
import {freshSnapshot, snapshot} from '../helpers/project.ts'
import {temporaryFolder} from '../helpers/folder.ts'

describe('lockFolder', () => {
  const root = temporaryFolder('icb-lock-')

  it('should hold the folder for one holder at a time, naming the holder to the one that waits too long', async () => {
    const target = path.join(root(), 'dist-data/draft')
    const unlock = await lockFolder(target)
    expect(await readFile(path.join(root(), 'dist-data/.draft.lock'), 'utf8')).toBe(String(process.pid))
    await expect(lockFolder(target, {wait: 200})).rejects.toThrow(`being written by another build (process ${process.pid})`)
    const waiting = lockFolder(target, {wait: 5000})
    unlock()
    const again = await waiting
    again()
    expect(existsSync(path.join(root(), 'dist-data/.draft.lock'))).toBe(false)
  })

  it('should take over a lock left by a process that has died', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid
    await writeFile(path.join(root(), 'dist-data/.draft.lock'), String(dead))
    const unlock = await lockFolder(path.join(root(), 'dist-data/draft'), {wait: 200})
    unlock()
  })

  it('should let two builds started together both finish, and leave what the next build can reuse', async () => {
    const project = path.join(root(), 'project')
    await writeCorpus(project, 8, await realDocuments())
    const [first, second] = await Promise.all([build({root: project, cache: true, retain: false}), build({root: project, cache: true, retain: false})])
    expect([first.ok, second.ok]).toEqual([true, true])
    const next = await build({root: project, cache: true, retain: false})
    expect(next.release).toEqual({reused: 24, rejected: 0, rows: 0})
    expect(await snapshot(path.join(project, 'dist-data/draft'))).toEqual(await freshSnapshot(project))
  })
})
