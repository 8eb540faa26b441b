import { constants, createPublicKey, verify as nodeVerify } from 'node:crypto'

import { beforeAll, describe, expect, it } from 'vitest'

import { keyring, signedMessage, type Keyring } from './fixtures'
import { expectKmsError, userArn } from './helpers'

let k: Keyring
beforeAll(async () => {
  k = await keyring()
})

const alice = () => k.sandbox.kms(userArn('Alice'))

async function publicKeyOf(keyId: string) {
  const { PublicKey } = await alice().getPublicKey({ KeyId: keyId })

  return createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' })
}

describe('Sign and Verify', () => {
  it('makes an ECDSA signature that node:crypto verifies with the key from GetPublicKey', async () => {
    const key = await publicKeyOf(k.ecc)

    expect(nodeVerify('sha256', signedMessage, { key, dsaEncoding: 'der' }, k.signature)).toBe(true)
  })

  it('makes an RSA PSS signature that node:crypto verifies with the key from GetPublicKey', async () => {
    const { Signature } = await alice().sign({
      KeyId: k.rsaSign,
      Message: signedMessage,
      SigningAlgorithm: 'RSASSA_PSS_SHA_256',
    })
    const key = await publicKeyOf(k.rsaSign)
    const options = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }

    expect(nodeVerify('sha256', signedMessage, options, Signature)).toBe(true)
  })

  it('verifies inside KMS when the signature matches', async () => {
    const result = await alice().verify({
      KeyId: k.ecc,
      Message: signedMessage,
      Signature: k.signature,
      SigningAlgorithm: 'ECDSA_SHA_256',
    })

    expect(result).toEqual({
      KeyId: k.ecc,
      SignatureValid: true,
      SigningAlgorithm: 'ECDSA_SHA_256',
    })
  })

  it('Guard: Verify refuses a signature that does not match the message and key', async () => {
    const signature = { Signature: k.signature, SigningAlgorithm: 'ECDSA_SHA_256' } as const
    const request = { KeyId: k.ecc, ...signature }

    await expectKmsError(
      alice().verify({ ...request, Message: new TextEncoder().encode('other') }),
      'KMSInvalidSignatureException',
    )
  })

  it('lists the signing algorithms with the public key', async () => {
    const result = await alice().getPublicKey({ KeyId: k.ecc })

    expect(result).toMatchObject({
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      SigningAlgorithms: ['ECDSA_SHA_256'],
    })
  })
})

describe('GenerateMac and VerifyMac', () => {
  it('verifies a MAC from GenerateMac', async () => {
    const result = await alice().verifyMac({
      KeyId: k.hmac,
      Message: signedMessage,
      Mac: k.mac,
      MacAlgorithm: 'HMAC_SHA_256',
    })

    expect(result).toEqual({ KeyId: k.hmac, MacValid: true, MacAlgorithm: 'HMAC_SHA_256' })
  })

  it('Guard: VerifyMac refuses a MAC that does not match the message and key', async () => {
    const flipped = new Uint8Array(k.mac)
    flipped[0]! ^= 0x01

    await expectKmsError(
      alice().verifyMac({
        KeyId: k.hmac,
        Message: signedMessage,
        Mac: flipped,
        MacAlgorithm: 'HMAC_SHA_256',
      }),
      'KMSInvalidMacException',
    )
  })
})
