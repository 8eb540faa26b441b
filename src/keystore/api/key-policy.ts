import { castDraft } from 'immer'

import type { CallScope } from '../call-scope'
import {
  accountsNamed,
  checkLockout,
  checkPrincipalsExist,
  parseKeyPolicy,
} from '../key-policy-rules'
import { KmsError } from '../kms-error'
import { ensureAccount } from '../state'
import { authorizeKeyOperation, required } from './common'
import type { KeyIdRequest } from './key-lifecycle'

export type GetKeyPolicyRequest = KeyIdRequest & { readonly PolicyName?: string }
export type GetKeyPolicyResponse = { readonly Policy: string; readonly PolicyName: 'default' }
export type PutKeyPolicyRequest = KeyIdRequest & {
  readonly Policy: string
  readonly PolicyName?: string
  readonly BypassPolicyLockoutSafetyCheck?: boolean
}
export type ListKeyPoliciesResponse = {
  readonly PolicyNames: readonly ['default']
  readonly Truncated: false
}

/** GetKeyPolicy: the key policy text, as stored (deleted principals show as unique IDs). */
export function getKeyPolicy(scope: CallScope, input: GetKeyPolicyRequest): GetKeyPolicyResponse {
  const key = authorizeKeyOperation(scope, { operation: 'GetKeyPolicy', keyId: input.KeyId })
  checkPolicyName(input.PolicyName)

  return { Policy: key.policy.text, PolicyName: 'default' }
}

/**
 * PutKeyPolicy: replaces the key policy. The new policy must parse, name only
 * existing principals and, unless bypassed, still let the caller put a key
 * policy afterwards.
 * Docs: KMS API Reference › PutKeyPolicy
 */
export function putKeyPolicy(scope: CallScope, input: PutKeyPolicyRequest): Record<string, never> {
  const text = required(input.Policy as string | undefined, 'Policy')
  const bypass = input.BypassPolicyLockoutSafetyCheck ?? false
  const key = authorizeKeyOperation(scope, {
    operation: 'PutKeyPolicy',
    keyId: input.KeyId,
    context: { 'kms:BypassPolicyLockoutSafetyCheck': String(bypass) },
  })
  checkPolicyName(input.PolicyName)

  const policy = parseKeyPolicy(text)
  checkPrincipalsExist(scope.state, policy.document)
  checkLockout(scope, key, policy.document, bypass)

  scope.update((draft) => {
    for (const account of accountsNamed(policy.document)) ensureAccount(draft, account)
    draft.keys[key.keyId]!.policy = castDraft(policy)
  })

  return {}
}

/** ListKeyPolicies: always the one policy name KMS supports, `default`. */
export function listKeyPolicies(scope: CallScope, input: KeyIdRequest): ListKeyPoliciesResponse {
  authorizeKeyOperation(scope, { operation: 'ListKeyPolicies', keyId: input.KeyId })

  return { PolicyNames: ['default'], Truncated: false }
}

function checkPolicyName(name: string | undefined): void {
  // Guard: the only key policy name is default.
  if (name !== undefined && name !== 'default') {
    throw new KmsError('NotFoundException', 'No such policy exists')
  }
}
