import type { SandboxState } from '../keystore'
import { buildWorld, type World } from './build-world'
import type { ExtraWorld } from './run-extra-steps'
import { runStep } from './run-step'
import type { Scenario, ScenarioStep } from './scenario-schema'
import type { StepResult } from './step-result'

/** Where the session stood before a step: enough to take the step back. */
type Mark = {
  readonly historyLength: number
  readonly services: ExtraWorld['services']
  readonly outputs: ReadonlyMap<string, unknown>
}

/**
 * A scenario being played: its world and the steps run so far. Steps run
 * forward one at a time and can be taken back, because every state the
 * sandbox passed through is kept and the seeded generator lives in the state:
 * running a step again mints the same IDs.
 */
export class ScenarioSession {
  readonly #results: StepResult[] = []
  readonly #marks: Mark[] = []
  readonly #outputs = new Map<string, unknown>()
  readonly #extra: ExtraWorld = { services: {} }

  private constructor(
    readonly scenario: Scenario,
    readonly world: World,
  ) {}

  /** Builds the scenario's world; nothing has run yet. */
  static async start(scenario: Scenario): Promise<ScenarioSession> {
    return new ScenarioSession(scenario, await buildWorld(scenario))
  }

  /** Everything played so far, in order: the scenario's steps and any free-play steps between them. */
  get results(): readonly StepResult[] {
    return this.#results
  }

  /** The index of the next scenario step to run; equal to the step count when done. */
  get position(): number {
    return this.#results.filter((result) => !result.extra).length
  }

  get finished(): boolean {
    return this.position >= this.scenario.steps.length
  }

  /** The sandbox's state now. */
  get state(): SandboxState {
    return this.world.sandbox.state
  }

  /** The service state now (EBS volumes and the like). */
  get services(): ExtraWorld['services'] {
    return this.#extra.services
  }

  /** Runs the next step; undefined when every step has run. */
  async next(): Promise<StepResult | undefined> {
    const step = this.scenario.steps[this.position]
    if (!step) return undefined

    return this.#play(step, this.position, false)
  }

  /**
   * Runs a step that is not part of the scenario (free play) against the
   * world as it stands. It can be taken back like any other.
   */
  async runExtra(step: ScenarioStep): Promise<StepResult> {
    // A free-play step gets an id, so later ones can read its result: $steps.play-1.CiphertextBlob.
    const named = step.id ? step : { ...step, id: this.#nextPlayId() }

    return this.#play(named, this.#results.length, true)
  }

  #nextPlayId(): string {
    const taken = new Set([...this.scenario.steps, ...this.#results.map((result) => result.step)].map((step) => step.id))
    let n = this.#results.filter((result) => result.extra).length + 1
    while (taken.has(`play-${n}`)) n++

    return `play-${n}`
  }

  async #play(step: ScenarioStep, index: number, extra: boolean): Promise<StepResult> {
    this.#marks.push({
      historyLength: this.world.sandbox.historyLength,
      services: this.#extra.services,
      outputs: new Map(this.#outputs),
    })
    const context = { world: this.world, extra: this.#extra, outputs: this.#outputs }
    const result = await runStep(step, index, context)
    const played = extra ? { ...result, extra: true } : result
    this.#results.push(played)

    return played
  }

  /** Takes the last step back: the world returns to how it was before it. */
  back(): void {
    const mark = this.#marks.pop()
    if (!mark) return

    this.#results.pop()
    this.world.sandbox.restore(mark.historyLength - 1)
    this.#extra.services = mark.services
    this.#outputs.clear()
    for (const [id, output] of mark.outputs) this.#outputs.set(id, output)
  }

  /** Takes every step back, to the world the setup made. */
  restart(): void {
    while (this.#marks.length > 0) this.back()
  }
}

/** A whole scenario run headlessly: every step, and whether every expectation held. */
export type ScenarioRun = {
  readonly scenario: Scenario
  readonly results: readonly StepResult[]
  readonly passed: boolean
}

/** Runs every step of a scenario on a fresh world. */
export async function runScenario(scenario: Scenario): Promise<ScenarioRun> {
  const session = await ScenarioSession.start(scenario)
  while (!session.finished) await session.next()

  const passed = session.results.every((result) => result.unmet.length === 0)

  return { scenario, results: session.results, passed }
}
