import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import {
  createKeyMaterial,
  generateMac,
  hmacKeySpecs,
  macAlgorithmBySpec,
  verifyMac,
} from '../../../src/keystore/crypto'
import { revealSecret } from '../../../src/keystore/crypto/key-material'
import { expectFailure, flipBit, isFreshUint8Array } from './expect-failure'

const message = new TextEncoder().encode('session 42 belongs to role/order-worker')
const keys = hmacKeySpecs.map((spec) => ({
  spec,
  algorithm: macAlgorithmBySpec[spec],
  material: createKeyMaterial(spec),
}))

describe('generateMac', () => {
  it('matches node:crypto HMAC when each spec uses its own algorithm', () => {
    for (const { spec, algorithm, material } of keys) {
      const secret = revealSecret(material)
      const key = secret.kind === 'secret' ? secret.bytes : Buffer.alloc(0)
      const expected = createHmac(`sha${spec.slice(5)}`, key).update(message).digest()
      const mac = generateMac(material, algorithm, message)

      expect(Buffer.from(mac).equals(expected), spec).toBe(true)
      expect(mac.length).toBe(Number(spec.slice(5)) / 8)
      expect(isFreshUint8Array(mac)).toBe(true)
    }
  })

  it("Guard: a MAC algorithm must match the HMAC key spec's size", () => {
    const hmac224 = createKeyMaterial('HMAC_224')
    const failure = expectFailure(() => generateMac(hmac224, 'HMAC_SHA_256', message))

    expect(failure.code).toBe('InvalidKeyUsageException')
    expect(failure.message).toBe('Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.')
    const verifyFailure = expectFailure(() =>
      verifyMac(hmac224, 'HMAC_SHA_512', message, new Uint8Array()),
    )
    expect(verifyFailure.code).toBe('InvalidKeyUsageException')
  })

  it('throws InvalidKeyUsageException when the key is symmetric', () => {
    const symmetric = createKeyMaterial('SYMMETRIC_DEFAULT')

    expect(expectFailure(() => generateMac(symmetric, 'HMAC_SHA_256', message)).code).toBe(
      'InvalidKeyUsageException',
    )
  })
})

describe('verifyMac', () => {
  it('accepts the MAC when message and key are unchanged', () => {
    for (const { algorithm, material } of keys) {
      const mac = generateMac(material, algorithm, message)
      expect(verifyMac(material, algorithm, message, mac)).toBe(true)
    }
  })

  it('rejects the MAC when any one bit of it is flipped', () => {
    for (const { spec, algorithm, material } of keys) {
      const mac = generateMac(material, algorithm, message)

      for (let bit = 0; bit < mac.length * 8; bit += 1) {
        const flipped = flipBit(mac, bit)
        expect(verifyMac(material, algorithm, message, flipped), `${spec} bit ${bit}`).toBe(false)
      }
    }
  })

  it('rejects the MAC when the message, length or key differs', () => {
    const algorithm = 'HMAC_SHA_256'
    const material = createKeyMaterial('HMAC_256')
    const other = createKeyMaterial('HMAC_256')
    const mac = generateMac(material, algorithm, message)

    expect(verifyMac(material, algorithm, flipBit(message, 9), mac)).toBe(false)
    expect(verifyMac(material, algorithm, message, mac.subarray(1))).toBe(false)
    expect(verifyMac(material, algorithm, message, new Uint8Array())).toBe(false)
    expect(verifyMac(other, algorithm, message, mac)).toBe(false)
  })
})
