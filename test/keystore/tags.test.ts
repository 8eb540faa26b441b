import { describe, expect, it } from 'vitest'

import { accountA, expectKmsError, userArn, world } from './helpers'

async function admin() {
  const sandbox = await world()
  const alice = sandbox.kms(userArn('Alice'))
  const { KeyMetadata } = await alice.createKey({ Tags: [{ TagKey: 'team', TagValue: 'orders' }] })
  const keyId = KeyMetadata.KeyId

  return { sandbox, alice, keyId }
}

describe('TagResource, UntagResource and ListResourceTags', () => {
  it('adds, replaces and removes tags', async () => {
    const { alice, keyId } = await admin()
    await alice.tagResource({
      KeyId: keyId,
      Tags: [{ TagKey: 'team', TagValue: 'billing' }, { TagKey: 'env', TagValue: 'prod' }],
    })
    const tagged = await alice.listResourceTags({ KeyId: keyId })
    await alice.untagResource({ KeyId: keyId, TagKeys: ['team', 'absent'] })

    expect(tagged.Tags).toEqual([
      { TagKey: 'team', TagValue: 'billing' },
      { TagKey: 'env', TagValue: 'prod' },
    ])
    expect((await alice.listResourceTags({ KeyId: keyId })).Tags).toEqual([
      { TagKey: 'env', TagValue: 'prod' },
    ])
  })

  it('Guard: a tag key has 1 to 128 characters and a tag value at most 256', async () => {
    const { alice, keyId } = await admin()

    await expectKmsError(
      alice.tagResource({ KeyId: keyId, Tags: [{ TagKey: 'k'.repeat(129), TagValue: '' }] }),
      'ValidationException',
    )
    await expectKmsError(
      alice.tagResource({ KeyId: keyId, Tags: [{ TagKey: 'k', TagValue: 'v'.repeat(257) }] }),
      'ValidationException',
    )
  })

  it('Guard: tag keys beginning with aws: are reserved for AWS', async () => {
    const { alice, keyId } = await admin()
    const error = await expectKmsError(
      alice.tagResource({ KeyId: keyId, Tags: [{ TagKey: 'aws:x', TagValue: 'y' }] }),
      'TagException',
    )

    expect(error.message).toBe('Tags beginning with aws: are reserved')
  })

  it('lets an aws:ResourceTag condition decide who may use the key', async () => {
    const { sandbox, keyId } = await admin()
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'kms:Encrypt',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/team': 'orders' } },
        },
      ],
    })
    await sandbox.iam(accountA).putUserPolicy({
      UserName: 'Bob',
      PolicyName: 'abac',
      PolicyDocument: policy,
    })
    const bob = sandbox.kms(userArn('Bob'))

    await bob.encrypt({ KeyId: keyId, Plaintext: new Uint8Array([1]) })
    await sandbox.kms(userArn('Alice')).tagResource({
      KeyId: keyId,
      Tags: [{ TagKey: 'team', TagValue: 'billing' }],
    })
    await expectKmsError(
      bob.encrypt({ KeyId: keyId, Plaintext: new Uint8Array([1]) }),
      'AccessDeniedException',
    )
  })
})
