/** `npm run add-document -- <file.txt|file.md> [options]`: see ./index.ts; sets the exit status, never prints a stack trace. */
import {addDocument} from './index.ts'

const {code, lines} = await addDocument(process.cwd(), process.argv.slice(2))
for (const line of lines) (code === 0 ? console.log : console.error)(line)
process.exitCode = code
