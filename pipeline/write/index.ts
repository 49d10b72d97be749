/**
 * Write: every output file into a temporary folder beside the target, then swap
 * it in with renames, so a failed run never leaves a half-written `dist-data/`.
 * Files may come one at a time (an async iterable), so none need wait in memory,
 * and a file may be an existing one, unchanged, which is linked rather than copied.
 */
import {closeSync, openSync, writeFileSync} from 'node:fs'
import {copyFile, link, mkdir, rename, rm} from 'node:fs/promises'
import path from 'node:path'

/** A file's content: whole, piece by piece, or an existing file's. */
type Content = string | Uint8Array | Iterable<string | Uint8Array> | {existing: string}

/** Replace the folder `target` with exactly `files` (relative path → content: a Map, or pairs as they are made). */
export async function writeFolder(target: string, files: Iterable<readonly [string, Content]> | AsyncIterable<readonly [string, Content]>): Promise<void> {
  const parent = path.dirname(target)
  const staging = path.join(parent, `.tmp-${path.basename(target)}-${process.pid}`)
  const retired = path.join(parent, `.old-${path.basename(target)}-${process.pid}`)
  await rm(staging, {recursive: true, force: true})
  try {
    for await (const [name, content] of files) {
      const destination = path.join(staging, name)
      await mkdir(path.dirname(destination), {recursive: true})
      if (typeof content === 'object' && 'existing' in content) {
        // A hard link costs no copy; where links are not allowed, a copy.
        await link(content.existing, destination).catch(async () => copyFile(content.existing, destination))
      } else {
        // Written synchronously, piece by piece: the pieces are made on this thread anyway, and an
        // asynchronous write per piece costs more in waiting than it saves.
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
    await rm(staging, {recursive: true, force: true})
    throw error
  }
  await mkdir(parent, {recursive: true})
  await rename(target, retired).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
  })
  try {
    await rename(staging, target)
  } catch (error) {
    // Put the previous release back rather than leave no folder at all.
    await rename(retired, target).catch(() => undefined)
    throw error
  }
  await rm(retired, {recursive: true, force: true})
}
