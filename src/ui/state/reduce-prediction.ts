import { recordScore } from '../progress/progress'
import type { Action } from './actions'
import type { Answer, AppState, ScenarioView } from './app-state'
import { pickerOptions, shownResult } from './focus'
import { possiblePoints, scorePrediction } from './prediction'
import { clamp } from './clamp'

/** Answering a prediction; undefined for actions it does not handle. */
export function reducePrediction(
  state: AppState,
  view: ScenarioView,
  action: Action,
): AppState | undefined {
  const { phase } = view
  const result = shownResult(view)
  if (!result || phase.kind === 'idle') return action.type === 'reveal' ? state : undefined

  switch (action.type) {
    case 'answer': {
      if (phase.kind !== 'verdict') return state

      const options = pickerOptions(view)
      if (options.length === 0) return finish(state, view, action.verdict)

      return withView(state, {
        ...view,
        phase: { kind: 'statement', verdict: action.verdict, cursor: 0 },
      })
    }

    case 'pick-move': {
      if (phase.kind !== 'statement') return state

      const last = pickerOptions(view).length - 1
      const cursor = clamp(phase.cursor + action.delta, 0, last)

      return withView(state, { ...view, phase: { ...phase, cursor } })
    }

    case 'pick': {
      if (phase.kind !== 'statement') return state

      const picked = pickerOptions(view)[phase.cursor]

      return finish(state, view, phase.verdict, action.skip || !picked ? undefined : picked.ref)
    }

    case 'reveal':
      if (phase.kind === 'statement') return finish(state, view, phase.verdict)

      return withView(state, { ...view, phase: { kind: 'idle' } })
    default:
      return undefined
  }
}

function finish(
  state: AppState,
  view: ScenarioView,
  verdict: Answer,
  statement?: string | null,
): AppState {
  const result = shownResult(view)
  if (!result) return state

  const scored = scorePrediction(result, verdict, statement)
  const run = {
    points: view.run.points + scored.points,
    possible: view.run.possible + possiblePoints(result),
  }
  const progress = recordScore(state.progress, view.scenarioId, run)

  return { ...state, progress, scenario: { ...view, phase: { kind: 'idle' }, scored, run } }
}

function withView(state: AppState, view: ScenarioView): AppState {
  return { ...state, scenario: view }
}
