import { createECDH, type KeyObject } from 'node:crypto'

import { decodeEcdsaDer, encodeEcdsaDer, toBigInt, toFixedBytes } from './ecdsa-der'
import { curveBySpec } from './key-material'
import type { EccKeySpec } from './key-spec'

// node:crypto's sign and verify always hash the message, so for MessageType
// DIGEST this file does ECDSA's scalar arithmetic (mod n) with BigInt and lets
// OpenSSL do every point multiplication through ECDH. BigInt is not constant
// time; fine for a teaching sandbox, not for production keys.
// Docs: SEC 1 v2 §4.1.3 (signing) and §4.1.4 (verifying)

/** The order n of each curve's base point. */
export const curveOrder: Readonly<Record<EccKeySpec, bigint>> = {
  ECC_NIST_P256: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  ECC_NIST_P384:
    0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  ECC_NIST_P521:
    0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
  ECC_SECG_P256K1: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
}

/** Signs a precomputed digest with ECDSA and returns the DER signature. */
export function signDigestEcdsa(
  spec: EccKeySpec,
  privateKey: KeyObject,
  digest: Uint8Array,
): Uint8Array {
  const n = curveOrder[spec]
  const d = privateScalar(privateKey)
  const e = digestToInteger(digest, n)

  for (;;) {
    // ECDH's key generation is a random nonce k together with the point k·G.
    const nonce = createECDH(curveBySpec[spec])
    const point = nonce.generateKeys()
    const k = toBigInt(nonce.getPrivateKey())
    const r = xCoordinate(point) % n
    const s = (inverse(k, n) * (e + r * d)) % n
    if (r !== 0n && s !== 0n) {
      return encodeEcdsaDer({ r, s })
    }
  }
}

/**
 * Checks a DER ECDSA signature over a precomputed digest. KMS holds the private
 * key, so u1·G + u2·Q is computed as (u1 + u2·d)·G: one ECDH multiplication.
 */
export function verifyDigestEcdsa(
  spec: EccKeySpec,
  privateKey: KeyObject,
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  const n = curveOrder[spec]
  const decoded = decodeEcdsaDer(signature)
  if (!decoded || decoded.r >= n || decoded.s >= n) {
    return false
  }

  const w = inverse(decoded.s, n)
  const scalar = (digestToInteger(digest, n) * w + decoded.r * w * privateScalar(privateKey)) % n
  if (scalar === 0n) {
    return false
  }

  const ecdh = createECDH(curveBySpec[spec])
  ecdh.setPrivateKey(toFixedBytes(scalar, byteLength(n)))

  return xCoordinate(ecdh.getPublicKey()) % n === decoded.r
}

/** SEC 1 §4.1.3 step 5: the leftmost bits of the digest, as many as n has. */
function digestToInteger(digest: Uint8Array, n: bigint): bigint {
  const excessBits = digest.length * 8 - n.toString(2).length

  return excessBits > 0 ? toBigInt(digest) >> BigInt(excessBits) : toBigInt(digest)
}

function privateScalar(privateKey: KeyObject): bigint {
  const { d } = privateKey.export({ format: 'jwk' })

  return toBigInt(Buffer.from(d ?? '', 'base64url'))
}

/** The x coordinate of an uncompressed point 04 ‖ x ‖ y. */
function xCoordinate(point: Uint8Array): bigint {
  return toBigInt(point.subarray(1, 1 + (point.length - 1) / 2))
}

/** a⁻¹ mod n by the extended Euclidean algorithm; n is prime and a is not a multiple of it. */
function inverse(a: bigint, n: bigint): bigint {
  let [oldR, r] = [((a % n) + n) % n, n]
  let [oldS, s] = [1n, 0n]
  while (r !== 0n) {
    const quotient = oldR / r
    ;[oldR, r] = [r, oldR - quotient * r]
    ;[oldS, s] = [s, oldS - quotient * s]
  }

  return ((oldS % n) + n) % n
}

function byteLength(n: bigint): number {
  return Math.ceil(n.toString(2).length / 8)
}
