/**
 * /data/<version>/<file>: every file of every release (schema/ and texts/
 * included), of the newest release again at /data/latest/, and of the draft
 * at /data/draft/, byte for byte. A release's URLs never change.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {APIRoute, GetStaticPaths} from 'astro'
import {contentTypeOf, folderOf, servedFiles} from '../../../lib/files.ts'

export const getStaticPaths: GetStaticPaths = () => servedFiles().map((params) => ({params}))

export const GET: APIRoute = ({params}) => {
  const file = String(params['file'])
  const folder = folderOf(String(params['version']))
  if (!folder) return new Response(null, {status: 404})
  return new Response(readFileSync(path.join(folder, file)), {headers: {'content-type': contentTypeOf(file)}})
}
