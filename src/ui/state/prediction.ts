import type { StepResult } from '../../content/step-result'
import type { StatementCheck } from '../../policy'
import { shortPrincipal } from '../../present/names'
import { grantLabel } from '../format'
import type { Answer, Scored } from './app-state'

/**
 * A statement or grant the learner can name as the decider, under the
 * heading of where it lives; `ref: null` is "none of them".
 */
export type StatementOption = {
  readonly ref: string | null
  /** `Key policy`, `IAM policies of user/bob`, `Grants`; empty for "none of them". */
  readonly group: string
  readonly label: string
}

/** How the picker names a grant and whose IAM policies it lists. */
export type OptionNames = {
  /** Grant ID → the ref the scenario gave it. */
  readonly grantRefs: ReadonlyMap<string, string>
  /** Principals of this account are shown without their account ID. */
  readonly homeAccount?: string
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

/**
 * Every candidate the engine weighed: the key policy's statements, the
 * caller's IAM policy statements and the key's grants, then "none of them".
 * The decision lists each one whether or not it applied, so the choices
 * give nothing away. Empty when no authorization was made.
 */
export function statementOptions(
  result: StepResult,
  names: OptionNames,
): readonly StatementOption[] {
  const decision = result.decision
  if (!decision) return []

  const statements = decision.statements.map((check) => ({
    ref: check.ref,
    group: groupOf(check, names.homeAccount),
    label: `${check.effect} ${check.sid ? `"${check.sid}"` : `#${check.index}`}`,
  }))
  const grants = decision.grants.map((check) => ({
    ref: check.ref,
    group: 'Grants',
    label: grantLabel(check.grantId, names.grantRefs),
  }))
  const candidates = [...statements, ...grants]
  if (candidates.length === 0) return []

  return [...candidates, { ref: null, group: '', label: 'none of them decides' }]
}

function groupOf(check: StatementCheck, homeAccount: string | undefined): string {
  return check.source === 'key-policy'
    ? 'Key policy'
    : `IAM policies of ${shortPrincipal(check.owner ?? '', homeAccount)}`
}

/** An option as the feedback line names it: where it lives, unless that is the key policy. */
export function optionLabel(option: StatementOption): string {
  return option.group === '' || option.group === 'Key policy' || option.group === 'Grants'
    ? option.label
    : `${option.label} (${option.group})`
}

/**
 * Scores a prediction: 1 for the verdict, 1 more for the decider. The right
 * choice is any statement or grant the decision names as deciding; "none of
 * them" is right only when nothing decided (an implicit deny).
 */
export function scorePrediction(
  result: StepResult,
  verdict: Answer,
  statement?: string | null,
): Scored {
  const verdictRight = verdict === expectedAnswer(result)
  const base = { verdict, verdictRight, points: verdictRight ? 1 : 0 }
  if (statement === undefined) return base

  const deciders = result.decision?.decidedBy ?? []
  const statementRight = statement === null ? deciders.length === 0 : deciders.includes(statement)

  return { ...base, statement, statementRight, points: base.points + (statementRight ? 1 : 0) }
}

/** The most a prediction on this step can score. */
export function possiblePoints(result: StepResult): number {
  const decision = result.decision
  const candidates = (decision?.statements.length ?? 0) + (decision?.grants.length ?? 0)

  return candidates > 0 ? 2 : 1
}
