/** The draft's files with their size and SHA-256, each marked against the latest release: the same, different, or not in it. Read once per build. */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {filesIn} from '../../../pipeline/release/frozen.ts'
import {draft, latest} from './shown.ts'

export interface DraftFile {
  file: string
  bytes: number
  sha256: string
  /** Against the latest release: 'same', 'differs', 'not in the release'; '' while there is none. */
  status: string
}

let files: DraftFile[] | undefined

export function draftFiles(): DraftFile[] {
  files ??= readDraft()
  return files
}

function readDraft(): DraftFile[] {
  if (!existsSync(draft.folder)) return []
  const released = new Map(latest?.files.map((file) => [file.file, file.sha256]) ?? [])
  return filesIn(draft.folder).map((file) => {
    const bytes = readFileSync(path.join(draft.folder, file))
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const status = !latest ? '' : !released.has(file) ? 'not in the release' : released.get(file) === sha256 ? 'same' : 'differs'
    return {file, bytes: bytes.length, sha256, status}
  })
}
