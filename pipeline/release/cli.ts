/**
 * `npm run release`: freeze the sources' data into a new version.
 *
 *   npm run release -- --dry-run          print the version it would cut, and why; write nothing
 *   npm run release -- --bump major       raise the computed bump (never lower it)
 *   npm run release -- --version 2.0.0    cut exactly this version (at least the computed one)
 *   npm run release -- --notes "…"        what the release is about (default: its reasons)
 *   npm run release -- --date 2026-12-02  its date (default: today, UTC)
 *
 * Exits 1 when it cannot release (nothing is written then), 2 on a bad option.
 */
import {reporter} from 'vfile-reporter'
import type {Io} from '../cli.ts'
import {cutRelease, type ReleaseOptions} from './index.ts'
import {releasesFolder} from './frozen.ts'
import {bumps, type Bump} from './version.ts'

const valued = ['--bump', '--version', '--date', '--notes'] as const

export async function main(args: readonly string[] = process.argv.slice(2), io: Io = {out: console.log, err: console.error}, root = process.cwd()): Promise<number> {
  const options: ReleaseOptions = {root}
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    const value = args[index + 1]
    if (arg === '--dry-run') options.dryRun = true
    else if ((valued as readonly string[]).includes(arg) && value !== undefined && !value.startsWith('--')) {
      index++
      if (arg === '--bump' && !(bumps as readonly string[]).includes(value)) return usage(io, `Unexpected \`--bump ${value}\`, expected one of ${bumps.join(', ')}`)
      if (arg === '--bump') options.bump = value as Bump
      if (arg === '--version') options.version = value
      if (arg === '--date') options.date = value
      if (arg === '--notes') options.notes = value
    } else return usage(io, `Unexpected argument \`${arg}\`${(valued as readonly string[]).includes(arg) ? ', expected a value after it' : ''}`)
  }

  const result = await cutRelease(options)
  const report = reporter(result.files, {quiet: true, verbose: true})
  if (report) io.err(report)
  if (!result.ok) {
    io.err(`\nNo release: nothing written; ${releasesFolder}/ is unchanged.`)
    return 1
  }
  const {decision, version, previous, bump} = result
  if (!version || !decision?.bump || !bump) {
    io.out(`No change since ${previous}: no release to cut.`)
    return 0
  }
  const level = bump === decision.bump ? bump : `${bump}, raised from ${decision.bump}`
  const why = previous ? `${level}: ${decision.reasons[decision.bump].join('; ')}` : 'the first release'
  io.out(`next version: ${version} (${why})`)
  if (previous) for (const level of ['major', 'minor', 'patch'] as const) if (level !== decision.bump) for (const reason of decision.reasons[level]) io.out(`  also ${level}: ${reason}`)
  if (!result.written) {
    io.out(`Dry run: nothing written (${result.outputs.size} files would be frozen in ${releasesFolder}/${version}/).`)
    return 0
  }
  io.out(`Released ${version} into ${releasesFolder}/${version}/: ${result.outputs.size} files, their SHA-256 in SHA256SUMS; CITATION.cff and .zenodo.json now describe it.`)
  return 0
}

function usage(io: Io, reason: string): number {
  io.err(`${reason}.\nUsage: npm run release -- [--dry-run] [--bump patch|minor|major] [--version X.Y.Z] [--date YYYY-MM-DD] [--notes "…"]`)
  return 2
}

if (import.meta.main) process.exitCode = await main()
