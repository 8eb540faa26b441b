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

type AnyHandler<Op extends IamOperation> = (
  state: SandboxState,
  account: string,
  input: unknown,
) => { readonly state: SandboxState; readonly response: IamOutput<Op> }

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
  const event = (outcome: IamEvent['outcome']): IamEvent => {
    const request = toPrintable(input ?? {})

    return { kind: 'iam', time: state.now, account, operation, request, outcome }
  }

  try {
    const step = (iamHandlers[operation] as AnyHandler<Op>)(state, account, input)
    const outcome = { ok: true, response: toPrintable(step.response) } as const

    return { ok: true, ...step, event: event(outcome) }
  } catch (thrown) {
    if (!(thrown instanceof IamError)) throw thrown

    const outcome = { ok: false, code: thrown.code, message: thrown.message } as const

    return { ok: false, error: thrown, state, event: event(outcome) }
  }
}
