/** /data/draft/<file>: every file of dist-data/draft/ (schema/ and texts/ included), byte for byte, at a stable URL. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {APIRoute, GetStaticPaths} from 'astro'
import {draftFiles, draftFolder} from '../../../lib/data.ts'

export const getStaticPaths: GetStaticPaths = () => draftFiles().map((file) => ({params: {file}}))

const types: Record<string, string> = {'.csv': 'text/csv; charset=utf-8', '.json': 'application/json'}

export const GET: APIRoute = ({params}) => {
  const file = String(params['file'])
  return new Response(readFileSync(path.join(draftFolder, file)), {headers: {'content-type': types[path.extname(file)] ?? 'application/octet-stream'}})
}
