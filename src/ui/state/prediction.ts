import type { StepResult } from '../../content/step-result'
import type { Answer, Scored } from './app-state'

/** A key policy statement the learner can name as the decider; `ref: null` is "none of them". */
export type StatementOption = {
  readonly ref: string | null
  readonly label: string
}

/**
 * Whether to hide a step's outcome until the learner predicts it: always for
 * a step that asks a question, and in predict mode for a step that was
 * allowed or denied by an authorization (not one that failed otherwise).
 */
export function shouldAsk(result: StepResult, predictMode: boolean): boolean {
  if (result.step.predict) return true

  const decided = result.status === 'allowed' || result.status === 'denied'

  return predictMode && decided && result.decision !== undefined
}

/** The answer that scores: the step's own answer when it asks, else what happened. */
export function expectedAnswer(result: StepResult): Answer {
  return result.step.predict?.answer ?? (result.status === 'allowed' ? 'allowed' : 'denied')
}

/** The key policy statements the engine checked, plus "none of them"; empty when none were. */
export function statementOptions(result: StepResult): readonly StatementOption[] {
  const checks = (result.decision?.statements ?? []).filter(
    (check) => check.source === 'key-policy',
  )
  if (checks.length === 0) return []

  const options = checks.map((check) => ({
    ref: check.ref,
    label: `${check.effect} ${check.sid ? `"${check.sid}"` : `#${check.index}`}`,
  }))

  return [...options, { ref: null, label: 'none of them decides' }]
}

/**
 * Scores a prediction: 1 for the verdict, 1 more for the statement. The right
 * statement is one the decision names as deciding; when no key policy
 * statement decided, "none of them" is right.
 */
export function scorePrediction(
  result: StepResult,
  verdict: Answer,
  statement?: string | null,
): Scored {
  const verdictRight = verdict === expectedAnswer(result)
  const base = { verdict, verdictRight, points: verdictRight ? 1 : 0 }
  if (statement === undefined) return base

  const deciders = (result.decision?.decidedBy ?? []).filter((ref) => ref.startsWith('key-policy:'))
  const statementRight = statement === null ? deciders.length === 0 : deciders.includes(statement)

  return { ...base, statement, statementRight, points: base.points + (statementRight ? 1 : 0) }
}

/** The most a prediction on this step can score. */
export function possiblePoints(result: StepResult): number {
  return statementOptions(result).length > 0 ? 2 : 1
}
