import { maxHelpScroll } from '../help/help-lines'
import { forgetRun, recordPosition, resumedScore } from '../progress/progress'
import type { Action } from './actions'
import type { AppState, ScenarioView } from './app-state'
import { clamp } from './clamp'
import { homeRows, rowOfScenario } from './home-rows'
import { reduceReader } from './reduce-reader'
import { reduceScenario } from './reduce-scenario'

/**
 * The one reducer: every change to what the screen shows goes through here.
 * Pure; the controller runs the sandbox and dispatches what came back.
 */
export function reduceApp(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'course-loaded': {
      const cursor = rowOfScenario(homeRows(action.lessons), state.progress.lastScenario)

      return { ...state, loading: false, lessons: action.lessons, cursor }
    }

    case 'home-move': {
      const last = homeRows(state.lessons).length - 1

      return { ...state, cursor: clamp(state.cursor + action.delta, 0, last) }
    }

    case 'home-jump':
      return { ...state, cursor: action.to === 'first' ? 0 : homeRows(state.lessons).length - 1 }
    case 'go-home': {
      const cursor = rowOfScenario(homeRows(state.lessons), state.scenario?.scenarioId)

      return {
        ...state,
        screen: 'home',
        scenario: undefined,
        reader: undefined,
        help: false,
        cursor,
      }
    }

    case 'help-toggle':
      return { ...state, help: !state.help, helpScroll: 0 }
    case 'help-close':
      return { ...state, help: false }
    case 'help-scroll': {
      const helpScroll = clamp(state.helpScroll + action.delta, 0, maxHelpScroll(state.viewport))

      return { ...state, helpScroll }
    }

    case 'viewport':
      return { ...state, viewport: { columns: action.columns, rows: action.rows } }
    case 'quit':
      return { ...state, quitting: true, interrupted: action.interrupted === true }
    case 'notice':
      return { ...state, notice: action.text }
    case 'suspend':
      return { ...state, suspended: action.suspended }
    case 'predict-toggle':
      return togglePredict(state)
    case 'scenario-opening':
      return {
        ...state,
        screen: 'scenario',
        help: false,
        reader: undefined,
        scenario: openView(action),
      }
    case 'scenario-opened':
      return opened(state, action.snapshot, action.resumed)
    case 'message':
      // Home has no message line: a problem there (a scenario that failed to open) is a notice.
      return state.scenario
        ? reduceScenario(state, state.scenario, action)
        : { ...state, notice: action.message.text }
    default:
      return (
        reduceReader(state, action) ??
        (state.scenario ? reduceScenario(state, state.scenario, action) : state)
      )
  }
}

function openView(target: {
  readonly scenarioId: string
  readonly lessonId: string
}): ScenarioView {
  return {
    ...target,
    busy: true,
    phase: { kind: 'idle' },
    panel: 'policy',
    scroll: 0,
    hintTier: 0,
    history: [],
    run: { points: 0, possible: 0 },
  }
}

function opened(
  state: AppState,
  snapshot: NonNullable<ScenarioView['snapshot']>,
  resumed: number,
): AppState {
  if (!state.scenario) return state

  const id = state.scenario.scenarioId
  const message =
    resumed > 0 ? { tone: 'info' as const, text: `Resumed after step ${resumed}.` } : undefined
  // A resumed play-through keeps the answers given before the learner left.
  const run = resumed > 0 ? resumedScore(state.progress, id) : { points: 0, possible: 0 }
  const scenario = {
    ...state.scenario,
    snapshot,
    busy: false,
    run,
    ...(message ? { message } : {}),
  }
  const progress = recordPosition(
    resumed > 0 ? state.progress : forgetRun(state.progress, id),
    id,
    snapshot,
  )

  return { ...state, scenario, progress }
}

function togglePredict(state: AppState): AppState {
  const predictMode = !state.progress.predictMode
  const progress = { ...state.progress, predictMode }
  if (!state.scenario) return { ...state, progress }

  const text = predictMode
    ? 'Predict mode on: answer Allow (a) or Deny (d) before each outcome.'
    : 'Predict mode off.'

  return { ...state, progress, scenario: { ...state.scenario, message: { tone: 'info', text } } }
}
