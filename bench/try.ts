import {realDocuments, writeCorpus} from '/work/main/bench/corpus.ts'
import {build} from '/work/main/pipeline/build.ts'
import {reporter} from 'vfile-reporter'
const real = await realDocuments()
const size = Number(process.argv[2] ?? 50)
const root = '/tmp/corpus-' + size
const bytes = await writeCorpus(root, size, real)
const t = performance.now()
const r = await build({root, out: null})
console.log(size, bytes, r.ok, ((performance.now() - t) / 1000).toFixed(2), 's')
if (!r.ok) console.log(reporter(r.files, {quiet: true}).slice(0, 3000))
else console.log(r.datasets.map((d) => d.name + ' ' + d.records.length).join(', '))
const stats = r.datasets.find((d) => d.name === 'statistics')!.records as any[]
console.log(stats.filter((s) => s.id.startsWith('our-ics-pcn') || s.label.startsWith('Primary care networks')).slice(0, 8).map((s) => `${s.id} ${s.value} ${s.figure} ${s.disagrees_with}`))
console.log(new Set(stats.map((s) => s.value)).size, 'distinct values of', stats.length)
