/**
 * Preloaded into a process the bench times as a whole (`node --import
 * bench/usage.ts pipeline/cli.ts`): when it exits, it writes its processor
 * time and peak resident memory (`process.resourceUsage()`) as JSON to the
 * file named by BENCH_USAGE. Nothing else about the process changes.
 */
import {writeFileSync} from 'node:fs'

const file = process.env['BENCH_USAGE']
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(file, JSON.stringify({cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000), maxRssMb: Math.round(usage.maxRSS / 1024)}))
  })
}
