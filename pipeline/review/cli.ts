/**
 * `npm run review [-- --json]`: per document, every figure, date, period,
 * acronym, term and organisation no dataset uses yet; `--json` prints them
 * all as one JSON array.
 */
import {reporter} from 'vfile-reporter'
import {build} from '../build.ts'
import {formatJson, formatText} from './format.ts'
import {review} from './index.ts'
import {knowledgeOf} from './knowledge.ts'

const json = process.argv.includes('--json')
const unknown = process.argv.slice(2).filter((argument) => argument !== '--json')
if (unknown.length > 0) {
  console.error(`Unexpected argument \`${unknown[0]}\`, expected none or \`--json\`: npm run review -- --json`)
  process.exit(1)
}
const result = await build({out: null, keep: true})
if (!result.ok) {
  console.error(reporter(result.files, {quiet: true}))
  process.exitCode = 1
} else {
  const findings = review(result.documents, result.datasets, knowledgeOf(process.cwd()))
  console.log(json ? formatJson(findings) : formatText(findings))
}
