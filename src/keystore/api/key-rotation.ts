import { addToInstant, dayMs } from '../clock'
import type { CallScope } from '../call-scope'
import { KmsError, fieldError } from '../kms-error'
import type { KeyRecord } from '../state'
import { authorizeKeyOperation } from './common'
import type { KeyIdRequest } from './key-lifecycle'

export type EnableKeyRotationRequest = KeyIdRequest & { readonly RotationPeriodInDays?: number }
export type GetKeyRotationStatusResponse = {
  readonly KeyRotationEnabled: boolean
  readonly KeyId: string
  readonly RotationPeriodInDays?: number
  readonly NextRotationDate?: Date
}

/**
 * EnableKeyRotation: turns on yearly (or every RotationPeriodInDays, 90 to
 * 2560) rotation of a symmetric encryption key's material. The sandbox
 * records the schedule; it does not rotate material.
 */
export function enableKeyRotation(
  scope: CallScope,
  input: EnableKeyRotationRequest,
): Record<string, never> {
  const periodInDays = input.RotationPeriodInDays ?? 365

  // Guard: a rotation period is 90 to 2560 days.
  if (!Number.isInteger(periodInDays) || periodInDays < 90 || periodInDays > 2560) {
    const constraint = 'Member must have value between 90 and 2560'
    throw fieldError('RotationPeriodInDays', constraint, periodInDays)
  }

  const key = rotatableKey(scope, 'EnableKeyRotation', input.KeyId)
  const nextRotationDate = addToInstant(scope.state.now, periodInDays * dayMs)

  scope.update((draft) => {
    draft.keys[key.keyId]!.rotation = { periodInDays, nextRotationDate }
  })

  return {}
}

/** DisableKeyRotation: turns automatic rotation off. */
export function disableKeyRotation(scope: CallScope, input: KeyIdRequest): Record<string, never> {
  const key = rotatableKey(scope, 'DisableKeyRotation', input.KeyId)

  scope.update((draft) => {
    delete draft.keys[key.keyId]!.rotation
  })

  return {}
}

/** GetKeyRotationStatus: whether rotation is on and when it is next due. */
export function getKeyRotationStatus(
  scope: CallScope,
  input: KeyIdRequest,
): GetKeyRotationStatusResponse {
  const key = rotatableKey(scope, 'GetKeyRotationStatus', input.KeyId)
  const rotation = key.rotation
  if (!rotation) return { KeyRotationEnabled: false, KeyId: key.arn }

  return {
    KeyRotationEnabled: true,
    KeyId: key.arn,
    RotationPeriodInDays: rotation.periodInDays,
    NextRotationDate: new Date(rotation.nextRotationDate),
  }
}

// KMS rule: only symmetric encryption keys with KMS-made material rotate automatically.
// Docs: KMS Developer Guide › Rotating AWS KMS keys
function rotatableKey(scope: CallScope, operation: string, keyId: string): KeyRecord {
  const key = authorizeKeyOperation(scope, { operation, keyId })

  // Guard: automatic rotation applies only to symmetric encryption keys.
  if (key.keySpec !== 'SYMMETRIC_DEFAULT') {
    throw new KmsError(
      'UnsupportedOperationException',
      `${key.arn} key spec is ${key.keySpec} which is not valid for this operation.`,
    )
  }

  return key
}
