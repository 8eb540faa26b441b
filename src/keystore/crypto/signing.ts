import {
  constants,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
  type SignKeyObjectInput,
} from 'node:crypto'

import { takeBytes } from './bytes'
import { CryptoFailure, incompatibleAlgorithm } from './crypto-failure'
import { revealKeyPair, type KeyMaterial, type NodeKeyPair } from './key-material'
import {
  isEccKeySpec,
  signingAlgorithmsBySpec,
  type EccKeySpec,
  type MessageType,
  type SigningAlgorithm,
} from './key-spec'
import { signDigestEcdsa, verifyDigestEcdsa } from './prehashed-ecdsa'
import {
  signDigestPkcs1,
  signDigestPss,
  verifyDigestPkcs1,
  verifyDigestPss,
  type ShaName,
  modulusBytes,
} from './prehashed-rsa'

/** What Sign needs besides the key. `messageType` defaults to RAW. */
export type SignRequest = {
  readonly algorithm: SigningAlgorithm
  readonly message: Uint8Array
  readonly messageType?: MessageType
}

/** What Verify needs besides the key. */
export type VerifyRequest = SignRequest & { readonly signature: Uint8Array }

type Scheme = { readonly kind: 'pss' | 'pkcs1' | 'ecdsa'; readonly hash: ShaName }

const schemes: Readonly<Record<SigningAlgorithm, Scheme>> = {
  RSASSA_PSS_SHA_256: { kind: 'pss', hash: 'sha256' },
  RSASSA_PSS_SHA_384: { kind: 'pss', hash: 'sha384' },
  RSASSA_PSS_SHA_512: { kind: 'pss', hash: 'sha512' },
  RSASSA_PKCS1_V1_5_SHA_256: { kind: 'pkcs1', hash: 'sha256' },
  RSASSA_PKCS1_V1_5_SHA_384: { kind: 'pkcs1', hash: 'sha384' },
  RSASSA_PKCS1_V1_5_SHA_512: { kind: 'pkcs1', hash: 'sha512' },
  ECDSA_SHA_256: { kind: 'ecdsa', hash: 'sha256' },
  ECDSA_SHA_384: { kind: 'ecdsa', hash: 'sha384' },
  ECDSA_SHA_512: { kind: 'ecdsa', hash: 'sha512' },
}

const digestBytes: Readonly<Record<ShaName, number>> = { sha256: 32, sha384: 48, sha512: 64 }

/**
 * Signs a message, or with messageType DIGEST a precomputed hash of it. RSA PSS
 * uses a salt as long as the hash, as KMS does; ECDSA signatures are DER.
 * Returns a fresh Uint8Array.
 */
export function sign(material: KeyMaterial, request: SignRequest): Uint8Array {
  const pair = signingKeyPair(material, request.algorithm)
  const scheme = schemes[request.algorithm]

  if (request.messageType !== 'DIGEST') {
    return takeBytes(nodeSign(scheme.hash, request.message, keyInput(pair.privateKey, scheme)))
  }

  const digest = checkedDigest(request)
  if (scheme.kind === 'ecdsa') {
    return signDigestEcdsa(eccSpec(material), pair.privateKey, digest)
  }

  return scheme.kind === 'pss'
    ? signDigestPss(pair.privateKey, scheme.hash, digest)
    : signDigestPkcs1(pair.privateKey, scheme.hash, digest)
}

/**
 * True when `signature` is valid for the message (or digest) under this key.
 * False for any mismatch or malformed signature; the caller reports that as
 * KMSInvalidSignatureException.
 */
export function verify(material: KeyMaterial, request: VerifyRequest): boolean {
  const pair = signingKeyPair(material, request.algorithm)
  const scheme = schemes[request.algorithm]
  const { message, signature } = request

  // Guard: an RSA signature is exactly as long as the key's modulus.
  // (OpenSSL would otherwise accept a copy with a leading zero byte dropped.)
  if (scheme.kind !== 'ecdsa' && signature.length !== modulusBytes(pair.publicKey)) return false

  if (request.messageType !== 'DIGEST') {
    return verifyRaw(pair.publicKey, scheme, message, signature)
  }

  const digest = checkedDigest(request)
  if (scheme.kind === 'ecdsa') {
    return verifyDigestEcdsa(eccSpec(material), pair.privateKey, digest, signature)
  }

  return scheme.kind === 'pss'
    ? verifyDigestPss(pair.publicKey, scheme.hash, digest, signature)
    : verifyDigestPkcs1(pair.publicKey, scheme.hash, digest, signature)
}

function signingKeyPair(material: KeyMaterial, algorithm: SigningAlgorithm): NodeKeyPair {
  const pair = revealKeyPair(material)

  // Guard: a signing algorithm must be one the key spec supports.
  if (!pair || !signingAlgorithmsBySpec[material.spec].includes(algorithm)) {
    throw incompatibleAlgorithm(algorithm, material.spec)
  }

  return pair
}

function checkedDigest(request: SignRequest): Uint8Array {
  const expected = digestBytes[schemes[request.algorithm].hash]

  // Guard: a DIGEST message must be exactly as long as the algorithm's hash.
  if (request.message.length !== expected) {
    throw new CryptoFailure(
      'ValidationException',
      `Digest is invalid length for algorithm ${request.algorithm}: expected ${expected} bytes.`,
    )
  }

  return request.message
}

function verifyRaw(
  publicKey: KeyObject,
  scheme: Scheme,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    return nodeVerify(scheme.hash, message, keyInput(publicKey, scheme), signature)
  } catch {
    return false
  }
}

function keyInput(key: KeyObject, scheme: Scheme): SignKeyObjectInput {
  switch (scheme.kind) {
    case 'pss':
      return {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: digestBytes[scheme.hash],
      }
    case 'pkcs1':
      return { key, padding: constants.RSA_PKCS1_PADDING }
    case 'ecdsa':
      return { key, dsaEncoding: 'der' }
  }
}

function eccSpec(material: KeyMaterial): EccKeySpec {
  if (!isEccKeySpec(material.spec)) {
    throw new Error(`ECDSA reached with key spec ${material.spec}.`)
  }

  return material.spec
}
