import { constants, privateDecrypt, publicEncrypt } from 'node:crypto'

import { takeBytes } from './bytes'
import { CryptoFailure, incompatibleAlgorithm, invalidCiphertext } from './crypto-failure'
import { revealKeyPair, type KeyMaterial, type NodeKeyPair } from './key-material'
import {
  encryptionAlgorithmsBySpec,
  isRsaKeySpec,
  rsaMaxPlaintextBytes,
  type RsaEncryptionAlgorithm,
} from './key-spec'

const oaepHash: Readonly<Record<RsaEncryptionAlgorithm, string>> = {
  RSAES_OAEP_SHA_1: 'sha1',
  RSAES_OAEP_SHA_256: 'sha256',
}

/**
 * Encrypts `plaintext` with RSA OAEP; the MGF1 hash is the OAEP hash. Throws
 * CryptoFailure ValidationException when the plaintext is too long for the key.
 */
export function encryptAsymmetric(
  material: KeyMaterial,
  algorithm: RsaEncryptionAlgorithm,
  plaintext: Uint8Array,
): Uint8Array {
  const publicKey = rsaKey(material, algorithm).publicKey
  const spec = material.spec
  const limit = isRsaKeySpec(spec) ? rsaMaxPlaintextBytes[spec][algorithm] : 0

  // Guard: RSA OAEP refuses a plaintext longer than the key spec's limit.
  if (plaintext.length > limit) {
    throw new CryptoFailure(
      'ValidationException',
      `Algorithm ${algorithm} and key spec ${spec} cannot encrypt data larger than ${limit} bytes.`,
    )
  }

  const padding = constants.RSA_PKCS1_OAEP_PADDING
  const options = { key: publicKey, padding, oaepHash: oaepHash[algorithm] }

  return takeBytes(publicEncrypt(options, plaintext))
}

/**
 * Decrypts an RSA OAEP ciphertext and returns a fresh plaintext copy. Throws
 * CryptoFailure InvalidCiphertextException for anything that does not decrypt.
 */
export function decryptAsymmetric(
  material: KeyMaterial,
  algorithm: RsaEncryptionAlgorithm,
  ciphertext: Uint8Array,
): Uint8Array {
  const privateKey = rsaKey(material, algorithm).privateKey
  const padding = constants.RSA_PKCS1_OAEP_PADDING
  const options = { key: privateKey, padding, oaepHash: oaepHash[algorithm] }

  try {
    return takeBytes(privateDecrypt(options, ciphertext))
  } catch {
    throw invalidCiphertext()
  }
}

/**
 * The public key of an RSA or elliptic-curve key as DER SubjectPublicKeyInfo,
 * the form GetPublicKey returns. Throws UnsupportedOperationException for a
 * symmetric or HMAC key, which has no public half.
 */
export function getPublicKeyDer(material: KeyMaterial): Uint8Array {
  const pair = revealKeyPair(material)

  // Guard: a symmetric or HMAC key has no public key to return.
  if (!pair) {
    throw new CryptoFailure(
      'UnsupportedOperationException',
      `Key spec ${material.spec} has no public key.`,
    )
  }

  return takeBytes(pair.publicKey.export({ format: 'der', type: 'spki' }))
}

function rsaKey(material: KeyMaterial, algorithm: RsaEncryptionAlgorithm): NodeKeyPair {
  const pair = revealKeyPair(material)

  // Guard: an encryption algorithm must be one the key spec supports.
  if (!pair || !encryptionAlgorithmsBySpec[material.spec].includes(algorithm)) {
    throw incompatibleAlgorithm(algorithm, material.spec)
  }

  return pair
}
