import { castDraft, produce, type Draft } from 'immer'

import { evaluate, type ContextValue, type Decision } from '../policy'
import { toAuthorizationRequest, type AuthorizeSpec } from './authorize'
import type { Caller } from './caller'
import { keyStateError, keyUsageError } from './key-rules'
import { KmsError } from './kms-error'
import type { RngState } from './rng'
import type { KeyRecord, SandboxState } from './state'

/**
 * One KMS call in progress: the state it has built so far, who calls, and
 * every decision taken. Handlers read `state`, authorize, check the key, and
 * only then `update`; a call that throws leaves nothing behind, because
 * applyKmsCall keeps the state it started from.
 */
export class CallScope {
  state: SandboxState
  readonly decisions: Decision[] = []
  /** The key the call acted on, for the event. */
  keyArn: string | undefined

  constructor(
    state: SandboxState,
    readonly caller: Caller,
    readonly context: Readonly<Record<string, ContextValue>>,
    readonly grantTokens: readonly string[],
  ) {
    this.state = state
  }

  /**
   * Asks the engine and records the decision; throws AccessDeniedException,
   * with the decision attached, unless it allows.
   */
  authorize(spec: AuthorizeSpec): Decision {
    const decision = this.evaluate(spec)

    if (decision.verdict !== 'Allow') {
      throw new KmsError('AccessDeniedException', decision.message ?? '', decision)
    }

    return decision
  }

  /**
   * Asks the engine about every spec and records each decision, then throws
   * for the first one that does not allow: used where KMS needs several
   * permissions for one call and the explanation should show them all.
   */
  authorizeAll(specs: readonly AuthorizeSpec[]): void {
    const denied = specs.map((spec) => this.evaluate(spec)).find((d) => d.verdict !== 'Allow')

    if (denied) {
      throw new KmsError('AccessDeniedException', denied.message ?? '', denied)
    }
  }

  /** Asks the engine and records the decision, whatever it is. */
  evaluate(spec: AuthorizeSpec): Decision {
    const { state, caller, context, grantTokens } = this
    const decision = evaluate(toAuthorizationRequest({ state, caller, context, grantTokens }, spec))
    this.decisions.push(decision)

    return decision
  }

  /** Throws the exception KMS raises because of the key's state or usage, if any. */
  checkKey(operation: string, key: KeyRecord): void {
    const problem =
      keyStateError(operation, key.state, key.arn) ??
      keyUsageError(operation, { arn: key.arn, usage: key.keyUsage, spec: key.keySpec })

    if (problem) throw new KmsError(problem.code, problem.message)
  }

  /** Applies a change to the state being built. */
  update(recipe: (draft: Draft<SandboxState>) => void): void {
    this.state = produce(this.state, recipe)
  }

  /** Draws an identifier from the seeded generator held in the state. */
  draw(next: (rng: RngState) => readonly [string, RngState]): string {
    const [value, rng] = next(this.state.rng)
    this.update((draft) => {
      draft.rng = castDraft(rng)
    })

    return value
  }
}
