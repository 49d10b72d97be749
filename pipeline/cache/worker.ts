/**
 * A worker thread of ./pool.ts: asks for a document, runs it (./job.ts), sends
 * the outcome back, and asks again.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import {registerIndex} from '../extract/organisations/index.ts'
import {parseYaml} from '../parse/index.ts'
import type {WorkerCache} from './index.ts'
import {runJob, type Job} from './job.ts'

const {registerPath, registerText, cache} = workerData as {registerPath: string; registerText: string; cache: WorkerCache}
// The register as read/yaml-file.ts reads it: its text parsed as YAML from line 1.
const register = new VFile({path: registerPath, value: registerText})
parseYaml(register, registerText, 1)
const context = {index: registerIndex(register), cache}

parentPort!.on('message', (job: Job) => parentPort!.postMessage(runJob(job, context)))
parentPort!.postMessage('ready')
