import { formatProblem, loadCheckCase, type CheckFileProblem } from '../check/load-check-case'
import { runCheckCase, type CheckResult } from '../check/run-check-case'
import { formatDecision } from '../present/format-decision'
import { exitCodes, paintFor, readText } from './io'

export type CheckOptions = { readonly explain?: boolean; readonly json?: boolean }

type FileOutcome =
  | { readonly file: string; readonly kind: 'result'; readonly result: CheckResult }
  | { readonly file: string; readonly kind: 'problems'; readonly problems: readonly CheckFileProblem[] }

/** `kms-sandbox check FILE...`: evaluates each policy check file and reports PASS or FAIL. */
export function runCheckCommand(files: readonly string[], options: CheckOptions): number {
  const outcomes = files.map(checkOneFile)

  if (options.json) process.stdout.write(`${JSON.stringify(outcomes.map(toJson), null, 2)}\n`)
  else printOutcomes(outcomes, options)

  if (outcomes.some((outcome) => outcome.kind === 'problems')) return exitCodes.badInput

  return outcomes.every((outcome) => outcome.kind === 'result' && outcome.result.passed)
    ? exitCodes.ok
    : exitCodes.mismatch
}

function checkOneFile(file: string): FileOutcome {
  const read = readText(file)
  if (!read.ok) return { file, kind: 'problems', problems: [{ file, message: read.message }] }

  const loaded = loadCheckCase(read.text, file)
  if (!loaded.ok) return { file, kind: 'problems', problems: loaded.problems }

  const run = runCheckCase(loaded.checkCase)
  if (!run.ok) {
    const problems = run.problems.map((problem) => ({ file, path: problem.path, message: problem.message }))

    return { file, kind: 'problems', problems }
  }

  return { file, kind: 'result', result: run.result }
}

function printOutcomes(outcomes: readonly FileOutcome[], options: CheckOptions): void {
  const paint = paintFor(process.stdout)
  const out = (line: string) => process.stdout.write(`${line}\n`)

  for (const outcome of outcomes) {
    if (outcome.kind === 'problems') {
      out(`${paint.red.bold('ERROR')} ${outcome.file}`)
      for (const problem of outcome.problems) out(`  ${formatProblem(problem)}`)
      continue
    }

    const { result } = outcome
    const label = result.passed ? paint.green.bold('PASS') : paint.red.bold('FAIL')
    const by = result.decision.decidedBy.length > 0 ? ` by ${result.decision.decidedBy.join(', ')}` : ''
    const error = result.error ? `, then ${result.error}` : ''
    out(`${label} ${outcome.file}: ${result.decision.verdict}${by}${error}`)
    for (const mismatch of result.mismatches) out(`  ${paint.red(mismatch)}`)
    if (options.explain) {
      out(`  ${paint.bold(result.title)}`)
      for (const line of formatDecision(result.decision, paint)) out(`  ${line}`)
      if (result.errorMessage) out(`    ${paint.yellow(result.error ?? '')}: ${result.errorMessage}`)
    }
  }

  const passed = outcomes.filter((o) => o.kind === 'result' && o.result.passed).length
  const errors = outcomes.filter((o) => o.kind === 'problems').length
  const failed = outcomes.length - passed - errors
  out(`${passed} passed, ${failed} failed${errors > 0 ? `, ${errors} unreadable` : ''}`)
}

function toJson(outcome: FileOutcome): unknown {
  if (outcome.kind === 'problems') return { file: outcome.file, status: 'error', problems: outcome.problems }

  const { result } = outcome

  return {
    file: outcome.file,
    status: result.passed ? 'pass' : 'fail',
    title: result.title,
    decision: result.decision.verdict,
    by: result.decision.decidedBy,
    error: result.error ?? null,
    expected: result.expected,
    mismatches: result.mismatches,
    explanation: result.decision,
  }
}
