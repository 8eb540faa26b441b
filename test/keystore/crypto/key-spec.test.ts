import { describe, expect, it } from 'vitest'

import {
  encryptionAlgorithmsBySpec,
  isKeySpec,
  keySpecs,
  keyUsagesBySpec,
  macAlgorithmBySpec,
  rsaKeySpecs,
  rsaMaxPlaintextBytes,
  signingAlgorithmsBySpec,
} from '../../../src/keystore/crypto'

describe('key spec tables', () => {
  it('lists encryption algorithms exactly when a spec allows ENCRYPT_DECRYPT', () => {
    for (const spec of keySpecs) {
      const canEncrypt = keyUsagesBySpec[spec].includes('ENCRYPT_DECRYPT')
      expect(encryptionAlgorithmsBySpec[spec].length > 0, spec).toBe(canEncrypt)
    }
  })

  it('lists signing algorithms exactly when a spec allows SIGN_VERIFY', () => {
    for (const spec of keySpecs) {
      const canSign = keyUsagesBySpec[spec].includes('SIGN_VERIFY')
      expect(signingAlgorithmsBySpec[spec].length > 0, spec).toBe(canSign)
    }
  })

  it('allows only the same-size hash when the spec is HMAC', () => {
    expect(macAlgorithmBySpec).toEqual({
      HMAC_224: 'HMAC_SHA_224',
      HMAC_256: 'HMAC_SHA_256',
      HMAC_384: 'HMAC_SHA_384',
      HMAC_512: 'HMAC_SHA_512',
    })
  })

  it("allows only the curve's own hash when the spec is elliptic", () => {
    expect(signingAlgorithmsBySpec.ECC_NIST_P256).toEqual(['ECDSA_SHA_256'])
    expect(signingAlgorithmsBySpec.ECC_NIST_P384).toEqual(['ECDSA_SHA_384'])
    expect(signingAlgorithmsBySpec.ECC_NIST_P521).toEqual(['ECDSA_SHA_512'])
    expect(signingAlgorithmsBySpec.ECC_SECG_P256K1).toEqual(['ECDSA_SHA_256'])
  })

  it('limits RSA plaintext to key bytes − 2 × hash − 2 when using OAEP', () => {
    for (const spec of rsaKeySpecs) {
      const keyBytes = Number(spec.slice(4)) / 8
      expect(rsaMaxPlaintextBytes[spec].RSAES_OAEP_SHA_1).toBe(keyBytes - 2 * 20 - 2)
      expect(rsaMaxPlaintextBytes[spec].RSAES_OAEP_SHA_256).toBe(keyBytes - 2 * 32 - 2)
    }
  })
})

describe('isKeySpec', () => {
  it('returns false when the spec is not one KMS lists', () => {
    expect(isKeySpec('ECC_SECG_P256K1')).toBe(true)
    expect(isKeySpec('SM2')).toBe(false)
  })
})
