import { constants, createHash, createPublicKey, verify as nodeVerify } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  createKeyMaterial,
  getPublicKeyDer,
  keyPairSpecs,
  sign,
  signingAlgorithmsBySpec,
  verify,
  type KeyMaterial,
  type KeyPairSpec,
  type SigningAlgorithm,
} from '../../../src/keystore/crypto'
import { expectFailure, flipBit, isFreshUint8Array } from './expect-failure'

type Case = { readonly spec: KeyPairSpec; readonly algorithm: SigningAlgorithm }

const keys = new Map<KeyPairSpec, KeyMaterial>()
const cases: readonly Case[] = keyPairSpecs.flatMap((spec) =>
  signingAlgorithmsBySpec[spec].map((algorithm) => ({ spec, algorithm })),
)
const message = new TextEncoder().encode('ship 3 widgets to order 1138')

beforeAll(() => {
  // RSA 4096 generation is slow, so each spec's key is made once per file.
  for (const spec of keyPairSpecs) {
    keys.set(spec, createKeyMaterial(spec))
  }
})

describe('sign', () => {
  it('produces signatures node:crypto verifies when the message type is RAW', () => {
    for (const { spec, algorithm } of cases) {
      const signature = sign(keyOf(spec), { algorithm, message })

      expect(verifyWithNode(spec, algorithm, message, signature), algorithm).toBe(true)
      expect(isFreshUint8Array(signature)).toBe(true)
    }
  })

  it('produces signatures node:crypto verifies over the message when given its digest', () => {
    for (const { spec, algorithm } of cases) {
      const digest = digestOf(algorithm, message)
      const signature = sign(keyOf(spec), { algorithm, message: digest, messageType: 'DIGEST' })

      expect(verifyWithNode(spec, algorithm, message, signature), `${spec} ${algorithm}`).toBe(true)
    }
  })

  it('uses a PSS salt exactly as long as the digest when signing with RSASSA_PSS', () => {
    for (const messageType of ['RAW', 'DIGEST'] as const) {
      const algorithm = 'RSASSA_PSS_SHA_384'
      const input = messageType === 'RAW' ? message : digestOf(algorithm, message)
      const signature = sign(keyOf('RSA_3072'), { algorithm, message: input, messageType })

      expect(verifyWithNode('RSA_3072', algorithm, message, signature, 48)).toBe(true)
      expect(verifyWithNode('RSA_3072', algorithm, message, signature, 47)).toBe(false)
    }
  })

  it('returns DER SEQUENCE signatures when the key is elliptic', () => {
    for (const spec of ['ECC_NIST_P256', 'ECC_NIST_P521'] as const) {
      const algorithm = signingAlgorithmsBySpec[spec][0] ?? 'ECDSA_SHA_256'
      const signature = sign(keyOf(spec), { algorithm, message })

      expect(signature[0]).toBe(0x30)
    }
  })

  it('Guard: a signing algorithm must be one the key spec supports', () => {
    const mismatches = [
      ['ECC_NIST_P256', 'ECDSA_SHA_384'],
      ['ECC_SECG_P256K1', 'RSASSA_PSS_SHA_256'],
      ['RSA_2048', 'ECDSA_SHA_256'],
    ] as const

    for (const [spec, algorithm] of mismatches) {
      const failure = expectFailure(() => sign(keyOf(spec), { algorithm, message }))
      expect(failure.code).toBe('InvalidKeyUsageException')
      expect(failure.message).toBe(`Algorithm ${algorithm} is incompatible with key spec ${spec}.`)
    }

    const symmetric = createKeyMaterial('SYMMETRIC_DEFAULT')
    const failure = expectFailure(() => sign(symmetric, { algorithm: 'ECDSA_SHA_256', message }))
    expect(failure.code).toBe('InvalidKeyUsageException')
  })

  it("Guard: a DIGEST message must be exactly as long as the algorithm's hash", () => {
    const digest = digestOf('ECDSA_SHA_256', message)
    const tooShort = { algorithm: 'ECDSA_SHA_384', message: digest, messageType: 'DIGEST' } as const
    const signFailure = expectFailure(() => sign(keyOf('ECC_NIST_P384'), tooShort))
    const verifyRequest = { ...tooShort, signature: new Uint8Array(8) }
    const verifyFailure = expectFailure(() => verify(keyOf('ECC_NIST_P384'), verifyRequest))

    expect(signFailure.code).toBe('ValidationException')
    expect(signFailure.message).toContain('ECDSA_SHA_384')
    expect(verifyFailure.code).toBe('ValidationException')
  })
})

