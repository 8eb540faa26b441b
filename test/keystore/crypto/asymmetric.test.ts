import { constants, createPublicKey, publicEncrypt } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  createKeyMaterial,
  decryptAsymmetric,
  encryptAsymmetric,
  getPublicKeyDer,
  rsaKeySpecs,
  rsaMaxPlaintextBytes,
  type KeyMaterial,
  type RsaKeySpec,
} from '../../../src/keystore/crypto'
import { expectFailure, flipBit, isFreshUint8Array } from './expect-failure'

const algorithms = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] as const
const rsaKeys = new Map<RsaKeySpec, KeyMaterial>()

beforeAll(() => {
  // RSA 4096 generation is slow, so each spec's key is made once per file.
  for (const spec of rsaKeySpecs) {
    rsaKeys.set(spec, createKeyMaterial(spec))
  }
})

function rsaKey(spec: RsaKeySpec): KeyMaterial {
  const key = rsaKeys.get(spec)
  if (!key) {
    throw new Error(`No ${spec} key was made.`)
  }

  return key
}

describe('encryptAsymmetric and decryptAsymmetric', () => {
  it('round-trips the largest allowed plaintext when any RSA spec and algorithm are used', () => {
    for (const spec of rsaKeySpecs) {
      for (const algorithm of algorithms) {
        const plaintext = new Uint8Array(rsaMaxPlaintextBytes[spec][algorithm]).fill(0x5a)
        const ciphertext = encryptAsymmetric(rsaKey(spec), algorithm, plaintext)
        const decrypted = decryptAsymmetric(rsaKey(spec), algorithm, ciphertext)

        expect(decrypted, `${spec} ${algorithm}`).toEqual(plaintext)
        expect(isFreshUint8Array(decrypted) && isFreshUint8Array(ciphertext)).toBe(true)
      }
    }
  })

  it('decrypts when node:crypto encrypted offline with the public key', () => {
    const publicKey = createPublicKey({
      key: Buffer.from(getPublicKeyDer(rsaKey('RSA_2048'))),
      format: 'der',
      type: 'spki',
    })
    const plaintext = new TextEncoder().encode('offline secret')

    for (const [algorithm, oaepHash] of [
      ['RSAES_OAEP_SHA_1', 'sha1'],
      ['RSAES_OAEP_SHA_256', 'sha256'],
    ] as const) {
      const padding = constants.RSA_PKCS1_OAEP_PADDING
      const ciphertext = publicEncrypt({ key: publicKey, padding, oaepHash }, plaintext)
      expect(decryptAsymmetric(rsaKey('RSA_2048'), algorithm, ciphertext)).toEqual(plaintext)
    }
  })

  it("Guard: RSA OAEP refuses a plaintext longer than the key spec's limit", () => {
    const failure = expectFailure(() =>
      encryptAsymmetric(rsaKey('RSA_2048'), 'RSAES_OAEP_SHA_256', new Uint8Array(191)),
    )

    expect(failure.code).toBe('ValidationException')
    expect(failure.message).toBe(
      'Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than ' +
        '190 bytes.',
    )
  })

  it('throws ValidationException when the plaintext is one byte over for every spec', () => {
    for (const spec of rsaKeySpecs) {
      for (const algorithm of algorithms) {
        const tooLong = new Uint8Array(rsaMaxPlaintextBytes[spec][algorithm] + 1)
        const failure = expectFailure(() => encryptAsymmetric(rsaKey(spec), algorithm, tooLong))
        expect(failure.code, `${spec} ${algorithm}`).toBe('ValidationException')
      }
    }
  })

  it('throws InvalidCiphertextException when the ciphertext is tampered or truncated', () => {
    const key = rsaKey('RSA_2048')
    const ciphertext = encryptAsymmetric(key, 'RSAES_OAEP_SHA_256', new Uint8Array([1, 2, 3]))

    for (const bad of [flipBit(ciphertext, 100), ciphertext.subarray(1), new Uint8Array()]) {
      const failure = expectFailure(() => decryptAsymmetric(key, 'RSAES_OAEP_SHA_256', bad))
      expect([failure.code, failure.message]).toEqual(['InvalidCiphertextException', ''])
    }
  })

  it('throws InvalidCiphertextException when decrypting with the other OAEP hash', () => {
    const key = rsaKey('RSA_3072')
    const ciphertext = encryptAsymmetric(key, 'RSAES_OAEP_SHA_1', new Uint8Array([1, 2, 3]))

    expect(expectFailure(() => decryptAsymmetric(key, 'RSAES_OAEP_SHA_256', ciphertext)).code).toBe(
      'InvalidCiphertextException',
    )
  })

  it('Guard: an encryption algorithm must be one the key spec supports', () => {
    for (const spec of ['ECC_NIST_P256', 'SYMMETRIC_DEFAULT', 'HMAC_256'] as const) {
      const key = createKeyMaterial(spec)
      const algorithm = 'RSAES_OAEP_SHA_1'
      const failure = expectFailure(() => encryptAsymmetric(key, algorithm, new Uint8Array(1)))

      expect(failure.code).toBe('InvalidKeyUsageException')
      expect(failure.message).toBe(`Algorithm ${algorithm} is incompatible with key spec ${spec}.`)
    }
  })
})

describe('getPublicKeyDer', () => {
  it('returns SPKI DER of the right modulus when the key is RSA', () => {
    for (const spec of rsaKeySpecs) {
      const der = getPublicKeyDer(rsaKey(spec))
      const publicKey = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' })

      expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(Number(spec.slice(4)))
      expect(isFreshUint8Array(der)).toBe(true)
    }
  })

  it('returns SPKI DER on the right curve when the key is elliptic', () => {
    const curves = {
      ECC_NIST_P256: 'prime256v1',
      ECC_NIST_P384: 'secp384r1',
      ECC_NIST_P521: 'secp521r1',
      ECC_SECG_P256K1: 'secp256k1',
    } as const

    for (const [spec, curve] of Object.entries(curves)) {
      const der = getPublicKeyDer(createKeyMaterial(spec as keyof typeof curves))
      const publicKey = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' })
      expect(publicKey.asymmetricKeyDetails?.namedCurve).toBe(curve)
    }
  })

  it('returns an unchanged key when a caller zeroed an earlier copy', () => {
    const key = rsaKey('RSA_2048')
    const first = getPublicKeyDer(key)
    const expected = new Uint8Array(first)
    first.fill(0)

    expect(getPublicKeyDer(key)).toEqual(expected)
  })

  it('Guard: a symmetric or HMAC key has no public key to return', () => {
    for (const spec of ['SYMMETRIC_DEFAULT', 'HMAC_512'] as const) {
      const failure = expectFailure(() => getPublicKeyDer(createKeyMaterial(spec)))
      expect(failure.code).toBe('UnsupportedOperationException')
    }
  })
})
