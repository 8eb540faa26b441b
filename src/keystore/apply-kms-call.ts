import type { ContextValue } from '../policy'
import { lowerKeys } from './authorize'
import { CallScope } from './call-scope'
import { resolveCaller } from './caller'
import { CryptoFailure } from './crypto'
import type { KmsEvent } from './events'
import { checkGrantTokens } from './grant-rules'
import { KmsError } from './kms-error'
import { kmsHandlers, type KmsInput, type KmsOperation, type KmsOutput } from './operations'
import { toPrintable } from './printable'
import type { SandboxState } from './state'

/** How a client calls: extra request context and, for a service, on whose behalf. */
export type CallOptions = {
  /** Condition keys the call's situation adds, e.g. `{ 'kms:ViaService': 'ec2.…' }`. */
  readonly context?: Readonly<Record<string, ContextValue>>
  /**
   * The AWS service calling on the principal's behalf, e.g. `ec2.amazonaws.com`.
   * It sets kms:ViaService (`ec2.<region>.amazonaws.com`) and, on CreateGrant,
   * ListGrants and RevokeGrant, kms:GrantIsForAWSResource `true`, unless
   * `context` gives them; the event records it.
   */
  readonly via?: string
  /** The session name a role's calls carry; `session` when not given. */
  readonly sessionName?: string
}

/** One KMS request by one principal. */
export type KmsCall<Op extends KmsOperation> = {
  readonly principal: string
  readonly operation: Op
  readonly input: KmsInput<Op>
  readonly options?: CallOptions
}

/** The state after a call, its event, and the response or the exception. */
export type KmsCallResult<Op extends KmsOperation> = {
  readonly state: SandboxState
  readonly event: KmsEvent
} & (
  | { readonly ok: true; readonly response: KmsOutput<Op> }
  | { readonly ok: false; readonly error: KmsError }
)

type Handler<Op extends KmsOperation> = (scope: CallScope, input: unknown) => KmsOutput<Op>

/**
 * Applies one KMS call to a state and returns the next state, the event
 * that records it, and the response or the KmsError. Pure apart from key
 * generation and random bytes; never throws for a refused call (the error is
 * in the result), and a refused call leaves the state unchanged.
 */
export function applyKmsCall<Op extends KmsOperation>(
  state: SandboxState,
  call: KmsCall<Op>,
): KmsCallResult<Op> {
  const options = call.options ?? {}
  let scope: CallScope | undefined

  try {
    const caller = resolveCaller(state, call.principal, options.sessionName)
    const grantTokens = grantTokensOf(call.input)
    checkGrantTokens(grantTokens)

    const context = requestContext(state.region, call.operation, options)
    scope = new CallScope(state, caller, context, grantTokens)
    const handler = kmsHandlers[call.operation] as Handler<Op>
    const response = handler(scope, call.input)
    const event = eventOf(state, call, scope, { ok: true, response: toPrintable(response) })

    return { ok: true, response, state: scope.state, event }
  } catch (thrown) {
    const error = toKmsError(thrown)
    const outcome = { ok: false, code: error.code, message: error.message } as const
    const event = eventOf(state, call, scope, outcome)

    return { ok: false, error, state, event }
  }
}

function requestContext(region: string, operation: KmsOperation, options: CallOptions) {
  const service = options.via?.split('.')[0]
  const grantCall = ['CreateGrant', 'ListGrants', 'RevokeGrant'].includes(operation)
  const implied: Record<string, ContextValue> = service
    ? {
        'kms:ViaService': `${service}.${region}.amazonaws.com`,
        ...(grantCall ? { 'kms:GrantIsForAWSResource': 'true' } : {}),
      }
    : {}

  return { ...lowerKeys(implied), ...lowerKeys(options.context ?? {}) }
}

function grantTokensOf(input: unknown): readonly string[] {
  const tokens = (input as { readonly GrantTokens?: readonly string[] } | undefined)?.GrantTokens

  return tokens ?? []
}

function eventOf(
  state: SandboxState,
  call: KmsCall<KmsOperation>,
  scope: CallScope | undefined,
  outcome: KmsEvent['outcome'],
): KmsEvent {
  return {
    kind: 'kms',
    time: state.now,
    caller: scope?.caller.principal ?? call.principal,
    operation: call.operation,
    request: toPrintable(call.input ?? {}),
    decisions: [...(scope?.decisions ?? [])],
    outcome,
    ...(call.options?.via ? { via: call.options.via } : {}),
    ...(scope?.keyArn ? { keyArn: scope.keyArn } : {}),
  }
}

function toKmsError(thrown: unknown): KmsError {
  if (thrown instanceof KmsError) return thrown
  if (thrown instanceof CryptoFailure) return new KmsError(thrown.code, thrown.message)

  throw thrown
}
