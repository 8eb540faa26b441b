import { beforeAll, describe, expect, it } from 'vitest'

import { kmsOperations, type KmsInput, type KmsOperation } from '../../src/keystore'
import { callOn, keyring, signedMessage, type Keyring } from './fixtures'
import { bytes, userArn } from './helpers'

type Row = { readonly [Op in KmsOperation]: (k: Keyring) => KmsInput<Op> }

// One request per operation, each valid for Alice, whose IAM policy allows kms:*
// under the default key policy. Bob, with no policy, must be refused every one.
const requests: Row = {
  CreateKey: () => ({ Description: 'another' }),
  DescribeKey: (k) => ({ KeyId: k.sym }),
  ListKeys: () => ({}),
  GetKeyPolicy: (k) => ({ KeyId: k.sym }),
  PutKeyPolicy: (k) => ({ KeyId: k.sym, Policy: currentPolicy(k) }),
  ListKeyPolicies: (k) => ({ KeyId: k.sym }),
  EnableKey: (k) => ({ KeyId: k.sym }),
  DisableKey: (k) => ({ KeyId: k.sym }),
  ScheduleKeyDeletion: (k) => ({ KeyId: k.sym }),
  CancelKeyDeletion: (k) => ({ KeyId: k.pending }),
  EnableKeyRotation: (k) => ({ KeyId: k.sym }),
  DisableKeyRotation: (k) => ({ KeyId: k.sym }),
  GetKeyRotationStatus: (k) => ({ KeyId: k.sym }),
  UpdateKeyDescription: (k) => ({ KeyId: k.sym, Description: 'renamed' }),
  CreateAlias: (k) => ({ AliasName: 'alias/new', TargetKeyId: k.sym }),
  UpdateAlias: (k) => ({ AliasName: 'alias/sym', TargetKeyId: k.sym }),
  DeleteAlias: () => ({ AliasName: 'alias/sym' }),
  ListAliases: () => ({}),
  TagResource: (k) => ({ KeyId: k.sym, Tags: [{ TagKey: 'team', TagValue: 'orders' }] }),
  UntagResource: (k) => ({ KeyId: k.sym, TagKeys: ['team'] }),
  ListResourceTags: (k) => ({ KeyId: k.sym }),
  CreateGrant: (k) => ({ KeyId: k.sym, GranteePrincipal: userArn('Bob'), Operations: ['Encrypt'] }),
  ListGrants: (k) => ({ KeyId: k.sym }),
  ListRetirableGrants: () => ({ RetiringPrincipal: userArn('Alice') }),
  RetireGrant: (k) => ({ KeyId: k.sym, GrantId: k.grantId }),
  RevokeGrant: (k) => ({ KeyId: k.sym, GrantId: k.grantId }),
  Encrypt: (k) => ({ KeyId: k.sym, Plaintext: bytes('hello') }),
  Decrypt: (k) => ({ CiphertextBlob: k.blob, EncryptionContext: { purpose: 'test' } }),
  ReEncrypt: (k) => ({
    CiphertextBlob: k.blob,
    SourceEncryptionContext: { purpose: 'test' },
    DestinationKeyId: k.sym,
  }),
  GenerateDataKey: (k) => ({ KeyId: k.sym, KeySpec: 'AES_256' }),
  GenerateDataKeyWithoutPlaintext: (k) => ({ KeyId: k.sym, NumberOfBytes: 32 }),
  GenerateDataKeyPair: (k) => ({ KeyId: k.sym, KeyPairSpec: 'ECC_NIST_P256' }),
  GenerateDataKeyPairWithoutPlaintext: (k) => ({ KeyId: k.sym, KeyPairSpec: 'ECC_NIST_P256' }),
  GenerateRandom: () => ({ NumberOfBytes: 16 }),
  Sign: (k) => ({ KeyId: k.ecc, Message: signedMessage, SigningAlgorithm: 'ECDSA_SHA_256' }),
  Verify: (k) => ({
    KeyId: k.ecc,
    Message: signedMessage,
    Signature: k.signature,
    SigningAlgorithm: 'ECDSA_SHA_256',
  }),
  GetPublicKey: (k) => ({ KeyId: k.rsaSign }),
  GenerateMac: (k) => ({ KeyId: k.hmac, Message: signedMessage, MacAlgorithm: 'HMAC_SHA_256' }),
  VerifyMac: (k) => ({
    KeyId: k.hmac,
    Message: signedMessage,
    Mac: k.mac,
    MacAlgorithm: 'HMAC_SHA_256',
  }),
}

function currentPolicy(k: Keyring): string {
  const id = k.sym.split('/')[1]!

  return k.sandbox.state.keys[id]!.policy.text
}

let k: Keyring
beforeAll(async () => {
  k = await keyring()
})

describe('every KMS operation', () => {
  it('has a request in this table when the sandbox serves it', () => {
    expect(Object.keys(requests).sort()).toEqual([...kmsOperations].sort())
  })

  it.each(kmsOperations)('succeeds for %s when an IAM policy allows it', (operation) => {
    const input = requests[operation](k) as KmsInput<typeof operation>
    const result = callOn(k.sandbox.state, userArn('Alice'), operation, input)

    expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`).toBe('ok')
    expect(result.event.decisions.every((decision) => decision.verdict === 'Allow')).toBe(true)
  })

  it.each(kmsOperations)('refuses %s with the decision when no policy allows it', (operation) => {
    const input = requests[operation](k) as KmsInput<typeof operation>
    const result = callOn(k.sandbox.state, userArn('Bob'), operation, input)

    expect(result.ok).toBe(false)
    if (result.ok) return

    expect(result.error.code).toBe('AccessDeniedException')
    expect(result.error.name).toBe('AccessDeniedException')
    expect(result.error.decision?.verdict).toBe('ImplicitDeny')
    expect(result.error.message).toMatch(
      /^User: arn:aws:iam::111122223333:user\/Bob is not authorized to perform: kms:/,
    )
    expect(result.event.outcome).toEqual({
      ok: false,
      code: 'AccessDeniedException',
      message: result.error.message,
    })
    expect(result.state).toBe(k.sandbox.state)
  })
})
