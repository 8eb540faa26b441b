import type { ChalkInstance } from 'chalk'
import type { KmsEvent } from '../keystore'
import { describeAction } from '../content/describe-step'
import type { ScenarioRun, StepResult } from '../content/run-scenario'
import { shortPrincipal } from '../present/names'
import { verdictLabels } from '../present/messages'

/**
 * The transcript `kms-sandbox replay` prints: each step's actor, action,
 * narration, the KMS calls it made with their outcome and what decided them,
 * and whether the scenario's expectation held. Deterministic: IDs are seeded
 * and no random bytes are shown.
 */
export function formatTranscript(run: ScenarioRun, paint: ChalkInstance): string {
  const { scenario } = run
  const lines = [paint.bold(`${scenario.title}`) + paint.dim(`  (${scenario.id})`), scenario.summary.trim(), '']

  const home = scenario.setup.accounts[0]?.id
  for (const result of run.results) lines.push(...formatStep(result, { total: run.results.length, home, paint }), '')

  const unmet = run.results.filter((result) => result.unmet.length > 0).length
  lines.push(
    unmet === 0
      ? paint.green(run.results.length === 1 ? 'The step behaved as the scenario expects.' : `All ${run.results.length} steps behaved as the scenario expects.`)
      : paint.red(`${unmet} of ${run.results.length} steps did not behave as the scenario expects.`),
  )

  return `${lines.join('\n')}\n`
}

type Style = { readonly total: number; readonly home: string | undefined; readonly paint: ChalkInstance }

function formatStep(result: StepResult, { total, home, paint }: Style): string[] {
  const { step } = result
  const lines = [paint.bold(`Step ${result.index + 1}/${total}  ${step.as} → ${describeAction(step)}`)]

  for (const line of (step.narration ?? '').trim().split('\n').filter(Boolean)) lines.push(`  ${line}`)

  const calls = result.events.filter((event): event is KmsEvent => event.kind === 'kms')
  const showCalls = calls.length > 1 || step.do.kind === 'service' || step.do.kind === 'sdk'
  if (showCalls) for (const call of calls) lines.push(`  ${formatCall(call, home, paint)}`)

  lines.push(`  ${formatOutcome(result, paint)}`)
  if (result.error && result.status !== 'allowed') lines.push(paint.dim(`    ${result.error.code}: ${result.error.message}`))

  for (const problem of result.unmet) lines.push(paint.red(`  ✗ ${problem}`))
  if (step.expect && result.unmet.length === 0) lines.push(paint.dim('  as expected'))

  return lines
}

function formatOutcome(result: StepResult, paint: ChalkInstance): string {
  const decision = result.decision
  const by = decision && decision.decidedBy.length > 0 ? ` by ${decision.decidedBy.join(', ')}` : ''

  if (result.status === 'denied') return paint.red(`✗ ${verdictLabels[decision?.verdict ?? 'ImplicitDeny']}${by}`)
  if (result.status === 'failed') {
    const authorized = decision ? `${verdictLabels[decision.verdict]}${by}, then ` : ''

    return paint.yellow(`! ${authorized}${result.error?.code ?? 'failed'}`)
  }

  if (result.status === 'done') return paint.green('✓ done')

  return paint.green(`✓ ${verdictLabels.Allow}${by}`)
}

function formatCall(call: KmsEvent, home: string | undefined, paint: ChalkInstance): string {
  const caller = shortPrincipal(call.caller, home)
  const who = call.via ? `${call.via} for ${caller}` : caller
  const outcome = call.outcome.ok ? paint.green('ok') : paint.red(call.outcome.code)
  const deciding = call.decisions.flatMap((decision) => decision.decidedBy)

  return `· ${who}: ${call.operation} → ${outcome}${deciding.length > 0 ? paint.dim(` (${deciding.join(', ')})`) : ''}`
}
