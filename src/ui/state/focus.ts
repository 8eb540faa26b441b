import type { ScenarioStep } from '../../content/scenario-schema'
import type { StepResult } from '../../content/step-result'
import type { AppState, CatalogLesson, ScenarioView } from './app-state'

/** The result on screen: the last step played, scenario or free play. */
export function shownResult(view: ScenarioView): StepResult | undefined {
  return view.snapshot?.results.at(-1)
}

/** The step the screen is about: the last one played, or the first before any ran. */
export function focusStep(view: ScenarioView): ScenarioStep | undefined {
  return shownResult(view)?.step ?? view.snapshot?.nextStep
}

/** The hints for the step on screen, in tiers: the step's own, then its lesson's. */
export function hintTiers(
  view: ScenarioView,
  lessons: readonly CatalogLesson[],
): readonly string[] {
  const lesson = lessons.find((candidate) => candidate.id === view.lessonId)

  return [...(focusStep(view)?.hints ?? []), ...(lesson?.hints ?? [])]
}

/** The lesson and scenario titles for the header. */
export function titlesOf(state: AppState, view: ScenarioView) {
  const lesson = state.lessons.find((candidate) => candidate.id === view.lessonId)
  const scenario = lesson?.scenarios.find((candidate) => candidate.id === view.scenarioId)

  return { lesson: lesson?.title ?? view.lessonId, scenario: scenario?.title ?? view.scenarioId }
}
