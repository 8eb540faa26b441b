import type { EncryptionContext } from '../../policy'
import {
  encryptionAlgorithms,
  encryptionAlgorithmsBySpec,
  encryptSymmetric,
  encryptAsymmetric,
  readBlobKeyId,
  type EncryptionAlgorithm,
  type KeyMaterial,
} from '../crypto'
import type { CallScope } from '../call-scope'
import { KmsError, fieldError } from '../kms-error'
import { findKeyByArn, type ResolvedKey } from '../resolve-key'
import type { KeyRecord } from '../state'
import { findKey, requireEnum, required } from './common'

/** An encryption algorithm field, SYMMETRIC_DEFAULT when omitted. */
export function encryptionAlgorithm(
  value: EncryptionAlgorithm | undefined,
  field: string,
): EncryptionAlgorithm {
  return requireEnum(value, encryptionAlgorithms, field) ?? 'SYMMETRIC_DEFAULT'
}

/** The material of a key that passed its state check; its absence is a sandbox bug. */
export function materialOf(key: KeyRecord): KeyMaterial {
  if (!key.material) throw new Error(`${key.arn} passed its state check without key material.`)

  return key.material
}

/** Throws unless `bytes` holds 1 to `max` bytes, in AWS's validation wording. */
export function checkLength(bytes: Uint8Array | undefined, field: string, max: number): Uint8Array {
  const value = required(bytes, field)

  // Guard: binary request fields hold from 1 byte up to their documented maximum.
  if (value.length < 1 || value.length > max) {
    const bound = value.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${max}`
    throw fieldError(field, `Member must have length ${bound}`)
  }

  return value
}

// KMS rule: asymmetric keys take no encryption context, and each key spec has fixed algorithms.
// Docs: KMS API Reference › Encrypt (EncryptionAlgorithm, EncryptionContext)
/** Throws unless the key can use `algorithm` and, for an asymmetric key, no context is given. */
export function checkEncryption(
  key: KeyRecord,
  algorithm: EncryptionAlgorithm,
  context?: EncryptionContext,
): void {
  // Guard: the encryption algorithm must be one the key spec supports.
  if (!encryptionAlgorithmsBySpec[key.keySpec].includes(algorithm)) {
    throw new KmsError(
      'InvalidKeyUsageException',
      `Algorithm ${algorithm} is incompatible with key spec ${key.keySpec}.`,
    )
  }

  // Guard: an encryption context is accepted only with symmetric encryption keys.
  if (key.keySpec !== 'SYMMETRIC_DEFAULT' && context && Object.keys(context).length > 0) {
    throw new KmsError(
      'ValidationException',
      'EncryptionContext is not supported for asymmetric KMS keys.',
    )
  }
}

/** Encrypts under a key whose usage, state and algorithm were already checked. */
export function encryptUnder(
  key: KeyRecord,
  algorithm: EncryptionAlgorithm,
  plaintext: Uint8Array,
  context: EncryptionContext | undefined,
): Uint8Array {
  const material = materialOf(key)
  if (algorithm === 'SYMMETRIC_DEFAULT') {
    return encryptSymmetric(material, key.arn, plaintext, context)
  }

  return encryptAsymmetric(material, algorithm, plaintext)
}

/**
 * The key that can decrypt a ciphertext. Symmetric blobs name their key, and
 * a KeyId that names another key is an IncorrectKeyException; RSA
 * ciphertext names nothing, so the KeyId is required.
 * Docs: KMS API Reference › Decrypt (KeyId)
 */
export function ciphertextKey(
  scope: CallScope,
  blob: Uint8Array,
  keyId: string | undefined,
  algorithm: EncryptionAlgorithm,
): ResolvedKey {
  const requested = keyId === undefined ? undefined : findKey(scope, keyId, 'any')
  if (algorithm !== 'SYMMETRIC_DEFAULT') {
    // Guard: decrypting with an asymmetric key needs its KeyId.
    if (!requested) {
      throw new KmsError('ValidationException', 'KeyId is required for asymmetric decryption.')
    }

    return requested
  }

  const blobArn = readBlobKeyId(blob)

  // Guard: a symmetric ciphertext blob must name the key that made it.
  if (!blobArn) throw new KmsError('InvalidCiphertextException', '')

  // Guard: a KeyId given with a symmetric ciphertext must name the key that made it.
  if (requested && requested.key.arn !== blobArn) {
    throw new KmsError(
      'IncorrectKeyException',
      'The key ID in the request does not identify a CMK that can perform this operation.',
    )
  }

  const key = findKeyByArn(scope.state, blobArn)
  if (!key) throw new KmsError('NotFoundException', `Key '${blobArn}' does not exist`)
  scope.keyArn ??= key.arn

  return requested ?? { key }
}
