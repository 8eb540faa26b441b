import { createPrivateKey, createPublicKey } from 'node:crypto'

import { beforeAll, describe, expect, it } from 'vitest'

import { keyring, type Keyring } from './fixtures'
import { expectKmsError, userArn } from './helpers'

let k: Keyring
beforeAll(async () => {
  k = await keyring()
})

const alice = () => k.sandbox.kms(userArn('Alice'))
const context = { tenant: 'acme' }

describe('GenerateDataKey', () => {
  it('returns a 32-byte key that the ciphertext decrypts to under the same context', async () => {
    const dataKey = await alice().generateDataKey({
      KeyId: 'alias/sym',
      KeySpec: 'AES_256',
      EncryptionContext: context,
    })
    const copy = new Uint8Array(dataKey.Plaintext)
    dataKey.Plaintext.fill(0)
    const { Plaintext } = await alice().decrypt({
      CiphertextBlob: dataKey.CiphertextBlob,
      EncryptionContext: context,
    })

    expect(Plaintext).toEqual(copy)
    expect(copy.length).toBe(32)
    expect(dataKey.KeyId).toBe(k.sym)
  })

  it('returns only the encrypted copy when asked without plaintext', async () => {
    const dataKey = await alice().generateDataKeyWithoutPlaintext({
      KeyId: k.sym,
      NumberOfBytes: 64,
    })
    const { Plaintext } = await alice().decrypt({ CiphertextBlob: dataKey.CiphertextBlob })

    expect(Object.keys(dataKey).sort()).toEqual(['CiphertextBlob', 'KeyId'])
    expect(Plaintext.length).toBe(64)
  })

  it('Guard: a data key request gives exactly one of KeySpec and NumberOfBytes', async () => {
    await expectKmsError(alice().generateDataKey({ KeyId: k.sym }), 'ValidationException')
    await expectKmsError(
      alice().generateDataKey({ KeyId: k.sym, KeySpec: 'AES_128', NumberOfBytes: 16 }),
      'ValidationException',
    )
  })

  it('Guard: NumberOfBytes is from 1 to 1024', async () => {
    await expectKmsError(
      alice().generateDataKey({ KeyId: k.sym, NumberOfBytes: 1025 }),
      'ValidationException',
    )
    await expectKmsError(
      alice().generateDataKey({ KeyId: k.sym, NumberOfBytes: 0 }),
      'ValidationException',
    )
  })
})

describe('GenerateDataKeyPair', () => {
  it('returns a key pair whose private key the ciphertext decrypts to', async () => {
    const pair = await alice().generateDataKeyPair({
      KeyId: k.sym,
      KeyPairSpec: 'ECC_NIST_P256',
      EncryptionContext: context,
    })
    const { Plaintext } = await alice().decrypt({
      CiphertextBlob: pair.PrivateKeyCiphertextBlob,
      EncryptionContext: context,
    })

    expect(Plaintext).toEqual(pair.PrivateKeyPlaintext)
    const der = { format: 'der' } as const
    const publicKey = createPublicKey({ ...der, key: Buffer.from(pair.PublicKey), type: 'spki' })
    const privateKey = createPrivateKey({ ...der, key: Buffer.from(Plaintext), type: 'pkcs8' })
    expect([publicKey.asymmetricKeyType, privateKey.asymmetricKeyType]).toEqual(['ec', 'ec'])
  })

  it('leaves out the private key plaintext when asked without plaintext', async () => {
    const pair = await alice().generateDataKeyPairWithoutPlaintext({
      KeyId: k.sym,
      KeyPairSpec: 'ECC_NIST_P256',
    })

    expect(Object.keys(pair).sort()).toEqual([
      'KeyId',
      'KeyPairSpec',
      'PrivateKeyCiphertextBlob',
      'PublicKey',
    ])
  })

  it('refuses an asymmetric key with InvalidKeyUsageException', async () => {
    await expectKmsError(
      alice().generateDataKeyPair({ KeyId: k.rsaEncrypt, KeyPairSpec: 'ECC_NIST_P256' }),
      'InvalidKeyUsageException',
    )
  })
})

describe('GenerateRandom', () => {
  it('returns the number of bytes asked for when IAM allows it', async () => {
    expect((await alice().generateRandom({ NumberOfBytes: 24 })).Plaintext.length).toBe(24)
  })

  it("Guard: GenerateRandom's NumberOfBytes is from 1 to 1024", async () => {
    const error = await expectKmsError(
      alice().generateRandom({ NumberOfBytes: 1025 }),
      'ValidationException',
    )

    expect(error.message).toBe(
      "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
    )
  })
})
