import {build} from '/work/main/pipeline/build.ts'
const root = process.argv[2]!
await build({root, out: null}) // warm
const t = performance.now()
const r = await build({root, out: null})
console.log(r.ok, ((performance.now() - t) / 1000).toFixed(2), 's')
