import { addToInstant, dayMs } from '../clock'
import type { CallScope } from '../call-scope'
import { toKeyMetadata, type KeyMetadata } from '../key-metadata'
import { KmsError } from '../kms-error'
import type { KeyRecord } from '../state'
import { authorizeKeyOperation, required } from './common'

export type KeyIdRequest = { readonly KeyId: string }
export type DescribeKeyRequest = KeyIdRequest & { readonly GrantTokens?: readonly string[] }
export type DescribeKeyResponse = { readonly KeyMetadata: KeyMetadata }
export type ListKeysRequest = { readonly Limit?: number; readonly Marker?: string }
export type ListKeysResponse = {
  readonly Keys: readonly { readonly KeyId: string; readonly KeyArn: string }[]
  readonly Truncated: boolean
}
export type ScheduleKeyDeletionRequest = KeyIdRequest & { readonly PendingWindowInDays?: number }
export type ScheduleKeyDeletionResponse = {
  readonly KeyId: string
  readonly DeletionDate: Date
  readonly KeyState: 'PendingDeletion'
  readonly PendingWindowInDays: number
}
export type CancelKeyDeletionResponse = { readonly KeyId: string }
export type UpdateKeyDescriptionRequest = KeyIdRequest & { readonly Description: string }

/** DescribeKey: the key's metadata, by any of its identifiers, in any state. */
export function describeKey(scope: CallScope, input: DescribeKeyRequest): DescribeKeyResponse {
  const request = { operation: 'DescribeKey', keyId: input.KeyId, forms: 'any' } as const
  const key = authorizeKeyOperation(scope, request)

  return { KeyMetadata: toKeyMetadata(key) }
}

/** ListKeys: the keys of the caller's account in the sandbox's Region; an IAM-only permission. */
export function listKeys(scope: CallScope, _input: ListKeysRequest = {}): ListKeysResponse {
  scope.authorize({ action: 'kms:ListKeys' })
  const keys = Object.values(scope.state.keys).filter((key) => key.account === scope.caller.account)

  return { Keys: keys.map((key) => ({ KeyId: key.keyId, KeyArn: key.arn })), Truncated: false }
}

/** EnableKey: a Disabled key becomes Enabled. */
export function enableKey(scope: CallScope, input: KeyIdRequest): Record<string, never> {
  const key = authorizeKeyOperation(scope, { operation: 'EnableKey', keyId: input.KeyId })
  setState(scope, key, 'Enabled')

  return {}
}

/** DisableKey: an Enabled key becomes Disabled and refuses cryptographic operations. */
export function disableKey(scope: CallScope, input: KeyIdRequest): Record<string, never> {
  const key = authorizeKeyOperation(scope, { operation: 'DisableKey', keyId: input.KeyId })
  setState(scope, key, 'Disabled')

  return {}
}

/**
 * ScheduleKeyDeletion: the key waits 7 to 30 days (30 when not given) in
 * PendingDeletion; advancing the clock past its DeletionDate deletes it.
 * Docs: KMS API Reference › ScheduleKeyDeletion
 */
export function scheduleKeyDeletion(
  scope: CallScope,
  input: ScheduleKeyDeletionRequest,
): ScheduleKeyDeletionResponse {
  const days = input.PendingWindowInDays ?? 30

  // Guard: the deletion waiting period is 7 to 30 days.
  if (!Number.isInteger(days) || days < 7 || days > 30) {
    throw new KmsError(
      'ValidationException',
      `PendingWindowInDays should be between 7 and 30, but it is ${days}`,
    )
  }

  const key = authorizeKeyOperation(scope, { operation: 'ScheduleKeyDeletion', keyId: input.KeyId })
  const deletionDate = addToInstant(scope.state.now, days * dayMs)

  scope.update((draft) => {
    const target = draft.keys[key.keyId]!
    target.state = 'PendingDeletion'
    target.deletionDate = deletionDate
    target.pendingWindowInDays = days
  })

  const DeletionDate = new Date(deletionDate)

  return { KeyId: key.arn, DeletionDate, KeyState: 'PendingDeletion', PendingWindowInDays: days }
}

/** CancelKeyDeletion: the key leaves PendingDeletion as Disabled, not Enabled. */
export function cancelKeyDeletion(
  scope: CallScope,
  input: KeyIdRequest,
): CancelKeyDeletionResponse {
  const key = authorizeKeyOperation(scope, { operation: 'CancelKeyDeletion', keyId: input.KeyId })

  scope.update((draft) => {
    const target = draft.keys[key.keyId]!
    target.state = 'Disabled'
    delete target.deletionDate
    delete target.pendingWindowInDays
  })

  return { KeyId: key.arn }
}

/** UpdateKeyDescription: replaces the key's description. */
export function updateKeyDescription(
  scope: CallScope,
  input: UpdateKeyDescriptionRequest,
): Record<string, never> {
  const description = required(input.Description as string | undefined, 'Description')
  const request = { operation: 'UpdateKeyDescription', keyId: input.KeyId }
  const key = authorizeKeyOperation(scope, request)

  scope.update((draft) => {
    draft.keys[key.keyId]!.description = description
  })

  return {}
}

function setState(scope: CallScope, key: KeyRecord, state: 'Enabled' | 'Disabled'): void {
  scope.update((draft) => {
    draft.keys[key.keyId]!.state = state
  })
}
