/** Review's findings as text, per document with line:column, or as JSON, one array of every finding. */
import {kinds, type Finding} from './index.ts'

/** The text report: a heading per document, a line per finding, then the counts by kind. */
export function formatText(findings: readonly Finding[]): string {
  const lines: string[] = []
  let current = ''
  for (const finding of findings) {
    if (finding.document !== current) lines.push('', `sources/documents/${(current = finding.document)}.md`)
    const read = reading(finding)
    lines.push(`  ${`${finding.line}:${finding.column}`.padEnd(8)} ${finding.kind.padEnd(12)} ${finding.text}${read ? `  → ${read}` : ''}`)
    if (finding.question) lines.push(`  ${''.padEnd(8)} ${''.padEnd(12)} ? ${finding.question}`)
  }
  const counts = kinds.map((kind) => `${findings.filter((finding) => finding.kind === kind).length} ${kind}s`)
  lines.push('', `${findings.length} not yet in any dataset: ${counts.join(', ')}`)
  return lines.join('\n')
}

/** Every finding as JSON: document, line, column, kind, text, and what was read. */
export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify(findings, null, 2)
}

/** What was read, in a few words: the value and unit, the date, the period, the expansion. */
function reading(finding: Finding): string {
  switch (finding.kind) {
    case 'figure': {
      const value = finding.value ?? `${finding.low}–${finding.high}`
      return [value, finding.unit, finding.qualifier && `(${finding.qualifier})`].filter(Boolean).join(' ')
    }
    case 'date':
      return finding.date
    case 'period':
      return `${finding.from}/${finding.to}`
    case 'acronym':
      return finding.expansion ?? 'not expanded in this document'
    default:
      return ''
  }
}
