import { createCipheriv, createDecipheriv, randomBytes, type CipherGCM } from 'node:crypto'

import { takeBytes } from './bytes'
import {
  isBlobKeyId,
  ivBytes,
  parseCiphertextBlob,
  tagBytes,
  toBlobHeader,
} from './ciphertext-blob'
import { incompatibleAlgorithm, invalidCiphertext } from './crypto-failure'
import { canonicalizeContext, type EncryptionContext } from './encryption-context'
import { revealSecret, type KeyMaterial } from './key-material'

/**
 * Encrypts `plaintext` with AES-256-GCM under a SYMMETRIC_DEFAULT key and
 * returns a fresh, self-describing ciphertext blob that names `keyId`. Both the
 * key ID and the canonical encryption context are bound as AAD.
 */
export function encryptSymmetric(
  material: KeyMaterial,
  keyId: string,
  plaintext: Uint8Array,
  context?: EncryptionContext,
): Uint8Array {
  const key = symmetricKey(material)

  // The keystore mints key IDs, so one that does not fit the header is a bug.
  if (!isBlobKeyId(keyId)) {
    throw new Error(`Key ID ${JSON.stringify(keyId)} must be 1–255 printable ASCII characters.`)
  }

  const header = toBlobHeader(keyId)
  const iv = randomBytes(ivBytes)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes })
  cipher.setAAD(additionalData(header, context))

  return takeBytes(header, iv, ...ciphertextWithTag(cipher, plaintext))
}

/**
 * Decrypts a blob made by encryptSymmetric and returns a fresh plaintext copy.
 * Throws CryptoFailure InvalidCiphertextException, with an empty message, for
 * a blob that is truncated, tampered with, or bound to another context or key.
 */
export function decryptSymmetric(
  material: KeyMaterial,
  blob: Uint8Array,
  context?: EncryptionContext,
): Uint8Array {
  const key = symmetricKey(material)
  const parts = parseCiphertextBlob(blob)

  // Guard: a blob that is not a sandbox ciphertext blob is an invalid ciphertext.
  if (!parts) {
    throw invalidCiphertext()
  }

  try {
    const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: tagBytes })
    decipher.setAAD(additionalData(parts.header, context))
    decipher.setAuthTag(parts.tag)

    return takeBytes(decipher.update(parts.ciphertext), decipher.final())
  } catch {
    throw invalidCiphertext()
  }
}

/** The key ID a ciphertext blob names, or undefined for a blob that is not ours or is truncated. */
export function readBlobKeyId(blob: Uint8Array): string | undefined {
  return parseCiphertextBlob(blob)?.keyId
}

function symmetricKey(material: KeyMaterial): Buffer {
  const secret = revealSecret(material)

  // Guard: only a SYMMETRIC_DEFAULT key encrypts with AES-GCM.
  if (material.spec !== 'SYMMETRIC_DEFAULT' || secret.kind !== 'secret') {
    throw incompatibleAlgorithm('SYMMETRIC_DEFAULT', material.spec)
  }

  return secret.bytes
}

function ciphertextWithTag(cipher: CipherGCM, plaintext: Uint8Array): readonly Buffer[] {
  const ciphertext = [cipher.update(plaintext), cipher.final()]

  return [cipher.getAuthTag(), ...ciphertext]
}

function additionalData(header: Uint8Array, context: EncryptionContext | undefined): Buffer {
  return Buffer.concat([header, canonicalizeContext(context)])
}
