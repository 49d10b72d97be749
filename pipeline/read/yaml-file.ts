/**
 * Read a YAML file (a document's judgements, the organisation register, the
 * publication's metadata) into a VFile, so its problems are reported with
 * line and column like a document's.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {report} from '../messages.ts'
import {parseYaml} from '../parse/index.ts'
import {toVFile} from './index.ts'

/** Read and parse `relativePath` (with `parse: false`, only read it); with `empty`, a file with nothing in it (or only comments) is an empty mapping. */
export function readYamlFile(relativePath: string, root = process.cwd(), options: {empty?: boolean; parse?: boolean} = {}): VFile {
  let bytes: Buffer
  try {
    bytes = readFileSync(path.join(root, relativePath))
  } catch (error) {
    const file = new VFile({path: relativePath, value: ''})
    report(file, 'file-type', `Unexpected file \`${relativePath}\` that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}), expected a readable file`, {place: {line: 1, column: 1}})
    return file
  }
  const file = toVFile(relativePath, bytes)
  if (options.parse !== false && !file.messages.some((message) => message.fatal === true)) parseYaml(file, String(file.value), 1, options)
  return file
}
