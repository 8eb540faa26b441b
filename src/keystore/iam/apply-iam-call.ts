import type { IamEvent } from '../events'
import { toPrintable } from '../printable'
import type { SandboxState } from '../state'
import { IamError } from './iam-error'
import { iamHandlers, type IamInput, type IamOperation, type IamOutput } from './iam-operations'

/** The state after an IAM call, its event, and the response or the IamError. */
export type IamCallResult<Op extends IamOperation> = {
  readonly state: SandboxState
  readonly event: IamEvent
} & (
  | { readonly ok: true; readonly response: IamOutput<Op> }
  | { readonly ok: false; readonly error: IamError }
)

/**
 * Applies one IAM call in `account`. IAM calls are the sandbox operator's
 * set-up, so they are not authorized. Never throws for a refused call.
 */
export function applyIamCall<Op extends IamOperation>(
  state: SandboxState,
  account: string,
  operation: Op,
  input: IamInput<Op>,
): IamCallResult<Op> {
  const event = (outcome: IamEvent['outcome']): IamEvent => ({
    kind: 'iam',
    time: state.now,
    account,
    operation,
    request: toPrintable(input ?? {}),
    outcome,
  })

  try {
    const handler = iamHandlers[operation] as (s: SandboxState, a: string, i: unknown) => { state: SandboxState; response: IamOutput<Op> }
    const step = handler(state, account, input)

    return { ok: true, ...step, event: event({ ok: true, response: toPrintable(step.response) }) }
  } catch (thrown) {
    if (!(thrown instanceof IamError)) throw thrown

    return { ok: false, error: thrown, state, event: event({ ok: false, code: thrown.code, message: thrown.message }) }
  }
}
