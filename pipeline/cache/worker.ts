/**
 * A worker thread of ./pool.ts: asks for a document, stages it (./job.ts),
 * sends the outcome back with the document's messages, and asks again.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import {registerIndex} from '../extract/organisations/index.ts'
import {parseYaml} from '../parse/index.ts'
import type {WorkerCache} from './index.ts'
import {send, stageDocument, type Job, type SentOutcome} from './job.ts'

const {registerPath, registerText, cache} = workerData as {registerPath: string; registerText: string; cache: WorkerCache}
// The register as read/yaml-file.ts reads it: its text parsed as YAML from line 1.
const register = new VFile({path: registerPath, value: registerText})
parseYaml(register, registerText, 1)
const context = {index: registerIndex(register), cache}

parentPort!.on('message', (job: Job) => {
  const file = new VFile({path: job.path, value: job.value})
  file.data.sha256 = job.sha256
  const outcome = stageDocument(file, context)
  parentPort!.postMessage({...outcome, index: job.index, messages: file.messages.map(send)} satisfies SentOutcome)
})
parentPort!.postMessage('ready')
