import type { CatalogLesson } from '../state/app-state'

/** How far a learner got in one scenario. */
export type ScenarioProgress = {
  readonly completed: boolean
  /** The next step to run when the scenario is opened again. */
  readonly step: number
  /** The best prediction score of a play-through. */
  readonly points: number
  readonly possible: number
  /**
   * The score of the play-through in progress, so one resumed after leaving
   * still counts the answers given before; gone once it restarts.
   */
  readonly run?: RunScore
}

/** Points and the most possible in one play-through. */
export type RunScore = { readonly points: number; readonly possible: number }

/** What the sandbox remembers between runs. */
export type Progress = {
  readonly version: 1
  readonly predictMode: boolean
  readonly lastScenario?: string
  readonly scenarios: Readonly<Record<string, ScenarioProgress>>
}

export const emptyProgress: Progress = { version: 1, predictMode: false, scenarios: {} }

const fresh: ScenarioProgress = { completed: false, step: 0, points: 0, possible: 0 }

/** Records where a scenario stands; a completed scenario stays completed. */
export function recordPosition(
  progress: Progress,
  id: string,
  at: { readonly position: number; readonly finished: boolean },
): Progress {
  const saved = progress.scenarios[id] ?? fresh
  const entry = {
    ...saved,
    step: at.finished ? 0 : at.position,
    completed: saved.completed || at.finished,
  }

  return { ...progress, lastScenario: id, scenarios: { ...progress.scenarios, [id]: entry } }
}

/**
 * Keeps the play-through's score to resume with, and as the best score when
 * it beats the best so far.
 */
export function recordScore(progress: Progress, id: string, run: RunScore): Progress {
  const saved = { ...(progress.scenarios[id] ?? fresh), run }
  const better =
    run.points > saved.points || (run.points === saved.points && run.possible < saved.possible)
  const entry = better || saved.possible === 0 ? { ...saved, ...run } : saved

  return { ...progress, scenarios: { ...progress.scenarios, [id]: entry } }
}

/** The score a resumed play-through starts from: what it had when the learner left. */
export function resumedScore(progress: Progress, id: string): RunScore {
  return progress.scenarios[id]?.run ?? { points: 0, possible: 0 }
}

/** Forgets the play-through's score: the scenario starts over. */
export function forgetRun(progress: Progress, id: string): Progress {
  const saved = progress.scenarios[id]
  if (!saved?.run) return progress

  const { run: _run, ...entry } = saved

  return { ...progress, scenarios: { ...progress.scenarios, [id]: entry } }
}

/** Completed scenarios and prediction points over the whole course. */
export function courseTotals(progress: Progress, lessons: readonly CatalogLesson[]) {
  const ids = lessons.flatMap((lesson) => lesson.scenarios.map((scenario) => scenario.id))
  const entries = ids.map((id) => progress.scenarios[id] ?? fresh)

  return {
    completed: entries.filter((entry) => entry.completed).length,
    total: ids.length,
    points: entries.reduce((sum, entry) => sum + entry.points, 0),
    possible: entries.reduce((sum, entry) => sum + entry.possible, 0),
  }
}

/** Whether a scenario was played to its end at least once. */
export function isCompleted(progress: Progress, id: string): boolean {
  return progress.scenarios[id]?.completed === true
}
