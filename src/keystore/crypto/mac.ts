import { createHmac, timingSafeEqual } from 'node:crypto'

import { takeBytes } from './bytes'
import { incompatibleAlgorithm } from './crypto-failure'
import { revealSecret, type KeyMaterial } from './key-material'
import { isHmacKeySpec, macAlgorithmBySpec, type MacAlgorithm } from './key-spec'

const hashByAlgorithm: Readonly<Record<MacAlgorithm, string>> = {
  HMAC_SHA_224: 'sha224',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
}

/**
 * Computes the HMAC of `message` and returns a fresh Uint8Array. Throws
 * CryptoFailure InvalidKeyUsageException when the algorithm does not match the
 * key spec (HMAC_SHA_256 needs an HMAC_256 key, and so on).
 */
export function generateMac(
  material: KeyMaterial,
  algorithm: MacAlgorithm,
  message: Uint8Array,
): Uint8Array {
  const key = hmacKey(material, algorithm)

  return takeBytes(createHmac(hashByAlgorithm[algorithm], key).update(message).digest())
}

/**
 * True when `mac` is the HMAC of `message`, compared in constant time. False
 * for any mismatch, including a wrong length; the caller reports that as
 * KMSInvalidMacException.
 */
export function verifyMac(
  material: KeyMaterial,
  algorithm: MacAlgorithm,
  message: Uint8Array,
  mac: Uint8Array,
): boolean {
  const expected = createHmac(hashByAlgorithm[algorithm], hmacKey(material, algorithm))
    .update(message)
    .digest()

  return expected.length === mac.length && timingSafeEqual(expected, mac)
}

function hmacKey(material: KeyMaterial, algorithm: MacAlgorithm): Buffer {
  const secret = revealSecret(material)
  const spec = material.spec

  // Guard: a MAC algorithm must match the HMAC key spec's size.
  if (!isHmacKeySpec(spec) || macAlgorithmBySpec[spec] !== algorithm || secret.kind !== 'secret') {
    throw incompatibleAlgorithm(algorithm, spec)
  }

  return secret.bytes
}
