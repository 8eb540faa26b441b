import { describe, expect, it } from 'vitest'

import {
  accountA,
  accountB,
  allow,
  allowPolicy,
  expectKmsError,
  keyPolicy,
  rootArn,
  userArn,
  world,
} from './helpers'

// KMS rule: another account's principal needs both the key policy and its own IAM
// allow, and reaches the key only by its ARN.
// Docs: KMS Developer Guide › Allowing users in other accounts to use a KMS key

async function shared() {
  const sandbox = await world()
  const policy = keyPolicy(
    allow(rootArn(), 'kms:*', 'Enable IAM User Permissions'),
    allow(
      rootArn(accountB),
      ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant'],
      'Account B',
    ),
  )
  const alice = sandbox.kms(userArn('Alice'))
  const key = (await alice.createKey({ Policy: policy })).KeyMetadata
  await alice.createAlias({ AliasName: 'alias/shared', TargetKeyId: key.KeyId })

  const iamB = sandbox.iam(accountB)
  await iamB.createUser({ UserName: 'Dave' })

  return { sandbox, key, iamB, dave: sandbox.kms(userArn('Dave', accountB)) }
}

describe('a key used from another account', () => {
  it('works by key ARN when the key policy and the IAM policy of the caller both allow', async () => {
    const { key, iamB, dave } = await shared()
    await iamB.putUserPolicy({
      UserName: 'Dave',
      PolicyName: 'use',
      PolicyDocument: allowPolicy(['kms:Encrypt', 'kms:Decrypt'], key.Arn),
    })

    const { CiphertextBlob, KeyId } = await dave.encrypt({
      KeyId: key.Arn,
      Plaintext: new Uint8Array([1, 2]),
    })
    expect(KeyId).toBe(key.Arn)
    expect((await dave.decrypt({ CiphertextBlob })).Plaintext).toEqual(new Uint8Array([1, 2]))
  })

  it('is refused when the caller has no IAM policy of its own', async () => {
    const { key, dave } = await shared()
    const error = await expectKmsError(
      dave.encrypt({ KeyId: key.Arn, Plaintext: new Uint8Array([1]) }),
      'AccessDeniedException',
    )

    expect(error.decision?.notes).toContain('cross-account')
  })

  it('resolves an alias name in the caller own account, where it does not exist', async () => {
    const { key, iamB, dave } = await shared()
    await iamB.putUserPolicy({
      UserName: 'Dave',
      PolicyName: 'use',
      PolicyDocument: allowPolicy('kms:Encrypt', key.Arn),
    })
    const error = await expectKmsError(
      dave.encrypt({ KeyId: 'alias/shared', Plaintext: new Uint8Array([1]) }),
      'NotFoundException',
    )

    expect(error.message).toBe(`Alias arn:aws:kms:us-west-2:${accountB}:alias/shared is not found.`)
    await dave.encrypt({
      KeyId: `arn:aws:kms:us-west-2:${accountA}:alias/shared`,
      Plaintext: new Uint8Array([1]),
    })
  })

  it('resolves a bare key ID in the caller own account', async () => {
    const { key, dave } = await shared()
    const error = await expectKmsError(dave.describeKey({ KeyId: key.KeyId }), 'NotFoundException')

    expect(error.message).toBe(
      `Key 'arn:aws:kms:us-west-2:${accountB}:key/${key.KeyId}' does not exist`,
    )
  })

  it('needs the key ARN, not the alias ARN, for CreateGrant', async () => {
    const { dave } = await shared()
    const request = {
      GranteePrincipal: userArn('Dave', accountB),
      Operations: ['Decrypt' as const],
    }

    await expectKmsError(
      dave.createGrant({ ...request, KeyId: `arn:aws:kms:us-west-2:${accountA}:alias/shared` }),
      'NotFoundException',
    )
  })

  it('lets a grant alone allow a principal of another account', async () => {
    const { sandbox, key, dave } = await shared()
    const { GrantToken } = await sandbox.kms(userArn('Alice')).createGrant({
      KeyId: key.Arn,
      GranteePrincipal: userArn('Dave', accountB),
      Operations: ['Encrypt'],
    })

    await dave.encrypt({
      KeyId: key.Arn,
      Plaintext: new Uint8Array([1]),
      GrantTokens: [GrantToken],
    })
  })

  it('never allows key management from another account', async () => {
    const { key, iamB, dave } = await shared()
    await iamB.putUserPolicy({
      UserName: 'Dave',
      PolicyName: 'all',
      PolicyDocument: allowPolicy('kms:*'),
    })
    const error = await expectKmsError(dave.disableKey({ KeyId: key.Arn }), 'AccessDeniedException')

    expect(error.decision?.notes).toContain('not-cross-account-operation')
  })
})
