/**
 * Read a YAML reference file (the organisation register, the publication's
 * metadata) into a VFile, so its problems are reported with line and column
 * like a document's.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import {parseYaml} from '../parse/index.ts'
import {toVFile} from './index.ts'

export async function readYamlFile(relativePath: string, root = process.cwd()): Promise<VFile> {
  const file = toVFile(relativePath, await readFile(path.join(root, relativePath)))
  if (!file.messages.some((message) => message.fatal === true)) parseYaml(file, String(file.value), 1)
  return file
}
