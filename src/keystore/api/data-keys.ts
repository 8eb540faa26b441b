import type { EncryptionContext } from '../../policy'
import {
  encryptSymmetric,
  generateDataKeyPair as generatePair,
  keyPairSpecs,
  randomBytes,
  type KeyPairSpec,
} from '../crypto'
import type { CallScope } from '../call-scope'
import { KmsError, fieldError } from '../kms-error'
import type { KeyRecord } from '../state'
import { authorizeKeyOperation, requireEnum, required } from './common'
import { materialOf } from './crypto-common'

export type GenerateDataKeyRequest = {
  readonly KeyId: string
  readonly EncryptionContext?: EncryptionContext
  readonly NumberOfBytes?: number
  readonly KeySpec?: 'AES_256' | 'AES_128'
  readonly GrantTokens?: readonly string[]
}
export type GenerateDataKeyResponse = {
  readonly CiphertextBlob: Uint8Array
  readonly Plaintext: Uint8Array
  readonly KeyId: string
}
export type GenerateDataKeyWithoutPlaintextResponse = Omit<GenerateDataKeyResponse, 'Plaintext'>
export type GenerateDataKeyPairRequest = {
  readonly KeyId: string
  readonly KeyPairSpec: KeyPairSpec
  readonly EncryptionContext?: EncryptionContext
  readonly GrantTokens?: readonly string[]
}
export type GenerateDataKeyPairResponse = {
  readonly PrivateKeyCiphertextBlob: Uint8Array
  readonly PrivateKeyPlaintext: Uint8Array
  readonly PublicKey: Uint8Array
  readonly KeyId: string
  readonly KeyPairSpec: KeyPairSpec
}
export type GenerateDataKeyPairWithoutPlaintextResponse = Omit<
  GenerateDataKeyPairResponse,
  'PrivateKeyPlaintext'
>

/**
 * GenerateDataKey: a random data key in plaintext and encrypted under a
 * symmetric key, for envelope encryption. The plaintext is a fresh buffer the
 * caller may zero.
 * Docs: KMS API Reference › GenerateDataKey
 */
export function generateDataKey(
  scope: CallScope,
  input: GenerateDataKeyRequest,
): GenerateDataKeyResponse {
  return dataKey(scope, input, 'GenerateDataKey')
}

/** GenerateDataKeyWithoutPlaintext: the same, returning only the encrypted copy. */
export function generateDataKeyWithoutPlaintext(
  scope: CallScope,
  input: GenerateDataKeyRequest,
): GenerateDataKeyWithoutPlaintextResponse {
  const { Plaintext, ...rest } = dataKey(scope, input, 'GenerateDataKeyWithoutPlaintext')
  Plaintext.fill(0)

  return rest
}

/** GenerateDataKeyPair: an RSA or ECC pair, its private key encrypted under a symmetric key. */
export function generateDataKeyPair(
  scope: CallScope,
  input: GenerateDataKeyPairRequest,
): GenerateDataKeyPairResponse {
  return dataKeyPair(scope, input, 'GenerateDataKeyPair')
}

/** GenerateDataKeyPairWithoutPlaintext: the same, without the plaintext private key. */
export function generateDataKeyPairWithoutPlaintext(
  scope: CallScope,
  input: GenerateDataKeyPairRequest,
): GenerateDataKeyPairWithoutPlaintextResponse {
  const operation = 'GenerateDataKeyPairWithoutPlaintext'
  const { PrivateKeyPlaintext, ...rest } = dataKeyPair(scope, input, operation)
  PrivateKeyPlaintext.fill(0)

  return rest
}

function dataKey(
  scope: CallScope,
  input: GenerateDataKeyRequest,
  operation: string,
): GenerateDataKeyResponse {
  const size = dataKeySize(input)
  const key = authorizeWithContext(scope, operation, input.KeyId, input.EncryptionContext)

  const Plaintext = randomBytes(size)
  const context = input.EncryptionContext
  const CiphertextBlob = encryptSymmetric(materialOf(key), key.arn, Plaintext, context)

  return { CiphertextBlob, Plaintext, KeyId: key.arn }
}

function dataKeyPair(
  scope: CallScope,
  input: GenerateDataKeyPairRequest,
  operation: string,
): GenerateDataKeyPairResponse {
  const spec = required(requireEnum(input.KeyPairSpec, keyPairSpecs, 'KeyPairSpec'), 'KeyPairSpec')
  const key = authorizeWithContext(scope, operation, input.KeyId, input.EncryptionContext, {
    'kms:DataKeyPairSpec': spec,
  })

  const pair = generatePair(spec)
  const blob = encryptSymmetric(materialOf(key), key.arn, pair.privateKey, input.EncryptionContext)

  return {
    PrivateKeyCiphertextBlob: blob,
    PrivateKeyPlaintext: pair.privateKey,
    PublicKey: pair.publicKey,
    KeyId: key.arn,
    KeyPairSpec: spec,
  }
}

function authorizeWithContext(
  scope: CallScope,
  operation: string,
  keyId: string,
  encryptionContext: EncryptionContext | undefined,
  context?: Readonly<Record<string, string>>,
): KeyRecord {
  return authorizeKeyOperation(scope, {
    operation,
    keyId,
    forms: 'any',
    ...(encryptionContext ? { encryptionContext } : {}),
    ...(context ? { context } : {}),
  })
}

function dataKeySize(input: GenerateDataKeyRequest): number {
  const spec = requireEnum(input.KeySpec, ['AES_256', 'AES_128'] as const, 'KeySpec')
  const count = input.NumberOfBytes

  // Guard: a data key request gives exactly one of KeySpec and NumberOfBytes.
  if ((spec === undefined) === (count === undefined)) {
    throw new KmsError('ValidationException', 'Please specify either number of bytes or key spec.')
  }

  if (spec) return spec === 'AES_256' ? 32 : 16

  // Guard: NumberOfBytes is from 1 to 1024.
  if (!Number.isInteger(count) || count! < 1 || count! > 1024) {
    throw fieldError('numberOfBytes', 'Member must have value between 1 and 1024', count)
  }

  return count!
}
