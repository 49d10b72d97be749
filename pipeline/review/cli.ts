/** `npm run review`: per document, every figure, date and acronym no dataset uses yet. */
import {reporter} from 'vfile-reporter'
import {build} from '../build.ts'
import {review} from './index.ts'

const result = await build({out: null, keep: true})
if (!result.ok) {
  console.error(reporter(result.files, {quiet: true}))
  process.exitCode = 1
} else {
  const findings = review(result.documents, result.datasets)
  let current = ''
  for (const finding of findings) {
    if (finding.document !== current) console.log(`\nsources/documents/${(current = finding.document)}.md`)
    console.log(`  ${`${finding.line}:${finding.column}`.padEnd(8)} ${finding.kind.padEnd(8)} ${finding.text}`)
  }
  const count = (kind: string) => findings.filter((finding) => finding.kind === kind).length
  console.log(`\n${findings.length} not yet in any dataset: ${count('figure')} figures, ${count('date')} dates, ${count('acronym')} acronyms, ${count('term')} terms`)
}
