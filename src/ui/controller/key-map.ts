import { readerPageRows } from '../lesson/reader-view'
import {
  panelIds,
  type AppState,
  type LessonReader,
  type Prompt,
  type ScenarioView,
} from '../state/app-state'
import { homeRows, rowTarget } from '../state/home-rows'
import { act, run, type Intent } from './intent'
import type { KeyPress } from './keypress'

/**
 * What a key press means in the state the app is in. Pure: the controller
 * calls it when the press reaches the front of the queue, never earlier.
 */
export function toIntent(state: AppState, press: KeyPress): Intent | undefined {
  if (press.kind === 'ctrl-c') return act({ type: 'quit', interrupted: true })
  if (state.help) return helpKeys(press)
  if (state.reader) return readerKeys(state, state.reader, press)
  if (state.screen === 'home') return homeKeys(state, press)

  const view = state.scenario
  if (!view) return undefined
  if (view.prompt) return promptKeys(view.prompt, press)
  if (view.phase.kind === 'verdict') return verdictKeys(press) ?? commonKeys(view, press)
  if (view.phase.kind === 'statement') return statementKeys(press) ?? commonKeys(view, press)

  return stepKeys(view, press) ?? commonKeys(view, press)
}

const charOf = (press: KeyPress) => (press.kind === 'char' ? press.char : undefined)

function helpKeys(press: KeyPress): Intent | undefined {
  const closes = press.kind === 'escape' || charOf(press) === '?' || charOf(press) === 'q'
  if (closes) return act({ type: 'help-close' })

  const delta = scrollDelta(press, 5)

  return delta === undefined ? undefined : act({ type: 'help-scroll', delta })
}

// Lines to scroll for a key: one for an arrow (or j k), a page, or all the way.
function scrollDelta(press: KeyPress, page: number): number | undefined {
  const char = charOf(press)
  if (press.kind === 'up' || char === 'k') return -1
  if (press.kind === 'down' || char === 'j') return 1
  if (press.kind === 'pageup') return -page
  if (press.kind === 'pagedown' || char === ' ') return page
  if (press.kind === 'home') return -Infinity
  if (press.kind === 'end') return Infinity

  return undefined
}

function readerKeys(state: AppState, reader: LessonReader, press: KeyPress): Intent | undefined {
  const char = charOf(press)
  const delta = scrollDelta(press, Math.max(1, readerPageRows(state.viewport) - 1))
  if (delta !== undefined) return act({ type: 'reader-scroll', delta })

  if (press.kind === 'tab' || press.kind === 'backtab') {
    return act({ type: 'reader-part', part: reader.part === 'idea' ? 'debrief' : 'idea' })
  }

  if (press.kind === 'return' || press.kind === 'right') {
    const lesson = state.lessons.find((candidate) => candidate.id === reader.lessonId)
    const target = lesson && rowTarget({ kind: 'lesson', number: 0, lesson }, state.progress)
    if (reader.from === 'home' && target) return run({ type: 'open', ...target })

    return act({ type: 'reader-close' })
  }

  if (char === '?') return act({ type: 'help-toggle' })
  const closes = press.kind === 'escape' || press.kind === 'left' || char === 'q' || char === 'l'

  return closes ? act({ type: 'reader-close' }) : undefined
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

  const row = homeRows(state.lessons)[state.cursor]
  // A lesson opens at its text, which then starts its scenario; a scenario opens at once.
  const lessonOf = (id: string) => run({ type: 'lesson', lessonId: id, from: 'home', part: 'idea' })
  if (row && (char === 'l' || (row.kind === 'lesson' && opens(press))))
    return lessonOf(row.lesson.id)
  if (row && opens(press)) {
    const target = rowTarget(row, state.progress)

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

const opens = (press: KeyPress) =>
  press.kind === 'return' || press.kind === 'right' || charOf(press) === ' '

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
  if (char === '[' || char === ']') {
    return act({ type: 'decision-cycle', delta: char === '[' ? -1 : 1 })
  }
  if (char === ':') return act({ type: 'prompt-open' })
  if (char === 'e' && view.draft) return run({ type: 'reopen-draft' })

  return undefined
}

// Keys that work whether or not a prediction is pending.
function commonKeys(view: ScenarioView, press: KeyPress): Intent | undefined {
  const char = charOf(press)
  if (char === 'l') {
    // The lesson's "What just happened" is offered once the scenario is played through.
    const part = view.snapshot?.finished ? 'debrief' : 'idea'

    return run({ type: 'lesson', lessonId: view.lessonId, from: 'scenario', part })
  }

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
