import {
  KmsError,
  type CallOptions,
  type KmsEvent,
  type KmsInput,
  type KmsOperation,
  type KmsOutput,
} from '../keystore'
import { ServiceError, type ActionOutcome, type KmsRunner } from './service'

/** The KMS calls of one action: each runs in the sandbox and its event is kept in order. */
export class KmsCalls {
  readonly events: KmsEvent[] = []

  constructor(private readonly sandbox: KmsRunner) {}

  /** Makes one call as `principal`; throws its KmsError when KMS refuses. */
  call<Op extends KmsOperation>(
    principal: string,
    operation: Op,
    input: KmsInput<Op>,
    options: CallOptions = {},
  ): KmsOutput<Op> {
    const result = this.sandbox.run({ principal, operation, input, options })
    this.events.push(result.event)
    if (!result.ok) throw result.error

    return result.response
  }
}

/**
 * Runs an action's body and wraps what it did as an ActionOutcome. A
 * KmsError or ServiceError becomes a failed outcome that keeps the state
 * passed in; anything else is a bug and propagates.
 */
export function perform<State, Result>(
  sandbox: KmsRunner,
  state: State,
  body: (kms: KmsCalls) => { readonly state: State; readonly result: Result },
): ActionOutcome<State, Result> {
  const kms = new KmsCalls(sandbox)

  try {
    const done = body(kms)

    return { ok: true, state: done.state, result: done.result, events: kms.events }
  } catch (error) {
    if (error instanceof KmsError || error instanceof ServiceError) {
      return { ok: false, error, state, events: kms.events }
    }

    throw error
  }
}
