import { generateKeyPairSync, randomFillSync, type KeyObject } from 'node:crypto'

import {
  isEccKeySpec,
  isRsaKeySpec,
  type EccKeySpec,
  type HmacKeySpec,
  type KeySpec,
  type RsaKeySpec,
} from './key-spec'

/** A node:crypto key pair. */
export type NodeKeyPair = { readonly publicKey: KeyObject; readonly privateKey: KeyObject }

/**
 * The secret behind a key: raw bytes for AES and HMAC, a key pair otherwise.
 * Only this folder sees it; the public index never exports it.
 */
export type KeySecret =
  | { readonly kind: 'secret'; readonly bytes: Buffer }
  | ({ readonly kind: 'pair' } & NodeKeyPair)

/**
 * Opaque key material. Its spec is visible; its key is not, and it prints as
 * '[key material]' through JSON.stringify and util.inspect alike.
 */
export type KeyMaterial = {
  readonly spec: KeySpec
  toJSON(): string
}

const redacted = '[key material]'
const secrets = new WeakMap<KeyMaterial, KeySecret>()

const secretBytesBySpec: Readonly<Record<'SYMMETRIC_DEFAULT' | HmacKeySpec, number>> = {
  SYMMETRIC_DEFAULT: 32,
  HMAC_224: 28,
  HMAC_256: 32,
  HMAC_384: 48,
  HMAC_512: 64,
}

/** The node:crypto name of each elliptic curve. */
export const curveBySpec: Readonly<Record<EccKeySpec, string>> = {
  ECC_NIST_P256: 'prime256v1',
  ECC_NIST_P384: 'secp384r1',
  ECC_NIST_P521: 'secp521r1',
  ECC_SECG_P256K1: 'secp256k1',
}

const rsaBitsBySpec: Readonly<Record<RsaKeySpec, number>> = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
}

class RedactedKeyMaterial implements KeyMaterial {
  constructor(readonly spec: KeySpec) {
    Object.freeze(this)
  }

  toJSON(): string {
    return redacted
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return redacted
  }
}

/** Generates fresh random key material of `spec`. RSA 4096 takes about a second. */
export function createKeyMaterial(spec: KeySpec): KeyMaterial {
  const material = new RedactedKeyMaterial(spec)
  secrets.set(material, generateSecret(spec))

  return material
}

/**
 * The secret inside `material`, for this folder's operations only. Throws a
 * plain Error for a value that createKeyMaterial did not make: that is a bug.
 */
export function revealSecret(material: KeyMaterial): KeySecret {
  const secret = secrets.get(material)
  if (!secret) {
    throw new Error('Key material was not made by createKeyMaterial.')
  }

  return secret
}

/** The key pair inside `material`, or undefined for a symmetric or HMAC key. */
export function revealKeyPair(material: KeyMaterial): NodeKeyPair | undefined {
  const secret = revealSecret(material)

  return secret.kind === 'pair' ? secret : undefined
}

/** Generates a node key pair for an RSA or elliptic-curve spec. */
export function generateKeyPairFor(spec: RsaKeySpec | EccKeySpec): NodeKeyPair {
  if (isRsaKeySpec(spec)) {
    return generateKeyPairSync('rsa', { modulusLength: rsaBitsBySpec[spec] })
  }

  return generateKeyPairSync('ec', { namedCurve: curveBySpec[spec] })
}

function generateSecret(spec: KeySpec): KeySecret {
  if (isRsaKeySpec(spec) || isEccKeySpec(spec)) {
    return { kind: 'pair', ...generateKeyPairFor(spec) }
  }

  // Buffer.alloc never draws from node's shared pool, so no other data sits beside the key.
  return { kind: 'secret', bytes: randomFillSync(Buffer.alloc(secretBytesBySpec[spec])) }
}
