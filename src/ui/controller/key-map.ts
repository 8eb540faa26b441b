import { panelIds, type AppState, type Prompt, type ScenarioView } from '../state/app-state'
import { homeRows, rowTarget } from '../state/home-rows'
import { act, run, type Intent } from './intent'
import type { KeyPress } from './keypress'

/**
 * What a key press means in the state the app is in. Pure: the controller
 * calls it when the press reaches the front of the queue, never earlier.
 */
export function toIntent(state: AppState, press: KeyPress): Intent | undefined {
  if (press.kind === 'ctrl-c') return act({ type: 'quit' })
  if (state.help) return helpKeys(press)
  if (state.screen === 'home') return homeKeys(state, press)

  const view = state.scenario
  if (!view) return undefined
  if (view.prompt) return promptKeys(view.prompt, press)
  if (view.phase.kind === 'verdict') return verdictKeys(press) ?? commonKeys(press)
  if (view.phase.kind === 'statement') return statementKeys(press) ?? commonKeys(press)

  return stepKeys(view, press) ?? commonKeys(press)
}

const charOf = (press: KeyPress) => (press.kind === 'char' ? press.char : undefined)

function helpKeys(press: KeyPress): Intent | undefined {
  const closes = press.kind === 'escape' || charOf(press) === '?' || charOf(press) === 'q'

  return closes ? act({ type: 'help-close' }) : undefined
}

function homeKeys(state: AppState, press: KeyPress): Intent | undefined {
  const char = charOf(press)
  if (press.kind === 'up' || char === 'k') return act({ type: 'home-move', delta: -1 })
  if (press.kind === 'down' || char === 'j') return act({ type: 'home-move', delta: 1 })
  if (press.kind === 'pageup') return act({ type: 'home-move', delta: -10 })
  if (press.kind === 'pagedown') return act({ type: 'home-move', delta: 10 })
  if (press.kind === 'home' || press.kind === 'end') {
    return act({ type: 'home-jump', to: press.kind === 'home' ? 'first' : 'last' })
  }

  if (press.kind === 'return' || press.kind === 'right' || char === ' ') {
    const row = homeRows(state.lessons)[state.cursor]
    const target = row && rowTarget(row, state.progress)

    return target && run({ type: 'open', ...target })
  }

  if (char === 'q') return act({ type: 'quit' })
  if (char === '?') return act({ type: 'help-toggle' })
  if (char === 'p') return act({ type: 'predict-toggle' })

  return undefined
}

function promptKeys(prompt: Prompt, press: KeyPress): Intent | undefined {
  if (press.kind === 'return') return run({ type: 'submit', text: prompt.text.trim() })
  if (press.kind === 'escape') return act({ type: 'prompt-close' })
  if (press.kind === 'backspace') return act({ type: 'prompt-erase' })
  if (press.kind === 'up' || press.kind === 'down') {
    return act({ type: 'prompt-browse', delta: press.kind === 'up' ? -1 : 1 })
  }

  return press.kind === 'char' ? act({ type: 'prompt-type', text: press.char }) : undefined
}

const advances = (press: KeyPress) =>
  press.kind === 'right' || press.kind === 'return' || charOf(press) === ' '

function verdictKeys(press: KeyPress): Intent | undefined {
  const char = charOf(press)?.toLowerCase()
  if (char === 'a') return act({ type: 'answer', verdict: 'allowed' })
  if (char === 'd') return act({ type: 'answer', verdict: 'denied' })

  return advances(press) ? act({ type: 'reveal' }) : undefined
}

function statementKeys(press: KeyPress): Intent | undefined {
  const char = charOf(press)
  if (press.kind === 'up' || char === 'k') return act({ type: 'pick-move', delta: -1 })
  if (press.kind === 'down' || char === 'j') return act({ type: 'pick-move', delta: 1 })
  if (press.kind === 'return') return act({ type: 'pick', skip: false })
  if (char === 's') return act({ type: 'pick', skip: true })

  return advances(press) ? act({ type: 'reveal' }) : undefined
}

// Keys only for the step view with its outcome showing.
function stepKeys(view: ScenarioView, press: KeyPress): Intent | undefined {
  const char = charOf(press)
  if (advances(press) || char === 'n') return run({ type: 'next' })
  if (press.kind === 'up' || char === 'k') return act({ type: 'scroll', delta: -1 })
  if (press.kind === 'down' || char === 'j') return act({ type: 'scroll', delta: 1 })
  if (press.kind === 'pageup') return act({ type: 'scroll', delta: -5 })
  if (press.kind === 'pagedown') return act({ type: 'scroll', delta: 5 })
  if (char === ':') return act({ type: 'prompt-open' })
  if (char === 'e' && view.draft) return run({ type: 'reopen-draft' })

  return undefined
}

// Keys that work whether or not a prediction is pending.
function commonKeys(press: KeyPress): Intent | undefined {
  const char = charOf(press)
  if (press.kind === 'left' || char === 'b') return run({ type: 'back' })
  if (char === 'r') return run({ type: 'restart' })
  if (char === 'p') return act({ type: 'predict-toggle' })
  if (char === 'h') return act({ type: 'hint' })
  if (char === '?') return act({ type: 'help-toggle' })
  if (char === 'q') return run({ type: 'home' })
  if (press.kind === 'tab' || press.kind === 'backtab') {
    return act({ type: 'panel-cycle', delta: press.kind === 'tab' ? 1 : -1 })
  }

  const panel = char && /^[1-9]$/.test(char) ? panelIds[Number(char) - 1] : undefined

  return panel && act({ type: 'panel', panel })
}
