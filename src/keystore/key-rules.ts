// What a key's state and usage allow, independent of who asks.
// Docs: KMS Developer Guide › Key states of AWS KMS keys (the key state table);
// API Reference › InvalidKeyUsageException.

export const keyStates = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport'] as const
export type KeyState = (typeof keyStates)[number]

/** An exception KMS raises after authorization because of the key itself. */
export type KeyRuleError = {
  readonly code:
    | 'DisabledException'
    | 'KMSInvalidStateException'
    | 'InvalidKeyUsageException'
    | 'UnsupportedOperationException'
  readonly message: string
}

const rotationOperations: ReadonlySet<string> = new Set([
  'EnableKeyRotation',
  'DisableKeyRotation',
  'GetKeyRotationStatus',
])

const cryptoOperations: ReadonlySet<string> = new Set([
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'ReEncryptFrom',
  'ReEncryptTo',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'CreateGrant',
  'Sign',
  'Verify',
  'GenerateMac',
  'VerifyMac',
  'GetPublicKey',
])

// Operations refused while a key waits for deletion, beyond the cryptographic ones.
const refusedWhilePendingDeletion: ReadonlySet<string> = new Set([
  'EnableKey',
  'DisableKey',
  'ScheduleKeyDeletion',
  'TagResource',
  'UntagResource',
  'UpdateKeyDescription',
  'CreateAlias',
  'EnableKeyRotation',
  'DisableKeyRotation',
])

/**
 * The exception an operation meets because of the key's state, or undefined
 * when the state allows it. Checked after authorization, as KMS reports an
 * AccessDeniedException first.
 */
export function keyStateError(
  operation: string,
  state: KeyState,
  keyArn: string,
): KeyRuleError | undefined {
  if (operation === 'CancelKeyDeletion') {
    return state === 'PendingDeletion'
      ? undefined
      : { code: 'KMSInvalidStateException', message: `${keyArn} is not pending deletion.` }
  }

  if (state === 'Enabled') return undefined

  const crypto = cryptoOperations.has(operation)
  if (state === 'Disabled') {
    const refused = crypto || ['EnableKeyRotation', 'DisableKeyRotation'].includes(operation)

    return refused ? { code: 'DisabledException', message: `${keyArn} is disabled.` } : undefined
  }

  if (state === 'PendingDeletion') {
    const refused = crypto || refusedWhilePendingDeletion.has(operation)

    return refused
      ? { code: 'KMSInvalidStateException', message: `${keyArn} is pending deletion.` }
      : undefined
  }

  // Only keys with Origin EXTERNAL wait for an import, and their material never rotates.
  if (rotationOperations.has(operation)) {
    const message = `${keyArn} origin is EXTERNAL which is not valid for this operation.`

    return { code: 'UnsupportedOperationException', message }
  }

  const refusedWhilePendingImport = crypto || ['EnableKey', 'DisableKey'].includes(operation)

  return refusedWhilePendingImport
    ? { code: 'KMSInvalidStateException', message: `${keyArn} is pending import.` }
    : undefined
}

const usageOf: Readonly<Record<string, string>> = {
  Encrypt: 'ENCRYPT_DECRYPT',
  Decrypt: 'ENCRYPT_DECRYPT',
  ReEncrypt: 'ENCRYPT_DECRYPT',
  ReEncryptFrom: 'ENCRYPT_DECRYPT',
  ReEncryptTo: 'ENCRYPT_DECRYPT',
  GenerateDataKey: 'ENCRYPT_DECRYPT',
  GenerateDataKeyWithoutPlaintext: 'ENCRYPT_DECRYPT',
  GenerateDataKeyPair: 'ENCRYPT_DECRYPT',
  GenerateDataKeyPairWithoutPlaintext: 'ENCRYPT_DECRYPT',
  Sign: 'SIGN_VERIFY',
  Verify: 'SIGN_VERIFY',
  GenerateMac: 'GENERATE_VERIFY_MAC',
  VerifyMac: 'GENERATE_VERIFY_MAC',
}

const symmetricOnly: ReadonlySet<string> = new Set([
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
])

/**
 * The exception an operation meets because of the key's usage or spec: a
 * signing key cannot encrypt, only symmetric keys make data keys, and only
 * asymmetric keys have a public key.
 */
export function keyUsageError(
  operation: string,
  key: { readonly arn: string; readonly usage: string; readonly spec: string },
): KeyRuleError | undefined {
  const needed = usageOf[operation]
  if (needed !== undefined && key.usage !== needed) {
    const message = `${key.arn} key usage is ${key.usage} which is not valid for ${operation}.`

    return { code: 'InvalidKeyUsageException', message }
  }

  if (symmetricOnly.has(operation) && key.spec !== 'SYMMETRIC_DEFAULT') {
    // The exact AWS wording for this case is not documented.
    const message = `${key.arn} key spec is ${key.spec} which is not valid for ${operation}.`

    return { code: 'InvalidKeyUsageException', message }
  }

  const asymmetric = key.spec.startsWith('RSA_') || key.spec.startsWith('ECC_')
  if (operation === 'GetPublicKey' && !asymmetric) {
    const message = `${key.arn} key spec is ${key.spec} which is not valid for GetPublicKey.`

    return { code: 'UnsupportedOperationException', message }
  }

  return undefined
}
