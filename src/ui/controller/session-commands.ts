import type { ScenarioStep } from '../../content/scenario-schema'
import { snapshotOf, type CommandContext } from './command-context'
import { removeDraftFile } from './draft-folders'

/** Opens a scenario, resuming after the step the learner last reached. */
export async function openScenario(
  context: CommandContext,
  target: { readonly scenarioId: string; readonly lessonId: string },
): Promise<void> {
  const { store } = context
  const scenario = context.scenarios.get(target.scenarioId)
  if (!scenario) return

  store.dispatch({ type: 'scenario-opening', scenarioId: scenario.id, lessonId: target.lessonId })
  const session = await context.startSession(scenario)
  context.session = session

  const saved = store.getState().progress.scenarios[scenario.id]
  const resumeAt = saved && !saved.completed ? saved.step : 0
  while (session.position < resumeAt && !session.finished) await session.next()

  store.dispatch({
    type: 'scenario-opened',
    snapshot: snapshotOf(session, session.state),
    resumed: session.position,
  })
}

/** Runs the scenario's next step; nothing once every step has run. */
export async function nextStep(context: CommandContext): Promise<void> {
  const { session, store } = context
  if (!session || session.finished) return

  const before = session.state
  dropDraft(context)
  store.dispatch({ type: 'busy' })
  await session.next()
  store.dispatch({ type: 'stepped', snapshot: snapshotOf(session, before) })
}

/** Runs a free-play step that is not part of the scenario. */
export async function playExtra(context: CommandContext, step: ScenarioStep): Promise<void> {
  const { session, store } = context
  if (!session) return

  const before = session.state
  store.dispatch({ type: 'busy' })
  const result = await session.runExtra(step)
  store.dispatch({ type: 'stepped', snapshot: snapshotOf(session, before) })
  if (result.output !== undefined && result.step.id) {
    const text = `Its result is $steps.${result.step.id}; use a field in a later command, e.g. $steps.${result.step.id}.CiphertextBlob`
    store.dispatch({ type: 'message', message: { tone: 'info', text } })
  }
}

/** Takes the last step back, or every step. */
export function rewind(context: CommandContext, all: boolean): void {
  const { session, store } = context
  if (!session) return

  dropDraft(context)
  if (all) session.restart()
  else session.back()
  const snapshot = snapshotOf(session, session.state)
  store.dispatch({ type: 'rewound', snapshot, ...(all ? { restart: true } : {}) })
}

/** Leaves the scenario for Home; the session is dropped. */
export function leaveScenario(context: CommandContext): void {
  dropDraft(context)
  context.session = undefined
  context.store.dispatch({ type: 'go-home' })
}

/**
 * Removes a refused policy draft's file once something else runs: the screen
 * stops offering it then (the reducer clears it with the step).
 */
export function dropDraft(context: CommandContext): void {
  const draft = context.store.getState().scenario?.draft
  if (draft) removeDraftFile(draft.file)
}
