import type { EncryptionContext, GrantRequest } from '../../policy'
import type { CallScope } from '../call-scope'
import { fieldError } from '../kms-error'
import { resolveKey, type KeyIdForms, type ResolvedKey } from '../resolve-key'
import type { KeyRecord } from '../state'

/** What most key operations do first: find the key, authorize, check its state and usage. */
export type KeyOperation = {
  /** The operation, e.g. `Encrypt`; the action is `kms:` + operation. */
  readonly operation: string
  readonly keyId: string | undefined
  /** Defaults to key ID or key ARN only, as most management operations accept. */
  readonly forms?: KeyIdForms
  readonly encryptionContext?: EncryptionContext
  readonly grantRequest?: GrantRequest
  /** Extra request condition keys, e.g. kms:BypassPolicyLockoutSafetyCheck. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>
}

/**
 * Resolves the key (NotFoundException), authorizes the caller
 * (AccessDeniedException), then checks the key's state and usage, in that
 * order. Returns the key.
 */
export function authorizeKeyOperation(scope: CallScope, request: KeyOperation): KeyRecord {
  const { key, aliasName } = findKey(scope, request.keyId, request.forms ?? 'key-only')

  scope.authorize({
    action: `kms:${request.operation}`,
    key,
    context: { ...aliasContext(aliasName), ...request.context },
    ...(request.encryptionContext ? { encryptionContext: request.encryptionContext } : {}),
    ...(request.grantRequest ? { grantRequest: request.grantRequest } : {}),
  })
  scope.checkKey(request.operation, key)

  return key
}

/** Resolves a KeyId in the caller's account; the first key a call finds is its event's key. */
export function findKey(
  scope: CallScope,
  keyId: string | undefined,
  forms: KeyIdForms,
  field = 'keyId',
): ResolvedKey {
  const resolved = resolveKey(scope.state, scope.caller.account, required(keyId, field), forms)
  scope.keyArn ??= resolved.key.arn

  return resolved
}

/** The kms:RequestAlias condition key, when the request named its key by an alias. */
export function aliasContext(aliasName: string | undefined): Readonly<Record<string, string>> {
  return aliasName ? { 'kms:RequestAlias': aliasName } : {}
}

/** The value of a required request field, or a ValidationException in AWS's wording. */
export function required<T>(value: T | undefined, field: string): T {
  // Guard: a required request field must be present.
  if (value === undefined || value === null || value === '') {
    throw fieldError(field, 'Member must not be null', null)
  }

  return value
}

/** Throws a ValidationException unless `value` is one of `allowed`. */
export function requireEnum<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  field: string,
): T | undefined {
  if (value === undefined) return undefined

  // Guard: an enumerated request field must hold one of its values.
  if (!(allowed as readonly string[]).includes(value)) {
    throw fieldError(field, `Member must satisfy enum value set: [${allowed.join(', ')}]`, value)
  }

  return value as T
}
