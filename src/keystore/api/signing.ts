import type { CallScope } from '../call-scope'
import {
  getPublicKeyDer,
  messageTypes,
  sign as signMessage,
  signingAlgorithms,
  verify as verifySignature,
  type EncryptionAlgorithm,
  type KeySpec,
  type KeyUsage,
  type MessageType,
  type SigningAlgorithm,
} from '../crypto'
import { algorithmsOf } from '../key-metadata'
import { KmsError } from '../kms-error'
import type { KeyRecord } from '../state'
import { authorizeKeyOperation, requireEnum, required } from './common'
import { checkLength, materialOf } from './crypto-common'

export type SignRequest = {
  readonly KeyId: string
  readonly Message: Uint8Array
  readonly MessageType?: MessageType
  readonly GrantTokens?: readonly string[]
  readonly SigningAlgorithm: SigningAlgorithm
}
export type SignResponse = {
  readonly KeyId: string
  readonly Signature: Uint8Array
  readonly SigningAlgorithm: SigningAlgorithm
}
export type VerifyRequest = SignRequest & { readonly Signature: Uint8Array }
export type VerifyResponse = {
  readonly KeyId: string
  readonly SignatureValid: true
  readonly SigningAlgorithm: SigningAlgorithm
}
export type GetPublicKeyRequest = {
  readonly KeyId: string
  readonly GrantTokens?: readonly string[]
}
export type GetPublicKeyResponse = {
  readonly KeyId: string
  readonly PublicKey: Uint8Array
  readonly CustomerMasterKeySpec: KeySpec
  readonly KeySpec: KeySpec
  readonly KeyUsage: KeyUsage
  readonly EncryptionAlgorithms?: readonly EncryptionAlgorithm[]
  readonly SigningAlgorithms?: readonly SigningAlgorithm[]
}

/** The largest message Sign and Verify take. */
export const maxMessageBytes = 4096

/** Sign: a signature over a message (or its digest) with an asymmetric SIGN_VERIFY key. */
export function sign(scope: CallScope, input: SignRequest): SignResponse {
  const { key, request } = signingRequest(scope, input, 'Sign')
  const Signature = signMessage(materialOf(key), request)

  return { KeyId: key.arn, Signature, SigningAlgorithm: request.algorithm }
}

/** Verify: checks a signature inside KMS; a mismatch is a KMSInvalidSignatureException. */
export function verify(scope: CallScope, input: VerifyRequest): VerifyResponse {
  const signature = required(input.Signature, 'Signature')
  const { key, request } = signingRequest(scope, input, 'Verify')

  // Guard: Verify refuses a signature that does not match the message and key.
  if (!verifySignature(materialOf(key), { ...request, signature })) {
    throw new KmsError('KMSInvalidSignatureException', '')
  }

  return { KeyId: key.arn, SignatureValid: true, SigningAlgorithm: request.algorithm }
}

/** GetPublicKey: the DER SubjectPublicKeyInfo of an asymmetric key, to use outside KMS. */
export function getPublicKey(scope: CallScope, input: GetPublicKeyRequest): GetPublicKeyResponse {
  const request = { operation: 'GetPublicKey', keyId: input.KeyId, forms: 'any' } as const
  const key = authorizeKeyOperation(scope, request)

  return {
    KeyId: key.arn,
    PublicKey: getPublicKeyDer(materialOf(key)),
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    KeyUsage: key.keyUsage,
    ...algorithmsOf(key.keySpec, key.keyUsage),
  }
}

function signingRequest(scope: CallScope, input: SignRequest, operation: 'Sign' | 'Verify') {
  const message = checkLength(input.Message, 'Message', maxMessageBytes)
  const field = 'SigningAlgorithm'
  const algorithm = requireEnum(required(input.SigningAlgorithm, field), signingAlgorithms, field)!
  const messageType = requireEnum(input.MessageType, messageTypes, 'MessageType') ?? 'RAW'
  const key: KeyRecord = authorizeKeyOperation(scope, {
    operation,
    keyId: input.KeyId,
    forms: 'any',
    context: { 'kms:SigningAlgorithm': algorithm, 'kms:MessageType': messageType },
  })

  return { key, request: { algorithm, message, messageType } }
}
