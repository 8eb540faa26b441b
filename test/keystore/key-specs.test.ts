import { beforeAll, describe, expect, it } from 'vitest'

import type { KmsInput, KmsOperation } from '../../src/keystore'
import { callOn, keyring, signedMessage, type Keyring } from './fixtures'
import { bytes, userArn } from './helpers'

// KMS rule: each key spec and usage allows a fixed set of operations; the rest
// are InvalidKeyUsageException (or UnsupportedOperationException for a public
// key a symmetric or HMAC key does not have).
// Docs: KMS Developer Guide › Key spec reference; API Reference › InvalidKeyUsageException

const types = ['sym', 'rsaEncrypt', 'rsaSign', 'ecc', 'hmac'] as const
type KeyType = (typeof types)[number]

const ok = 'ok'
const U = 'InvalidKeyUsageException'
const X = 'UnsupportedOperationException'

// Outcome per key type, in the order of `types`.
const table: readonly [KmsOperation, readonly string[]][] = [
  ['Encrypt', [ok, ok, U, U, U]],
  ['GenerateDataKey', [ok, U, U, U, U]],
  ['GenerateDataKeyWithoutPlaintext', [ok, U, U, U, U]],
  ['GenerateDataKeyPair', [ok, U, U, U, U]],
  ['GenerateDataKeyPairWithoutPlaintext', [ok, U, U, U, U]],
  ['Sign', [U, U, ok, ok, U]],
  ['GenerateMac', [U, U, U, U, ok]],
  ['GetPublicKey', [X, ok, ok, ok, X]],
]

function request(operation: KmsOperation, keyId: string, type: KeyType): unknown {
  const signing = type === 'ecc' ? 'ECDSA_SHA_256' : 'RSASSA_PSS_SHA_256'
  const encryption = type === 'rsaEncrypt' ? 'RSAES_OAEP_SHA_256' : 'SYMMETRIC_DEFAULT'
  const requests: { readonly [Op in KmsOperation]?: KmsInput<Op> } = {
    Encrypt: { KeyId: keyId, Plaintext: bytes('hello'), EncryptionAlgorithm: encryption },
    GenerateDataKey: { KeyId: keyId, NumberOfBytes: 32 },
    GenerateDataKeyWithoutPlaintext: { KeyId: keyId, NumberOfBytes: 32 },
    GenerateDataKeyPair: { KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256' },
    GenerateDataKeyPairWithoutPlaintext: { KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256' },
    Sign: { KeyId: keyId, Message: signedMessage, SigningAlgorithm: signing },
    GenerateMac: { KeyId: keyId, Message: signedMessage, MacAlgorithm: 'HMAC_SHA_256' },
    GetPublicKey: { KeyId: keyId },
  }

  return requests[operation]
}

let k: Keyring
beforeAll(async () => {
  k = await keyring()
})

describe('key spec and usage rules', () => {
  const rows = table.flatMap(([operation, expected]) =>
    types.map((type, i) => [operation, type, expected[i]!] as const),
  )

  it.each(rows)('gives %s with a %s key the outcome %s', (operation, type, expected) => {
    const input = request(operation, k[type], type) as KmsInput<typeof operation>
    const result = callOn(k.sandbox.state, userArn('Alice'), operation, input)

    expect(result.ok ? ok : result.error.code).toBe(expected)
  })

  it('words a usage refusal as AWS does', () => {
    const result = callOn(k.sandbox.state, userArn('Alice'), 'Encrypt', {
      KeyId: k.rsaSign,
      Plaintext: bytes('hello'),
    })

    expect(result.ok ? '' : result.error.message).toBe(
      `${k.rsaSign} key usage is SIGN_VERIFY which is not valid for Encrypt.`,
    )
  })

  it('refuses an algorithm the key spec does not support', () => {
    const result = callOn(k.sandbox.state, userArn('Alice'), 'Encrypt', {
      KeyId: k.sym,
      Plaintext: bytes('hello'),
      EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
    })

    expect(result.ok ? '' : `${result.error.code}: ${result.error.message}`).toBe(
      'InvalidKeyUsageException: Algorithm RSAES_OAEP_SHA_256 is incompatible with key spec SYMMETRIC_DEFAULT.',
    )
  })

  it('refuses a MAC algorithm that does not match the HMAC key size', () => {
    const result = callOn(k.sandbox.state, userArn('Alice'), 'GenerateMac', {
      KeyId: k.hmac,
      Message: signedMessage,
      MacAlgorithm: 'HMAC_SHA_512',
    })

    expect(result.ok ? '' : `${result.error.code}: ${result.error.message}`).toBe(
      'InvalidKeyUsageException: Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256.',
    )
  })

  it('describes each key type with its algorithms', () => {
    const algorithms = types.map((type) => {
      const metadata = k.sandbox.state.keys[k[type].split('/')[1]!]!

      return [metadata.keySpec, metadata.keyUsage]
    })

    expect(algorithms).toEqual([
      ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT'],
      ['RSA_2048', 'ENCRYPT_DECRYPT'],
      ['RSA_2048', 'SIGN_VERIFY'],
      ['ECC_NIST_P256', 'SIGN_VERIFY'],
      ['HMAC_256', 'GENERATE_VERIFY_MAC'],
    ])
  })
})
