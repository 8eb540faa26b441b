import type { EncryptionContext } from '../../policy'
import type { CallScope } from '../call-scope'
import { decryptAsymmetric, decryptSymmetric, type EncryptionAlgorithm } from '../crypto'
import type { KeyRecord } from '../state'
import { aliasContext, authorizeKeyOperation } from './common'
import {
  checkEncryption,
  checkLength,
  ciphertextKey,
  encryptionAlgorithm,
  encryptUnder,
  materialOf,
} from './crypto-common'

export type EncryptRequest = {
  readonly KeyId: string
  readonly Plaintext: Uint8Array
  readonly EncryptionContext?: EncryptionContext
  readonly GrantTokens?: readonly string[]
  readonly EncryptionAlgorithm?: EncryptionAlgorithm
}
export type EncryptResponse = {
  readonly CiphertextBlob: Uint8Array
  readonly KeyId: string
  readonly EncryptionAlgorithm: EncryptionAlgorithm
}
export type DecryptRequest = {
  readonly CiphertextBlob: Uint8Array
  readonly EncryptionContext?: EncryptionContext
  readonly GrantTokens?: readonly string[]
  readonly KeyId?: string
  readonly EncryptionAlgorithm?: EncryptionAlgorithm
}
export type DecryptResponse = {
  readonly KeyId: string
  readonly Plaintext: Uint8Array
  readonly EncryptionAlgorithm: EncryptionAlgorithm
}

/** The largest plaintext Encrypt takes, and the largest ciphertext Decrypt takes. */
export const maxPlaintextBytes = 4096
export const maxCiphertextBytes = 6144

/**
 * Encrypt: up to 4096 bytes under a symmetric key (AES-256-GCM, the
 * encryption context bound as AAD) or an RSA ENCRYPT_DECRYPT key (OAEP).
 * Docs: KMS API Reference › Encrypt
 */
export function encrypt(scope: CallScope, input: EncryptRequest): EncryptResponse {
  const plaintext = checkLength(input.Plaintext, 'Plaintext', maxPlaintextBytes)
  const algorithm = encryptionAlgorithm(input.EncryptionAlgorithm, 'EncryptionAlgorithm')
  const context = input.EncryptionContext

  const key = authorizeKeyOperation(scope, {
    operation: 'Encrypt',
    keyId: input.KeyId,
    forms: 'any',
    ...(context ? { encryptionContext: context } : {}),
  })
  checkEncryption(key, algorithm, context)

  const CiphertextBlob = encryptUnder(key, algorithm, plaintext, context)

  return { CiphertextBlob, KeyId: key.arn, EncryptionAlgorithm: algorithm }
}

/**
 * Decrypt: finds the key from a symmetric ciphertext blob (or the KeyId for
 * RSA), authorizes kms:Decrypt on it and returns a fresh plaintext. A wrong
 * encryption context or a tampered blob is an InvalidCiphertextException.
 * Docs: KMS API Reference › Decrypt
 */
export function decrypt(scope: CallScope, input: DecryptRequest): DecryptResponse {
  const blob = checkLength(input.CiphertextBlob, 'CiphertextBlob', maxCiphertextBytes)
  const algorithm = encryptionAlgorithm(input.EncryptionAlgorithm, 'EncryptionAlgorithm')
  const context = input.EncryptionContext
  const { key, aliasName } = ciphertextKey(scope, blob, input.KeyId, algorithm)

  scope.authorize({
    action: 'kms:Decrypt',
    key,
    context: aliasContext(aliasName),
    ...(context ? { encryptionContext: context } : {}),
  })
  scope.checkKey('Decrypt', key)
  checkEncryption(key, algorithm, context)

  const Plaintext = decryptWith(key, algorithm, blob, context)

  return { KeyId: key.arn, Plaintext, EncryptionAlgorithm: algorithm }
}

/** Decrypts under a key whose usage, state and algorithm were already checked. */
export function decryptWith(
  key: KeyRecord,
  algorithm: EncryptionAlgorithm,
  blob: Uint8Array,
  context: EncryptionContext | undefined,
): Uint8Array {
  const material = materialOf(key)
  if (algorithm === 'SYMMETRIC_DEFAULT') return decryptSymmetric(material, blob, context)

  return decryptAsymmetric(material, algorithm, blob)
}
