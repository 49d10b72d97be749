/**
 * Parse and extract documents on worker threads (./worker.ts), so a large build
 * uses every core; each worker takes the next document whenever it is free.
 * Each document is done alone (./job.ts), so the outcome does not depend on
 * which thread took it or when; the caller applies the outcomes in document order.
 */
import {Worker} from 'node:worker_threads'
import type {VFile} from 'vfile'
import type {WorkerCache} from './index.ts'
import type {Job, Outcome} from './job.ts'

/** Run `files` on `threads` workers; resolves to one outcome per file, in the order of `files`. */
export async function processInWorkers(files: readonly VFile[], register: VFile, cache: WorkerCache, threads: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(files.length)
  if (files.length === 0) return outcomes
  const jobOf = (index: number): Job => ({index, path: files[index]!.path, value: String(files[index]!.value), sha256: files[index]!.data.sha256 ?? ''})
  let next = 0
  let done = 0
  const workerData = {registerPath: register.path, registerText: String(register.value), cache}
  const workers: Worker[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      for (let count = 0; count < Math.min(threads, files.length); count++) {
        const worker = new Worker(new URL('./worker.ts', import.meta.url), {workerData})
        workers.push(worker)
        worker.on('message', (message: Outcome | 'ready') => {
          if (message !== 'ready') {
            outcomes[message.index] = message
            if (++done === files.length) resolve()
          }
          if (next < files.length) worker.postMessage(jobOf(next++))
        })
        worker.on('error', reject)
        worker.on('exit', (code) => {
          if (code !== 0 && done < files.length) reject(new Error(`Worker stopped with exit code ${code}`))
        })
      }
    })
  } finally {
    await Promise.all(workers.map(async (worker) => worker.terminate()))
  }
  return outcomes
}
