/**
 * What the last build read: each clean document's identity on disk (device,
 * inode, size, modification and change times; see ../read/index.ts) and the
 * SHA-256 of its bytes, in `.cache/pipeline/read.json`. A document whose
 * identity is unchanged need not be read and hashed again to find its cache
 * entry (see ./index.ts), as git's index spares it rehashing a working tree.
 *
 * Never trusted blindly: the record carries a CRC-32 and the pipeline version
 * (a new version may check documents differently when it reads them), a
 * document with any message is not recorded, and neither is one changed less
 * than two seconds before the build began to read, since a second change
 * within the same tick of the clock could leave its identity as it was ("racy
 * git"). That time is the file system's own, taken from a file written then,
 * so a file system with its own clock (NFS) is judged by that clock.
 */
import {mkdirSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {readFramed, writeFramed} from './index.ts'

/** Where the record lives under the project root. */
export const readRecordPath = '.cache/pipeline/read.json'

/** A file written as a build begins to read, whose modification time is then the file system's time. */
const clockPath = '.cache/pipeline/read.clock'

const format = 1
/** How long before it was read a document must have last changed to be recorded, in nanoseconds. */
const settled = 2_000_000_000n

interface Recorded {
  identity: string
  sha256: string
}

export interface ReadRecord {
  /** The SHA-256 of document `relative` as last read, if its identity is `identity` as it was then. */
  known(relative: string, identity: string): string | undefined
  /** Record the documents of a build that read them all cleanly, after opening this record. */
  save(documents: readonly VFile[]): void
}

/**
 * Open the record under `root` for a build by pipeline `version`, just before it reads the documents.
 * Where no file can be written there, nothing is known and nothing recorded.
 */
export function openReadRecord(root: string, version: string): ReadRecord {
  const file = path.join(root, readRecordPath)
  const readAt = clock(path.join(root, clockPath))
  const documents = readAt === undefined ? new Map<string, Recorded>() : load(file, version)
  return {
    known: (relative, identity) => {
      const recorded = documents.get(relative)
      return recorded?.identity === identity ? recorded.sha256 : undefined
    },
    save(read) {
      if (readAt === undefined) return
      const entries: Array<[string, Recorded]> = []
      for (const document of read) {
        const {identity, sha256} = document.data
        if (document.messages.length > 0 || !identity || !sha256 || changedAt(identity) > readAt - settled) continue
        entries.push([document.path, {identity, sha256}])
      }
      writeFramed(file, JSON.stringify({format, version, documents: Object.fromEntries(entries)}))
    }
  }
}

/** The file system's time now, in nanoseconds: the modification time of `file`, written now. */
function clock(file: string): bigint | undefined {
  try {
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, '')
    return statSync(file, {bigint: true}).mtimeNs
  } catch {
    return undefined
  }
}

/** The later of the modification and change times in an identity (see ../read/index.ts identityOf). */
function changedAt(identity: string): bigint {
  const [, , , modified = '0', changed = '0'] = identity.split(':')
  return BigInt(modified) > BigInt(changed) ? BigInt(modified) : BigInt(changed)
}

function load(file: string, version: string): Map<string, Recorded> {
  try {
    const body = readFramed(file)
    const record = body && (JSON.parse(body) as {format?: unknown; version?: unknown; documents?: Record<string, Partial<Recorded>>})
    if (!record || record.format !== format || record.version !== version || !record.documents || typeof record.documents !== 'object') return new Map()
    const entries = Object.entries(record.documents).filter((entry): entry is [string, Recorded] => typeof entry[1]?.identity === 'string' && typeof entry[1].sha256 === 'string')
    return new Map(entries)
  } catch {
    return new Map()
  }
}
