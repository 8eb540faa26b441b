import type { ChalkInstance } from 'chalk'
import type { Decision, StatementCheck } from '../policy'
import {
  describeGrantMiss,
  describeMiss,
  noteMessages,
  notCountedMessages,
  roleLabels,
  verdictLabels,
} from './messages'

/**
 * Renders a decision as indented text lines: the verdict, what decided it,
 * each statement and grant with its part or the reasons it did not apply, the
 * rules that shaped the outcome, and AWS's exception text for a deny.
 */
export function formatDecision(decision: Decision, paint: ChalkInstance): readonly string[] {
  const lines: string[] = []
  const headline = verdictLabels[decision.verdict]
  const colour = decision.verdict === 'Allow' ? paint.green : paint.red

  lines.push(`${colour.bold(headline)}: ${decision.principal} → ${decision.action} on ${decision.resource}`)
  if (decision.decidedBy.length > 0) lines.push(`  decided by: ${decision.decidedBy.join(', ')}`)

  for (const check of decision.statements) lines.push(...formatStatement(check, paint))

  for (const grant of decision.grants) {
    if (grant.applies) lines.push(`  ${paint.green('✓')} ${grant.ref}: allows`)
    else lines.push(paint.dim(`  · ${grant.ref}: ${grant.misses.map(describeGrantMiss).join('; ')}`))
  }

  for (const note of decision.notes) lines.push(`  ${paint.cyan('note')} ${noteMessages[note]}`)
  if (decision.message) lines.push(`  ${paint.yellow('AccessDeniedException')}: ${decision.message}`)

  return lines
}

function formatStatement(check: StatementCheck, paint: ChalkInstance): readonly string[] {
  const name = `${check.ref} (${check.effect})`

  if (!check.applies) {
    const reasons = check.misses.map(describeMiss)

    return [paint.dim(`  · ${name}: ${reasons.join('; ')}`)]
  }

  if (check.notCountedBecause) {
    return [paint.yellow(`  ~ ${name}: ${notCountedMessages[check.notCountedBecause]}`)]
  }

  const mark = check.role === 'denies' ? paint.red('✗') : paint.green('✓')

  return [`  ${mark} ${name}: ${roleLabels[check.role]}`]
}
