/**
 * Write: every output file into a staging folder beside the target, then swap
 * it in with renames, so a failed run never leaves a half-written `dist-data/`.
 * Files may be written as they are made, one piece at a time, so none need
 * wait in memory.
 */
import {closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

/** A file's content: UTF-8 text, whole or piece by piece, or bytes, whole or piece by piece (a database, a workbook). */
export type Content = string | Iterable<string | Uint8Array> | Uint8Array

/** Content as one string, or one run of bytes when any piece is bytes: for a build kept in memory. */
export function joined(content: Content): string | Uint8Array {
  if (typeof content === 'string' || content instanceof Uint8Array) return content
  const pieces = [...content]
  return pieces.every((piece) => typeof piece === 'string') ? pieces.join('') : Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)))
}

export interface Staging {
  /** Write `name` (a path relative to the target) into the staging folder. */
  write(name: string, content: Content): void
  /** Replace the target with the staging folder. */
  commit(): void
  /** Remove the staging folder; the target stays as it was. */
  discard(): void
}

export interface StagingOptions {
  /** Replace a target that exists (default: true); false for a folder that is written once and never again, as a release is. */
  replace?: boolean
}

/** A staging folder for `target`, named after this process so two builds never share one. */
export function openStaging(target: string, options: StagingOptions = {}): Staging {
  const parent = path.dirname(target)
  const staging = path.join(parent, `.tmp-${path.basename(target)}-${process.pid}`)
  // A folder this build makes (dist-data/ in a fresh project) goes again with a build that fails.
  const made = mkdirSync(parent, {recursive: true})
  rmSync(staging, {recursive: true, force: true})
  mkdirSync(staging)
  return {
    write(name, content) {
      const destination = path.join(staging, name)
      mkdirSync(path.dirname(destination), {recursive: true})
      const descriptor = openSync(destination, 'w')
      try {
        for (const piece of typeof content === 'string' || content instanceof Uint8Array ? [content] : content) writeFileSync(descriptor, piece)
      } finally {
        closeSync(descriptor)
      }
    },
    commit() {
      if (options.replace === false && existsSync(target)) throw Object.assign(new Error(`${target} exists and is never replaced`), {code: 'EEXIST'})
      const retired = path.join(parent, `.old-${path.basename(target)}-${process.pid}`)
      try {
        renameSync(target, retired)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
      try {
        renameSync(staging, target)
      } catch (error) {
        // Put the previous release back rather than leave no folder at all.
        try {
          renameSync(retired, target)
        } catch {
          // Nothing to put back.
        }
        throw error
      }
      rmSync(retired, {recursive: true, force: true})
    },
    discard() {
      rmSync(staging, {recursive: true, force: true})
      if (made !== undefined && !existsSync(target)) rmSync(made, {recursive: true, force: true})
    }
  }
}

/** Replace the folder `target` with exactly `files` (relative path → content, as they are made); with `replace: false`, make it only if it does not exist. */
export function writeFolder(target: string, files: Iterable<readonly [string, Content]>, options: StagingOptions = {}): void {
  const staging = openStaging(target, options)
  try {
    for (const [name, content] of files) staging.write(name, content)
  } catch (error) {
    staging.discard()
    throw error
  }
  staging.commit()
}
