import { describe, expect, it } from 'vitest'

import {
  createKeyMaterial,
  decryptSymmetric,
  encryptSymmetric,
  readBlobKeyId,
  type EncryptionContext,
} from '../../../src/keystore/crypto'
import { expectFailure, flipBit, isFreshUint8Array } from './expect-failure'

// The AWS documentation's example key ID: fixed and readable in failures.
const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab'
const key = createKeyMaterial('SYMMETRIC_DEFAULT')
const plaintext = new TextEncoder().encode('order 1138: 3 widgets')
const context = { tenant: 'acme', purpose: 'orders' }

describe('encryptSymmetric and decryptSymmetric', () => {
  it('round-trips plaintext when the same context is given', () => {
    const blob = encryptSymmetric(key, keyId, plaintext, context)

    expect(decryptSymmetric(key, blob, context)).toEqual(plaintext)
  })

  it('round-trips empty and 4096-byte plaintexts when no context is given', () => {
    for (const size of [0, 4096]) {
      const bytes = new Uint8Array(size).fill(7)
      expect(decryptSymmetric(key, encryptSymmetric(key, keyId, bytes))).toEqual(bytes)
    }
  })

  it('lays out version, key ID, IV, tag and ciphertext when encrypting', () => {
    const blob = encryptSymmetric(key, keyId, plaintext)

    expect(blob[0]).toBe(0x01)
    expect(blob[1]).toBe(36)
    expect(new TextDecoder().decode(blob.subarray(2, 38))).toBe(keyId)
    expect(blob.length).toBe(2 + 36 + 12 + 16 + plaintext.length)
  })

  it('produces different blobs when the same plaintext is encrypted twice', () => {
    const first = encryptSymmetric(key, keyId, plaintext)

    expect(encryptSymmetric(key, keyId, plaintext)).not.toEqual(first)
  })

  it('returns fresh copies when the caller zeroes a result', () => {
    const blob = encryptSymmetric(key, keyId, plaintext)
    const decrypted = decryptSymmetric(key, blob)

    expect(isFreshUint8Array(blob) && isFreshUint8Array(decrypted)).toBe(true)
    decrypted.fill(0)
    expect(decryptSymmetric(key, blob)).toEqual(plaintext)
  })

  it('throws InvalidCiphertextException with no message when any byte is tampered', () => {
    const blob = encryptSymmetric(key, keyId, plaintext, context)

    for (let bit = 0; bit < blob.length * 8; bit += 1) {
      const failure = expectFailure(() => decryptSymmetric(key, flipBit(blob, bit), context))
      expect([failure.code, failure.message], `bit ${bit}`).toEqual([
        'InvalidCiphertextException',
        '',
      ])
    }
  })

  it('throws InvalidCiphertextException when the context differs', () => {
    const blob = encryptSymmetric(key, keyId, plaintext, context)
    const others: readonly (EncryptionContext | undefined)[] = [
      undefined,
      {},
      { tenant: 'acme' },
      { ...context, extra: '' },
      { ...context, tenant: 'Acme' },
    ]

    for (const other of others) {
      const failure = expectFailure(() => decryptSymmetric(key, blob, other))
      expect(failure.code, JSON.stringify(other)).toBe('InvalidCiphertextException')
    }
  })

  it('decrypts when the context pairs come in another order', () => {
    const blob = encryptSymmetric(key, keyId, plaintext, { a: '1', b: '2', c: '3' })

    expect(decryptSymmetric(key, blob, { c: '3', a: '1', b: '2' })).toEqual(plaintext)
  })

  it('decrypts when one side gives no context and the other gives {}', () => {
    expect(decryptSymmetric(key, encryptSymmetric(key, keyId, plaintext), {})).toEqual(plaintext)
    expect(decryptSymmetric(key, encryptSymmetric(key, keyId, plaintext, {}))).toEqual(plaintext)
  })

  it('throws InvalidCiphertextException when a pair boundary moves', () => {
    const blob = encryptSymmetric(key, keyId, plaintext, { a: 'bc' })

    expect(expectFailure(() => decryptSymmetric(key, blob, { ab: 'c' })).code).toBe(
      'InvalidCiphertextException',
    )
  })

  it('throws InvalidCiphertextException when another key decrypts', () => {
    const blob = encryptSymmetric(key, keyId, plaintext)
    const other = createKeyMaterial('SYMMETRIC_DEFAULT')

    expect(expectFailure(() => decryptSymmetric(other, blob)).code).toBe(
      'InvalidCiphertextException',
    )
  })

  it('throws InvalidCiphertextException when the key ID in the blob is rewritten', () => {
    const blob = encryptSymmetric(key, keyId, plaintext)
    const renamed = new Uint8Array(blob)
    renamed.set(new TextEncoder().encode('9'), 2)

    expect(readBlobKeyId(renamed)).toBe(`9${keyId.slice(1)}`)
    expect(expectFailure(() => decryptSymmetric(key, renamed)).code).toBe(
      'InvalidCiphertextException',
    )
  })

  it('Guard: a blob that is not a sandbox ciphertext blob is an invalid ciphertext', () => {
    const blob = encryptSymmetric(key, keyId, plaintext)

    for (const foreign of [new Uint8Array(), blob.subarray(0, 65), new Uint8Array(80)]) {
      expect(expectFailure(() => decryptSymmetric(key, foreign)).code).toBe(
        'InvalidCiphertextException',
      )
    }
  })

  it('Guard: only a SYMMETRIC_DEFAULT key encrypts with AES-GCM', () => {
    const hmacKey = createKeyMaterial('HMAC_256')
    const failure = expectFailure(() => encryptSymmetric(hmacKey, keyId, plaintext))

    expect(failure.code).toBe('InvalidKeyUsageException')
    expect(failure.message).toBe(
      'Algorithm SYMMETRIC_DEFAULT is incompatible with key spec HMAC_256.',
    )
  })

  it('throws a plain Error when the key ID cannot fit the blob header', () => {
    for (const badId of ['', 'x'.repeat(256), 'clé']) {
      expect(() => encryptSymmetric(key, badId, plaintext)).toThrow('printable ASCII')
    }
  })
})

describe('readBlobKeyId', () => {
  it('returns the key ID when the blob is ours', () => {
    expect(readBlobKeyId(encryptSymmetric(key, keyId, plaintext))).toBe(keyId)
    expect(readBlobKeyId(encryptSymmetric(key, 'orders-key', new Uint8Array()))).toBe('orders-key')
  })

  it('returns undefined when the blob is truncated, empty or foreign', () => {
    const blob = encryptSymmetric(key, keyId, new Uint8Array())
    const wrongVersion = new Uint8Array(blob)
    wrongVersion[0] = 0x02

    expect(readBlobKeyId(blob.subarray(0, blob.length - 1))).toBeUndefined()
    expect(readBlobKeyId(new Uint8Array())).toBeUndefined()
    expect(readBlobKeyId(wrongVersion)).toBeUndefined()
    expect(readBlobKeyId(new Uint8Array([1, 0, ...new Uint8Array(28)]))).toBeUndefined()
  })
})
