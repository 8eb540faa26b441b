import type { EncryptionContext } from '../../policy'
import type { CallScope } from '../call-scope'
import type { EncryptionAlgorithm } from '../crypto'
import { aliasContext, findKey } from './common'
import {
  checkEncryption,
  checkLength,
  ciphertextKey,
  encryptionAlgorithm,
  encryptUnder,
} from './crypto-common'
import { decryptWith, maxCiphertextBytes } from './encrypt-decrypt'

export type ReEncryptRequest = {
  readonly CiphertextBlob: Uint8Array
  readonly SourceEncryptionContext?: EncryptionContext
  readonly SourceKeyId?: string
  readonly DestinationKeyId: string
  readonly DestinationEncryptionContext?: EncryptionContext
  readonly SourceEncryptionAlgorithm?: EncryptionAlgorithm
  readonly DestinationEncryptionAlgorithm?: EncryptionAlgorithm
  readonly GrantTokens?: readonly string[]
}
export type ReEncryptResponse = {
  readonly CiphertextBlob: Uint8Array
  readonly SourceKeyId: string
  readonly KeyId: string
  readonly SourceEncryptionAlgorithm: EncryptionAlgorithm
  readonly DestinationEncryptionAlgorithm: EncryptionAlgorithm
}

/**
 * ReEncrypt: decrypts under the source key and encrypts under the
 * destination key inside KMS; the plaintext never leaves. The caller needs
 * kms:ReEncryptFrom on the source and kms:ReEncryptTo on the destination,
 * each evaluated with its own encryption context; both decisions are recorded.
 * Docs: KMS API Reference › ReEncrypt
 */
export function reEncrypt(scope: CallScope, input: ReEncryptRequest): ReEncryptResponse {
  const blob = checkLength(input.CiphertextBlob, 'CiphertextBlob', maxCiphertextBytes)
  const sourceAlgorithm = encryptionAlgorithm(
    input.SourceEncryptionAlgorithm,
    'SourceEncryptionAlgorithm',
  )
  const destinationAlgorithm = encryptionAlgorithm(
    input.DestinationEncryptionAlgorithm,
    'DestinationEncryptionAlgorithm',
  )
  const sourceContext = input.SourceEncryptionContext
  const destinationContext = input.DestinationEncryptionContext

  const source = ciphertextKey(scope, blob, input.SourceKeyId, sourceAlgorithm)
  const destination = findKey(scope, input.DestinationKeyId, 'any', 'DestinationKeyId')

  scope.authorizeAll([
    {
      action: 'kms:ReEncryptFrom',
      key: source.key,
      context: aliasContext(source.aliasName),
      ...(sourceContext ? { encryptionContext: sourceContext } : {}),
    },
    {
      action: 'kms:ReEncryptTo',
      key: destination.key,
      context: aliasContext(destination.aliasName),
      ...(destinationContext ? { encryptionContext: destinationContext } : {}),
    },
  ])
  scope.checkKey('ReEncrypt', source.key)
  scope.checkKey('ReEncrypt', destination.key)
  checkEncryption(source.key, sourceAlgorithm, sourceContext)
  checkEncryption(destination.key, destinationAlgorithm, destinationContext)

  const plaintext = decryptWith(source.key, sourceAlgorithm, blob, sourceContext)
  try {
    const { key } = destination
    const CiphertextBlob = encryptUnder(key, destinationAlgorithm, plaintext, destinationContext)

    return {
      CiphertextBlob,
      SourceKeyId: source.key.arn,
      KeyId: destination.key.arn,
      SourceEncryptionAlgorithm: sourceAlgorithm,
      DestinationEncryptionAlgorithm: destinationAlgorithm,
    }
  } finally {
    plaintext.fill(0)
  }
}
