import { inspect, format } from 'node:util'
import { describe, expect, it } from 'vitest'

import { createKeyMaterial, type KeyMaterial } from '../../../src/keystore/crypto'
import { revealSecret } from '../../../src/keystore/crypto/key-material'

describe('createKeyMaterial', () => {
  it('makes secrets of the spec size when the spec is symmetric or HMAC', () => {
    const sizes = { SYMMETRIC_DEFAULT: 32, HMAC_224: 28, HMAC_256: 32, HMAC_384: 48, HMAC_512: 64 }

    for (const [spec, size] of Object.entries(sizes)) {
      const secret = revealSecret(createKeyMaterial(spec as keyof typeof sizes))
      expect(secret.kind === 'secret' && secret.bytes.length, spec).toBe(size)
    }
  })

  it('makes a key pair on the right curve when the spec is elliptic', () => {
    const secret = revealSecret(createKeyMaterial('ECC_SECG_P256K1'))

    expect(secret.kind).toBe('pair')
    const details = secret.kind === 'pair' ? secret.privateKey.asymmetricKeyDetails : undefined
    expect(details?.namedCurve).toBe('secp256k1')
  })

  it('makes different keys when called twice with one spec', () => {
    const first = revealSecret(createKeyMaterial('SYMMETRIC_DEFAULT'))
    const second = revealSecret(createKeyMaterial('SYMMETRIC_DEFAULT'))

    expect(first).not.toEqual(second)
  })
})

describe('key material printing', () => {
  const material = createKeyMaterial('HMAC_256')
  const secretHex = Buffer.from(secretBytes(material)).toString('hex')

  it('prints a placeholder when passed to JSON.stringify, alone or nested', () => {
    expect(JSON.stringify(material)).toBe('"[key material]"')
    expect(JSON.stringify({ key: { material } })).toBe('{"key":{"material":"[key material]"}}')
  })

  it('prints a placeholder when inspected, alone, nested or with %o', () => {
    expect(inspect(material)).toBe('[key material]')
    expect(inspect({ material }, { showHidden: true, depth: 10 })).not.toContain(secretHex)
    expect(format('%o %j %s', material, material, material)).not.toContain(secretHex)
  })

  it('shows only the spec when its own keys are listed', () => {
    expect(Object.keys(material)).toEqual(['spec'])
    expect(material.spec).toBe('HMAC_256')
    expect(Object.isFrozen(material)).toBe(true)
  })

  it('throws when the value was not made by createKeyMaterial', () => {
    const forged = { spec: 'SYMMETRIC_DEFAULT', toJSON: () => '' } satisfies KeyMaterial

    expect(() => revealSecret(forged)).toThrow('not made by createKeyMaterial')
  })
})

function secretBytes(material: KeyMaterial): Uint8Array {
  const secret = revealSecret(material)

  return secret.kind === 'secret' ? secret.bytes : new Uint8Array()
}