describe('verify', () => {
  it('accepts a RAW signature when checked as RAW or as its digest', () => {
    for (const { spec, algorithm } of cases) {
      const signature = sign(keyOf(spec), { algorithm, message })
      const digest = digestOf(algorithm, message)

      expect(verify(keyOf(spec), { algorithm, message, signature }), algorithm).toBe(true)
      expect(
        verify(keyOf(spec), { algorithm, message: digest, messageType: 'DIGEST', signature }),
        `${spec} ${algorithm}`,
      ).toBe(true)
    }
  })

  it('rejects a signature when one bit of it is flipped', () => {
    for (const { spec, algorithm } of cases) {
      const signature = flipBit(sign(keyOf(spec), { algorithm, message }), 8 * 20 + 3)
      const digest = digestOf(algorithm, message)
      const asDigest = { algorithm, message: digest, messageType: 'DIGEST', signature } as const

      expect(verify(keyOf(spec), { algorithm, message, signature }), algorithm).toBe(false)
      expect(verify(keyOf(spec), asDigest), `${spec} ${algorithm} DIGEST`).toBe(false)
      expect(verifyWithNode(spec, algorithm, message, signature)).toBe(false)
    }
  })

  it('rejects a signature when one bit of the message is flipped', () => {
    for (const { spec, algorithm } of cases) {
      const signature = sign(keyOf(spec), { algorithm, message })
      const altered = flipBit(message, 0)
      const digest = digestOf(algorithm, altered)
      const asDigest = { algorithm, message: digest, messageType: 'DIGEST', signature } as const

      expect(verify(keyOf(spec), { algorithm, message: altered, signature })).toBe(false)
      expect(verify(keyOf(spec), asDigest), `${spec} ${algorithm}`).toBe(false)
    }
  })

  it("rejects a signature when it is empty, truncated or another key's", () => {
    const other = createKeyMaterial('ECC_NIST_P256')

    for (const { spec, algorithm } of cases) {
      const signature = sign(keyOf(spec), { algorithm, message })
      const digest = digestOf(algorithm, message)

      const bads = [new Uint8Array(), signature.subarray(1), new Uint8Array(signature.length)]

      for (const bad of bads) {
        const asDigest = { algorithm, message: digest, messageType: 'DIGEST' } as const
        expect(verify(keyOf(spec), { algorithm, message, signature: bad })).toBe(false)
        expect(verify(keyOf(spec), { ...asDigest, signature: bad }), algorithm).toBe(false)
      }
    }

    const p256Signature = sign(keyOf('ECC_NIST_P256'), { algorithm: 'ECDSA_SHA_256', message })
    expect(verify(other, { algorithm: 'ECDSA_SHA_256', message, signature: p256Signature })).toBe(
      false,
    )
  })
})

function keyOf(spec: KeyPairSpec): KeyMaterial {
  const key = keys.get(spec)
  if (!key) {
    throw new Error(`No ${spec} key was made.`)
  }

  return key
}

function hashOf(algorithm: SigningAlgorithm): 'sha256' | 'sha384' | 'sha512' {
  return `sha${algorithm.slice(-3)}` as 'sha256' | 'sha384' | 'sha512'
}

function digestOf(algorithm: SigningAlgorithm, data: Uint8Array): Uint8Array {
  return createHash(hashOf(algorithm)).update(data).digest()
}

/** Verifies with plain node:crypto and only the public key DER, as an offline caller would. */
function verifyWithNode(
  spec: KeyPairSpec,
  algorithm: SigningAlgorithm,
  data: Uint8Array,
  signature: Uint8Array,
  saltLength = createHash(hashOf(algorithm)).digest().length,
): boolean {
  const der = Buffer.from(getPublicKeyDer(keyOf(spec)))
  const key = createPublicKey({ key: der, format: 'der', type: 'spki' })

  if (algorithm.startsWith('RSASSA_PSS')) {
    const padding = constants.RSA_PKCS1_PSS_PADDING
    return nodeVerify(hashOf(algorithm), data, { key, padding, saltLength }, signature)
  }

  if (algorithm.startsWith('RSASSA_PKCS1')) {
    const padding = constants.RSA_PKCS1_PADDING
    return nodeVerify(hashOf(algorithm), data, { key, padding }, signature)
  }

  return nodeVerify(hashOf(algorithm), data, { key, dsaEncoding: 'der' }, signature)
}

describe('verify, RSA signature length', () => {
  it("Guard: an RSA signature is exactly as long as the key's modulus", () => {
    const key = createKeyMaterial('RSA_2048')
    const message = new TextEncoder().encode('length matters')
    const signature = sign(key, { algorithm: 'RSASSA_PKCS1_V1_5_SHA_256', message })
    const padded = new Uint8Array([0, ...signature])

    expect(verify(key, { algorithm: 'RSASSA_PKCS1_V1_5_SHA_256', message, signature })).toBe(true)
    expect(verify(key, { algorithm: 'RSASSA_PKCS1_V1_5_SHA_256', message, signature: padded })).toBe(false)
  })
})
