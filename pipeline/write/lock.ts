/**
 * One build at a time writes a release folder. Two at once could each record
 * (in the cache) files the other wrote, so the lock is held from reading the
 * last release until the new one and its record are written: a file beside
 * the folder, made only if absent, holding the owner's process id. A lock left
 * by a process that has died is taken over.
 */
import {closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

export interface LockOptions {
  /** How long to wait for another build to finish, in milliseconds (default: 10 minutes). */
  wait?: number
}

/** Lock `target` (a folder path) for this process; resolves to the function that lets it go. */
export async function lockFolder(target: string, options: LockOptions = {}): Promise<() => void> {
  const file = path.join(path.dirname(target), `.${path.basename(target)}.lock`)
  const until = Date.now() + (options.wait ?? 600_000)
  mkdirSync(path.dirname(file), {recursive: true})
  for (;;) {
    try {
      const descriptor = openSync(file, 'wx')
      writeFileSync(descriptor, String(process.pid))
      closeSync(descriptor)
      return () => rmSync(file, {force: true})
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = ownerOf(file)
    if (owner !== undefined && !alive(owner)) {
      rmSync(file, {force: true})
      continue
    }
    if (Date.now() > until) throw new Error(`${target} is being written by another build (process ${owner ?? 'unknown'}); run again once it has finished, or remove ${file} if no build is running`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8'))
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
