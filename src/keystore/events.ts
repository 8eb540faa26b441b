import type { Decision } from '../policy'
import type { KmsOperation } from './operations'
import type { Printable } from './printable'

/** How a call ended, as data: the response (binary fields redacted) or the exception. */
export type CallOutcome =
  | { readonly ok: true; readonly response: Printable }
  | { readonly ok: false; readonly code: string; readonly message: string }

/** One KMS call, allowed or not: the sandbox's CloudTrail record. */
export type KmsEvent = {
  readonly kind: 'kms'
  /** The simulated time of the call. */
  readonly time: string
  /** The principal as KMS saw it: for a role, the session ARN. */
  readonly caller: string
  /** The AWS service that made the call on the caller's behalf, if any. */
  readonly via?: string
  readonly operation: KmsOperation
  /** The key the call resolved to, when it got that far. */
  readonly keyArn?: string
  readonly request: Printable
  /** Every authorization the call needed, in order (ReEncrypt and alias calls need several). */
  readonly decisions: readonly Decision[]
  readonly outcome: CallOutcome
}

/** One IAM change made through `sandbox.iam(account)`. */
export type IamEvent = {
  readonly kind: 'iam'
  readonly time: string
  readonly account: string
  readonly operation: string
  readonly request: Printable
  readonly outcome: CallOutcome
}

/** The simulated clock moving forward, and what that did. */
export type ClockEvent = {
  readonly kind: 'clock'
  /** The time after the move. */
  readonly time: string
  readonly from: string
  /** Keys whose waiting period ended, deleted with their aliases and grants. */
  readonly deletedKeys: readonly string[]
}

/** Anything that moved the sandbox from one state to the next. */
export type SandboxEvent = KmsEvent | IamEvent | ClockEvent
