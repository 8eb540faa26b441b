import type { ScenarioSession } from '../../content/scenario-session'
import type { Scenario } from '../../content/scenario-schema'
import type { SandboxState } from '../../keystore'
import type { SessionSnapshot } from '../state/app-state'
import type { Store } from '../state/store'

/** Lends the terminal to the learner's editor for one file. */
export type PolicyEditor = {
  readonly edit: (
    file: string,
  ) => Promise<{ readonly ok: true } | { readonly ok: false; readonly message: string }>
}

/** What commands work with: the store, the content, and the one live session. */
export type CommandContext = {
  readonly store: Store
  readonly scenarios: ReadonlyMap<string, Scenario>
  readonly startSession: (scenario: Scenario) => Promise<ScenarioSession>
  readonly editor: PolicyEditor
  /** Where `save <file>` resolves a relative path. */
  readonly cwd: string
  /** Reads a lesson's Markdown by its file name in lessons/. */
  readonly readLesson: (file: string) => Promise<string>
  /** Lesson files read so far, by file name. */
  readonly lessonTexts: Map<string, string>
  /** The scenario being played; replaced when another opens. */
  session?: ScenarioSession
}

/** The session as plain data for the reducer, taken after every command. */
export function snapshotOf(session: ScenarioSession, before: SandboxState): SessionSnapshot {
  const { scenario, world } = session
  const nextStep = scenario.steps[session.position]

  return {
    results: [...session.results],
    position: session.position,
    finished: session.finished,
    stepCount: scenario.steps.length,
    ...(nextStep ? { nextStep } : {}),
    state: session.state,
    homeAccount: world.homeAccount,
    before,
    keyRefs: invert(world.keys),
    grantRefs: invert(world.grants),
  }
}

function invert(map: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  return new Map([...map].map(([ref, id]) => [id, ref]))
}
