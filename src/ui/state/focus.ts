import type { ScenarioStep } from '../../content/scenario-schema'
import type { StepResult } from '../../content/step-result'
import type { KmsEvent } from '../../keystore'
import type { Decision } from '../../policy'
import type { AppState, CatalogLesson, ScenarioView } from './app-state'
import { statementOptions, type StatementOption } from './prediction'

/** The result on screen: the last step played, scenario or free play. */
export function shownResult(view: ScenarioView): StepResult | undefined {
  return view.snapshot?.results.at(-1)
}

/** One decision a step made, and what it evaluated. */
export type StepDecision = { readonly decision: Decision; readonly label: string }

/**
 * Every decision the step's calls made, in order: the first is the
 * authorization; the others say what they evaluated, such as the new policy
 * the lockout safety check looks at.
 */
export function stepDecisions(result: StepResult | undefined): readonly StepDecision[] {
  const events = (result?.events ?? []).filter((event): event is KmsEvent => event.kind === 'kms')

  return events.flatMap((event, e) =>
    event.decisions.map((decision, d) => ({
      decision,
      label: e === 0 && d === 0 ? 'the authorization' : labelOf(event, decision),
    })),
  )
}

function labelOf(event: KmsEvent, decision: Decision): string {
  const lockout =
    decision.action === 'kms:PutKeyPolicy' &&
    (event.operation === 'PutKeyPolicy' || event.operation === 'CreateKey')

  return lockout ? 'the new policy, for the lockout check' : 'another permission the call needs'
}

/** The place of the decision the Policy panel shows: the learner's choice, else the step's own. */
export function shownDecision(view: ScenarioView): number {
  const result = shownResult(view)
  const decisions = stepDecisions(result)
  if (view.decision !== undefined && view.decision < decisions.length) return view.decision

  return Math.max(0, decisions.findIndex((entry) => entry.decision === result?.decision))
}

/** The choices of the "which statement decides?" picker for the result on screen. */
export function pickerOptions(view: ScenarioView): readonly StatementOption[] {
  const result = shownResult(view)
  const snapshot = view.snapshot
  if (!result || !snapshot) return []

  return statementOptions(result, snapshot)
}

/** The step the screen is about: the last one played, or the first before any ran. */
export function focusStep(view: ScenarioView): ScenarioStep | undefined {
  return shownResult(view)?.step ?? view.snapshot?.nextStep
}

/** A hint and whether it is about the step on screen or the lesson as a whole. */
export type Hint = { readonly text: string; readonly about: 'step' | 'lesson' }

/** The hints for the step on screen, in tiers: the step's own, then its lesson's. */
export function hintTiers(view: ScenarioView, lessons: readonly CatalogLesson[]): readonly Hint[] {
  const lesson = lessons.find((candidate) => candidate.id === view.lessonId)
  const own = (focusStep(view)?.hints ?? []).map((text) => ({ text, about: 'step' as const }))
  const general = (lesson?.hints ?? []).map((text) => ({ text, about: 'lesson' as const }))

  return [...own, ...general]
}

/** The lesson (with its number) and scenario titles for the header. */
export function titlesOf(state: AppState, view: ScenarioView) {
  const index = state.lessons.findIndex((candidate) => candidate.id === view.lessonId)
  const lesson = state.lessons[index]
  const scenario = lesson?.scenarios.find((candidate) => candidate.id === view.scenarioId)

  return {
    lesson: lesson ? `${index + 1}. ${lesson.title}` : view.lessonId,
    scenario: scenario?.title ?? view.scenarioId,
  }
}
