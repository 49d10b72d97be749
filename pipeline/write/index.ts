/**
 * Write: every output file into a temporary folder beside the target, then swap
 * it in with renames, so a failed run never leaves a half-written `dist-data/`.
 * Files may come one at a time, as they are made, so none need wait in memory,
 * and a file may be an existing one, unchanged, which is linked rather than copied.
 */
import {closeSync, copyFileSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

/** A file's content: whole, piece by piece, or an existing file's. */
type Content = string | Uint8Array | Iterable<string | Uint8Array> | {existing: string}

/** Replace the folder `target` with exactly `files` (relative path → content: a Map, or pairs as they are made). */
export async function writeFolder(target: string, files: Iterable<readonly [string, Content]> | AsyncIterable<readonly [string, Content]>): Promise<void> {
  const parent = path.dirname(target)
  const staging = path.join(parent, `.tmp-${path.basename(target)}-${process.pid}`)
  const retired = path.join(parent, `.old-${path.basename(target)}-${process.pid}`)
  // Synchronous calls: the files are made on this thread anyway, and waiting on the thread pool for each
  // of a release's few dozen files and folders cost more than it saved.
  rmSync(staging, {recursive: true, force: true})
  try {
    for await (const [name, content] of files) {
      const destination = path.join(staging, name)
      mkdirSync(path.dirname(destination), {recursive: true})
      if (typeof content === 'object' && 'existing' in content) {
        // A hard link costs no copy; where links are not allowed, a copy.
        try {
          linkSync(content.existing, destination)
        } catch {
          copyFileSync(content.existing, destination)
        }
      } else {
        const descriptor = openSync(destination, 'w')
        try {
          // writeFileSync on a descriptor writes all of a piece at the current position.
          for (const piece of typeof content === 'string' || content instanceof Uint8Array ? [content] : content) writeFileSync(descriptor, piece)
        } finally {
          closeSync(descriptor)
        }
      }
    }
  } catch (error) {
    rmSync(staging, {recursive: true, force: true})
    throw error
  }
  mkdirSync(parent, {recursive: true})
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
}
