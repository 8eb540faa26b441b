import type { Action } from './actions'
import type { AppState, ScenarioView } from './app-state'

/** The free-play prompt; undefined for actions it does not handle. */
export function reducePrompt(
  state: AppState,
  view: ScenarioView,
  action: Action,
): AppState | undefined {
  const set = (changes: Partial<ScenarioView>): AppState => ({
    ...state,
    scenario: { ...view, ...changes },
  })
  const prompt = view.prompt

  switch (action.type) {
    case 'prompt-open':
      return set({ prompt: { text: '', history: view.history }, message: undefined })
    case 'prompt-close':
      return set({ prompt: undefined })
    case 'prompt-type':
      return prompt ? set({ prompt: { ...prompt, text: prompt.text + action.text } }) : state
    case 'prompt-erase':
      return prompt
        ? set({ prompt: { ...prompt, text: [...prompt.text].slice(0, -1).join('') } })
        : state
    case 'prompt-browse':
      return prompt ? set({ prompt: browse(prompt, action.delta) }) : state
    case 'prompt-sent': {
      const history =
        view.history.at(-1) === action.text ? view.history : [...view.history, action.text]

      return set({ prompt: undefined, history })
    }

    default:
      return undefined
  }
}

// Up walks back through earlier commands; down walks forward to an empty line.
function browse(
  prompt: NonNullable<ScenarioView['prompt']>,
  delta: number,
): NonNullable<ScenarioView['prompt']> {
  const { history } = prompt
  const from = prompt.browsing ?? history.length
  const at = Math.min(Math.max(from + delta, 0), history.length)

  return at === history.length
    ? { history, text: '' }
    : { history, text: history[at] ?? '', browsing: at }
}
