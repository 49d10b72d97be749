import {readdir, readFile} from 'node:fs/promises'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
const root = process.argv[2]!
const folder = root + '/sources/documents'
const names = (await readdir(folder)).sort()
const t0 = performance.now()
const texts = await Promise.all(names.map((n) => readFile(folder + '/' + n, 'utf8')))
const p = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])
const t1 = performance.now()
for (const t of texts) p.parse(t)
const t2 = performance.now()
const q = unified().use(remarkParse)
for (const t of texts) q.parse(t)
const t3 = performance.now()
console.log('read', (t1 - t0).toFixed(0), 'parse+fm', (t2 - t1).toFixed(0), 'parse', (t3 - t2).toFixed(0))
