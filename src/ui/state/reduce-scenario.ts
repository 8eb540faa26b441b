import { forgetRun, recordPosition } from '../progress/progress'
import type { Action } from './actions'
import { panelIds, type AppState, type ScenarioView, type SessionSnapshot } from './app-state'
import { hintTiers, shownDecision, shownResult, stepDecisions } from './focus'
import { shouldAsk } from './prediction'
import { clamp } from './clamp'
import { reducePrediction } from './reduce-prediction'
import { reducePrompt } from './reduce-prompt'

/** The scenario screen's share of the reducer. */
export function reduceScenario(state: AppState, view: ScenarioView, action: Action): AppState {
  const set = (changes: Partial<ScenarioView>): AppState => ({
    ...state,
    scenario: { ...view, ...changes },
  })

  switch (action.type) {
    case 'busy':
      return set({ busy: true, message: undefined })
    case 'stepped':
      return played(state, view, action.snapshot, true)
    case 'rewound':
      // Restarting is a new play-through: its score starts from nothing.
      return action.restart
        ? played(
            { ...state, progress: forgetRun(state.progress, view.scenarioId) },
            { ...view, run: { points: 0, possible: 0 } },
            action.snapshot,
            false,
          )
        : played(state, view, action.snapshot, false)
    case 'message':
      return set({ message: action.message, busy: false })
    case 'hint': {
      const tiers = hintTiers(view, state.lessons).length

      return set({ hintTier: clamp(view.hintTier + 1, 0, tiers) })
    }

    case 'panel':
      return set({ panel: action.panel, scroll: 0 })
    case 'decision-cycle': {
      const count = stepDecisions(shownResult(view)).length
      if (count < 2) return state

      const decision = (shownDecision(view) + action.delta + count) % count

      return set({ panel: 'policy', decision, scroll: 0 })
    }
    case 'panel-cycle': {
      const at = panelIds.indexOf(view.panel) + action.delta + panelIds.length

      return set({ panel: panelIds[at % panelIds.length] ?? 'policy', scroll: 0 })
    }

    case 'scroll':
      return set({ scroll: clamp(view.scroll + action.delta, 0, view.scrollLimit ?? 500) })
    case 'scroll-limit':
      return view.scrollLimit === action.limit
        ? state
        : set({ scrollLimit: action.limit, scroll: Math.min(view.scroll, action.limit) })
    case 'draft':
      return set({ draft: action.draft })
    default:
      return reducePrompt(state, view, action) ?? reducePrediction(state, view, action) ?? state
  }
}

// A new last result: its outcome shows at once, or waits for a prediction.
function played(
  state: AppState,
  view: ScenarioView,
  snapshot: SessionSnapshot,
  ran: boolean,
): AppState {
  const last = snapshot.results.at(-1)
  const ask = ran && last !== undefined && shouldAsk(last, state.progress.predictMode)
  const scenario: ScenarioView = {
    ...view,
    snapshot,
    busy: false,
    phase: ask ? { kind: 'verdict' } : { kind: 'idle' },
    scored: undefined,
    hintTier: 0,
    scroll: 0,
    decision: undefined,
    message: undefined,
    // A refused policy draft is offered again only until something else runs.
    draft: undefined,
  }

  return { ...state, scenario, progress: recordPosition(state.progress, view.scenarioId, snapshot) }
}
