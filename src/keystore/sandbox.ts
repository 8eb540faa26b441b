import { applyKmsCall, type CallOptions, type KmsCall, type KmsCallResult } from './apply-kms-call'
import { advanceClock, type Duration } from './clock'
import type { ClockEvent, SandboxEvent } from './events'
import { applyIamCall, type IamCallResult } from './iam/apply-iam-call'
import type { IamInput, IamOperation } from './iam/iam-operations'
import { createIamClient, type SandboxIamClient } from './iam-client'
import { createKmsClient, type SandboxKmsClient } from './kms-client'
import type { KmsOperation } from './operations'
import { initialState, type SandboxOptions, type SandboxState } from './state'

/**
 * The mutable shell around the pure core: it keeps the history of states and
 * the events between them (`events[i]` led from `history[i]` to
 * `history[i + 1]`), and hands out clients that append to both. `history`
 * and `events` hand out frozen copies that stay the same until the next
 * change, so a UI can hold them as snapshots (useSyncExternalStore with
 * `subscribe`); inside, the arrays grow in place, so a call costs the same
 * however long the history.
 */
export class Sandbox {
  readonly #history: SandboxState[]
  readonly #events: SandboxEvent[] = []
  #historyView: readonly SandboxState[] | undefined
  #eventsView: readonly SandboxEvent[] | undefined
  readonly #listeners = new Set<() => void>()

  constructor(options: SandboxOptions = {}) {
    this.#history = [initialState(options)]
  }

  /** The current state. */
  get state(): SandboxState {
    return this.#history[this.#history.length - 1]!
  }

  /** Every state so far, oldest first; `history[0]` is the empty world. */
  get history(): readonly SandboxState[] {
    this.#historyView ??= Object.freeze([...this.#history])

    return this.#historyView
  }

  /** Every event so far, oldest first. */
  get events(): readonly SandboxEvent[] {
    this.#eventsView ??= Object.freeze([...this.#events])

    return this.#eventsView
  }

  /** How many states so far: cheaper than `history.length` while calls are being made. */
  get historyLength(): number {
    return this.#history.length
  }

  /** How many events so far: cheaper than `events.length` while calls are being made. */
  get eventCount(): number {
    return this.#events.length
  }

  /** The events from index `start` on: what the calls since then did. */
  eventsSince(start: number): readonly SandboxEvent[] {
    return this.#events.slice(start)
  }

  /** The simulated clock: read it, or move it forward. */
  readonly clock = {
    now: (): Date => new Date(this.state.now),
    advance: (duration: Duration): ClockEvent => {
      const { state, event } = advanceClock(this.state, duration)
      this.#record(state, event)

      return event
    },
  }

  /**
   * A KMS client acting as `principal`: an IAM user, role (which calls as a
   * session), role session, account root or service principal. A service
   * calling for a principal passes `{ via, context }`.
   */
  kms(principal: string, options: CallOptions = {}): SandboxKmsClient {
    return createKmsClient((call) => this.run(call), principal, options)
  }

  /** An IAM client for `account`, which comes into being when first used. */
  iam(account: string): SandboxIamClient {
    // Guard: an account ID is twelve digits.
    if (!/^\d{12}$/.test(account)) {
      throw new RangeError(`An account ID is 12 digits; got '${account}'.`)
    }

    return createIamClient((operation, input) => this.runIam(account, operation, input), account)
  }

  /** Runs one KMS call synchronously and records it; the result holds any error. */
  run<Op extends KmsOperation>(call: KmsCall<Op>): KmsCallResult<Op> {
    const result = applyKmsCall(this.state, call)
    this.#record(result.state, result.event)

    return result
  }

  /** Runs one IAM call synchronously and records it; the result holds any error. */
  runIam<Op extends IamOperation>(
    account: string,
    operation: Op,
    input: IamInput<Op>,
  ): IamCallResult<Op> {
    const result = applyIamCall(this.state, account, operation, input)
    this.#record(result.state, result.event)

    return result
  }

  /**
   * Goes back to `history[index]`, dropping every later state and event, so
   * that the next calls replay from there. The seeded generator is part of
   * the state, so the same calls mint the same identifiers again.
   */
  restore(index: number): SandboxState {
    // Guard: restore names a state in the history.
    if (!Number.isInteger(index) || index < 0 || index >= this.#history.length) {
      throw new RangeError(`No state ${index} in a history of ${this.#history.length}.`)
    }

    this.#history.length = index + 1
    this.#events.length = index
    this.#notify()

    return this.state
  }

  /** Calls `listener` after every change; returns the function that unsubscribes it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener)

    return () => this.#listeners.delete(listener)
  }

  #record(state: SandboxState, event: SandboxEvent): void {
    this.#history.push(state)
    this.#events.push(event)
    this.#notify()
  }

  #notify(): void {
    this.#historyView = undefined
    this.#eventsView = undefined
    for (const listener of this.#listeners) listener()
  }
}

/** A new sandbox: an empty world at 2026-01-01T00:00:00Z in us-west-2, with a fixed seed. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return new Sandbox(options)
}
