import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { generateDataKeyPair, keyPairSpecs } from '../../../src/keystore/crypto'
import { isFreshUint8Array } from './expect-failure'

const sizes = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
  ECC_NIST_P256: 'prime256v1',
  ECC_NIST_P384: 'secp384r1',
  ECC_NIST_P521: 'secp521r1',
  ECC_SECG_P256K1: 'secp256k1',
} as const

describe('generateDataKeyPair', () => {
  it('returns matching SPKI and PKCS #8 halves when given any key pair spec', () => {
    for (const spec of keyPairSpecs) {
      const pair = generateDataKeyPair(spec)
      const publicDer = Buffer.from(pair.publicKey)
      const publicKey = createPublicKey({ key: publicDer, format: 'der', type: 'spki' })
      const privateDer = Buffer.from(pair.privateKey)
      const privateKey = createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' })
      const details = publicKey.asymmetricKeyDetails
      const data = Buffer.from(spec)

      expect(verify('sha256', data, publicKey, sign('sha256', data, privateKey)), spec).toBe(true)
      expect(details?.modulusLength ?? details?.namedCurve).toBe(sizes[spec])
      expect(isFreshUint8Array(pair.publicKey) && isFreshUint8Array(pair.privateKey)).toBe(true)
    }
  })
})
