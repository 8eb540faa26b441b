import type { ScenarioStep } from '../../content/scenario-schema'
import type { StepResult } from '../../content/step-result'
import type { SandboxState } from '../../keystore'
import type { LessonPart } from '../lesson/lesson-lines'
import type { Progress } from '../progress/progress'

/** A scenario as Home lists it. */
export type CatalogScenario = {
  readonly id: string
  readonly title: string
  readonly summary: string
  readonly stepCount: number
}

/** A lesson as Home lists it, in course order. */
export type CatalogLesson = {
  readonly id: string
  readonly title: string
  /** The lesson's Markdown, in lessons/; read when the learner opens it. */
  readonly file: string
  readonly hints: readonly string[]
  readonly scenarios: readonly CatalogScenario[]
}

/** The detail panels under a step, in number-key order. */
export const panelIds = ['policy', 'grants', 'world', 'trail', 'json'] as const
export type PanelId = (typeof panelIds)[number]

/** A learner's guess at a step's outcome. */
export type Answer = 'allowed' | 'denied'

/** What the learner is doing with the step on screen. */
export type Phase =
  /** Nothing to answer: the outcome, if any, is visible. */
  | { readonly kind: 'idle' }
  /** The step ran but its outcome is hidden until the learner says Allow or Deny. */
  | { readonly kind: 'verdict' }
  /** The learner picks the key policy statement they think decides. */
  | { readonly kind: 'statement'; readonly verdict: Answer; readonly cursor: number }

/** How a prediction was scored, shown beside the outcome. */
export type Scored = {
  readonly verdict: Answer
  readonly verdictRight: boolean
  /** The statement picked: a ref, null for "none of them", undefined when skipped or not asked. */
  readonly statement?: string | null
  readonly statementRight?: boolean
  readonly points: number
}

/** What the session looked like after the last command: plain data, safe to render. */
export type SessionSnapshot = {
  readonly results: readonly StepResult[]
  /** The index of the next scenario step. */
  readonly position: number
  readonly finished: boolean
  readonly stepCount: number
  /** The scenario step that runs next; undefined when every step has run. */
  readonly nextStep?: ScenarioStep
  readonly state: SandboxState
  /** The scenario's first account: its principals are shown without an account ID. */
  readonly homeAccount: string
  /** The world before the last result, shown while its outcome is hidden. */
  readonly before: SandboxState
  /** Key ARN → the ref the scenario gave it. */
  readonly keyRefs: ReadonlyMap<string, string>
  /** Grant ID → the ref the scenario gave it. */
  readonly grantRefs: ReadonlyMap<string, string>
}

/** The free-play prompt at the bottom of the scenario screen. */
export type Prompt = {
  readonly text: string
  /** Commands run before, newest last; browsed with up and down. */
  readonly history: readonly string[]
  readonly browsing?: number
}

/** A line the scenario screen shows until the next command. */
export type Message = { readonly tone: 'info' | 'error'; readonly text: string }

/** One scenario being played. */
export type ScenarioView = {
  readonly scenarioId: string
  readonly lessonId: string
  readonly busy: boolean
  readonly snapshot?: SessionSnapshot
  readonly phase: Phase
  readonly scored?: Scored
  readonly panel: PanelId
  readonly scroll: number
  /** The most the panel scrolls: its content's rows past the area's, once laid out. */
  readonly scrollLimit?: number
  /** Which of the step's decisions the Policy panel shows, by its place in the step's calls. */
  readonly decision?: number
  readonly hintTier: number
  readonly prompt?: Prompt
  readonly history: readonly string[]
  readonly message?: Message
  /** A policy edit the sandbox refused: the learner's file, kept to reopen. */
  readonly draft?: { readonly keyRef: string; readonly file: string }
  /** Points and the most possible in this play-through. */
  readonly run: { readonly points: number; readonly possible: number }
}

/** The lesson text open over Home or a scenario. */
export type LessonReader = {
  readonly lessonId: string
  /** Where closing the reader returns: Home (enter then starts a scenario) or the scenario. */
  readonly from: 'home' | 'scenario'
  readonly part: LessonPart
  /** The first row shown. */
  readonly scroll: number
  /** The Markdown once read; undefined while it loads. */
  readonly text?: string
  /** Why the file could not be read. */
  readonly error?: string
}

/** The terminal's size in cells, as the app last saw it. */
export type Viewport = { readonly columns: number; readonly rows: number }

/** Everything on screen, in one value the reducer owns. */
export type AppState = {
  readonly screen: 'home' | 'scenario'
  /** True until the course is read; the first frame does not wait for it. */
  readonly loading: boolean
  readonly lessons: readonly CatalogLesson[]
  readonly cursor: number
  readonly progress: Progress
  /** One line for Home, e.g. that a damaged progress file was set aside. */
  readonly notice?: string
  readonly scenario?: ScenarioView
  readonly reader?: LessonReader
  readonly help: boolean
  /** The first row of the help shown, when it is taller than the terminal. */
  readonly helpScroll: number
  /** What scrolling is clamped against: the lesson and the help are laid out for it. */
  readonly viewport: Viewport
  /** Set while an editor has the terminal: nothing is drawn. */
  readonly suspended: boolean
  readonly quitting: boolean
  /** Set when the learner left with Ctrl+C. */
  readonly interrupted: boolean
}
