import type { KmsEvent } from '../keystore'
import { describeAction } from '../content/describe-step'
import type { ScenarioRun, StepResult } from '../content/run-scenario'
import { verdictLabels } from '../present/messages'

/** One JSON object per step, one per line: the transcript for scripts and CI. */
export function formatJsonLines(run: ScenarioRun): string {
  return run.results.map((result) => `${JSON.stringify(toJsonStep(run, result))}\n`).join('')
}

function toJsonStep(run: ScenarioRun, result: StepResult) {
  return {
    scenario: run.scenario.id,
    step: result.index + 1,
    id: result.step.id ?? null,
    actor: result.actor,
    action: describeAction(result.step),
    narration: result.step.narration?.trim() ?? null,
    status: result.status,
    verdict: result.decision?.verdict ?? null,
    decidedBy: result.decision?.decidedBy ?? [],
    error: result.error ?? null,
    calls: result.events
      .filter((event): event is KmsEvent => event.kind === 'kms')
      .map((call) => ({
        caller: call.caller,
        via: call.via ?? null,
        operation: call.operation,
        outcome: call.outcome.ok ? 'ok' : call.outcome.code,
        decidedBy: call.decisions.flatMap((decision) => decision.decidedBy),
      })),
    expectationMet: result.unmet.length === 0,
    unmet: result.unmet,
  }
}

/** A Markdown handout of the run, for an onboarding session. */
export function formatMarkdown(run: ScenarioRun): string {
  const { scenario } = run
  const lines = [`# ${scenario.title}`, '', scenario.summary.trim(), '', '| # | who | does | outcome |', '| --- | --- | --- | --- |']

  for (const result of run.results) {
    lines.push(`| ${result.index + 1} | \`${result.step.as}\` | ${describeAction(result.step)} | ${outcomeText(result)} |`)
  }

  for (const result of run.results) {
    lines.push('', `## Step ${result.index + 1}: \`${result.step.as}\` → ${describeAction(result.step)}`, '')
    if (result.step.narration) lines.push(result.step.narration.trim(), '')
    if (result.step.predict) lines.push(`**Before you look:** ${result.step.predict.question}`, '')

    lines.push(`**Outcome:** ${outcomeText(result)}`)
    if (result.decision && result.decision.decidedBy.length > 0) {
      lines.push('', `Decided by: ${result.decision.decidedBy.map((ref) => `\`${ref}\``).join(', ')}`)
    }

    if (result.error && result.status !== 'allowed') lines.push('', '```', `${result.error.code}: ${result.error.message}`, '```')
  }

  return `${lines.join('\n')}\n`
}

function outcomeText(result: StepResult): string {
  if (result.status === 'done') return 'done'
  if (result.status === 'denied') return verdictLabels[result.decision?.verdict ?? 'ImplicitDeny']
  if (result.status === 'failed') return result.error?.code ?? 'failed'

  return 'Allowed'
}
