import { createECDH, createHash, verify as nodeVerify } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { eccKeySpecs } from '../../../src/keystore/crypto'
import { toFixedBytes } from '../../../src/keystore/crypto/ecdsa-der'
import { curveBySpec, generateKeyPairFor } from '../../../src/keystore/crypto/key-material'
import { curveOrder, signDigestEcdsa } from '../../../src/keystore/crypto/prehashed-ecdsa'

describe('curveOrder', () => {
  it('matches OpenSSL when n − 1 is a valid scalar and n is not', () => {
    for (const spec of eccKeySpecs) {
      const n = curveOrder[spec]
      const length = Math.ceil(n.toString(2).length / 8)
      const ecdh = createECDH(curveBySpec[spec])

      expect(() => ecdh.setPrivateKey(toFixedBytes(n - 1n, length)), spec).not.toThrow()
      expect(() => ecdh.setPrivateKey(toFixedBytes(n, length)), spec).toThrow()
    }
  })
})

describe('signDigestEcdsa', () => {
  it('produces signatures node:crypto verifies when signing many digests on every curve', () => {
    const hashes = {
      ECC_NIST_P256: 'sha256',
      ECC_NIST_P384: 'sha384',
      ECC_NIST_P521: 'sha512',
      ECC_SECG_P256K1: 'sha256',
    } as const

    for (const spec of eccKeySpecs) {
      const { privateKey, publicKey } = generateKeyPairFor(spec)

      // Many rounds reach r and s with a high first bit, which DER pads with a zero.
      for (let round = 0; round < 16; round += 1) {
        const message = Buffer.from(`message ${round}`)
        const digest = createHash(hashes[spec]).update(message).digest()
        const signature = signDigestEcdsa(spec, privateKey, digest)
        expect(nodeVerify(hashes[spec], message, publicKey, signature), spec).toBe(true)
      }
    }
  })
})
