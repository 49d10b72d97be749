/** Files as `snapshot` gives them (base64 by name), as each one's SHA-256 by name: small enough to pass between processes. */
import {createHash} from 'node:crypto'

export function digests(files: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries([...files].map(([name, base64]) => [name, createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex')]))
}
