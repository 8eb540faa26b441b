import type { KmsError, KmsEvent, Sandbox } from '../keystore'

// A service is a named set of actions over its own immutable state. An action
// runs for one principal, makes its KMS calls through the sandbox (which
// records them), and returns the next state beside what the calls did; the
// caller keeps both, so a scenario runner can step back and forth through
// the sandbox's history and the service's states together.

/** What a service needs of a sandbox: one recorded KMS call at a time. */
export type KmsRunner = Pick<Sandbox, 'run'>

/** How one action ended: the next state, the KMS calls it made, and its result or error. */
export type ActionOutcome<State, Result> = {
  /** The next state; the one passed in when the action failed. */
  readonly state: State
  /** Every KMS call the action made, in order, refused ones included. */
  readonly events: readonly KmsEvent[]
} & (
  | { readonly ok: true; readonly result: Result }
  | { readonly ok: false; readonly error: KmsError | ServiceError }
)

/**
 * One action of a service, e.g. EC2's AttachVolume. Synchronous, as the
 * sandbox is; never throws for a refused call or a bad request (the error is
 * in the outcome), only for a bug.
 */
export type ServiceAction<State, Args, Result> = (
  sandbox: KmsRunner,
  principal: string,
  args: Args,
  state: State,
) => ActionOutcome<State, Result>

/** An AWS service the sandbox simulates: its name, its own principal, its state and actions. */
export type Service<
  State,
  Actions extends Readonly<Record<string, ServiceAction<State, never, unknown>>>,
> = {
  /** The service's short name, e.g. `ec2`. */
  readonly name: string
  /** The service principal, e.g. `ec2.amazonaws.com`: `via` for its calls on a user's behalf. */
  readonly principal: string
  readonly initialState: State
  readonly actions: Actions
}

/**
 * A request the service itself refuses before or instead of calling KMS. As
 * in the AWS SDK, `name` is the error code, which is the service's own.
 */
export class ServiceError<Code extends string = string> extends Error {
  override readonly name: Code

  constructor(
    readonly service: string,
    readonly code: Code,
    message: string,
  ) {
    super(message)
    this.name = code
  }
}
