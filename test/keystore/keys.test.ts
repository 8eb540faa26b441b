import { describe, expect, it } from 'vitest'

import { defaultKeyPolicy } from '../../src/keystore'
import { accountA, allowPolicy, expectKmsError, userArn, world } from './helpers'

async function admin() {
  const sandbox = await world()

  return { sandbox, alice: sandbox.kms(userArn('Alice')) }
}

describe('CreateKey', () => {
  it('attaches the default key policy, word for word, when no Policy is given', async () => {
    const { alice } = await admin()
    const { KeyMetadata } = await alice.createKey({})
    const { Policy } = await alice.getKeyPolicy({ KeyId: KeyMetadata.KeyId })

    expect(Policy).toBe(`{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Effect" : "Allow",
    "Principal" : { "AWS" : "arn:aws:iam::111122223333:root" },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`)
    expect(Policy).toBe(defaultKeyPolicy(accountA))
  })

  it('returns the metadata of an Enabled symmetric key in the caller account', async () => {
    const { alice } = await admin()
    const { KeyMetadata } = await alice.createKey({ Description: 'orders' })

    expect(KeyMetadata).toMatchObject({
      AWSAccountId: accountA,
      Arn: `arn:aws:kms:us-west-2:${accountA}:key/${KeyMetadata.KeyId}`,
      CreationDate: new Date('2026-01-01T00:00:00Z'),
      Description: 'orders',
      Enabled: true,
      KeyState: 'Enabled',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      MultiRegion: false,
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    })
    expect(KeyMetadata.KeyId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })

  it('starts a key with Origin EXTERNAL in PendingImport', async () => {
    const { alice } = await admin()
    const { KeyMetadata } = await alice.createKey({ Origin: 'EXTERNAL' })

    expect([KeyMetadata.KeyState, KeyMetadata.Enabled, KeyMetadata.Origin]).toEqual([
      'PendingImport',
      false,
      'EXTERNAL',
    ])
  })

  it('gives a multi-Region key an mrk- key ID', async () => {
    const { alice } = await admin()
    const { KeyMetadata } = await alice.createKey({ MultiRegion: true })

    expect(KeyMetadata.KeyId).toMatch(/^mrk-[0-9a-f]{32}$/)
    expect((await alice.describeKey({ KeyId: KeyMetadata.KeyId })).KeyMetadata.MultiRegion).toBe(
      true,
    )
  })

  it('Guard: every key spec except SYMMETRIC_DEFAULT needs an explicit KeyUsage', async () => {
    const { alice } = await admin()
    const error = await expectKmsError(
      alice.createKey({ KeySpec: 'ECC_NIST_P256' }),
      'ValidationException',
    )

    expect(error.message).toBe(
      'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
    )
  })

  it('Guard: the KeyUsage must be one the key spec supports', async () => {
    const { alice } = await admin()
    const error = await expectKmsError(
      alice.createKey({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'ENCRYPT_DECRYPT' }),
      'ValidationException',
    )

    expect(error.message).toBe(
      'KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec ECC_NIST_P256',
    )
  })

  it('Guard: an enumerated request field must hold one of its values', async () => {
    const { alice } = await admin()
    const request = { KeySpec: 'AES_256' } as unknown as Parameters<typeof alice.createKey>[0]

    await expectKmsError(alice.createKey(request), 'ValidationException')
  })

  it('Guard: a key spec or key usage that AWS has but the sandbox does not model is refused', async () => {
    const { alice } = await admin()
    const error = await expectKmsError(
      alice.createKey({ KeySpec: 'ML_DSA_44', KeyUsage: 'SIGN_VERIFY' }),
      'UnsupportedOperationException',
    )

    expect(error.message).toBe('The sandbox does not model KeySpec ML_DSA_44.')
    await expectKmsError(
      alice.createKey({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' }),
      'UnsupportedOperationException',
    )
  })

  it('Guard: a key description has at most 8192 characters', async () => {
    const { alice } = await admin()

    await expectKmsError(alice.createKey({ Description: 'x'.repeat(8193) }), 'ValidationException')
  })

  it('refuses tags when the caller may create keys but not tag them', async () => {
    const { sandbox } = await admin()
    await sandbox.iam(accountA).putUserPolicy({
      UserName: 'Bob',
      PolicyName: 'create',
      PolicyDocument: allowPolicy('kms:CreateKey'),
    })
    const bob = sandbox.kms(userArn('Bob'))
    const tags = [{ TagKey: 'team', TagValue: 'orders' }]

    const error = await expectKmsError(bob.createKey({ Tags: tags }), 'AccessDeniedException')
    expect(error.decision?.action).toBe('kms:TagResource')
    expect((await bob.createKey({})).KeyMetadata.KeyState).toBe('Enabled')
  })

  it('matches a kms:KeySpec condition with the default when KeySpec is omitted', async () => {
    const { sandbox } = await admin()
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'kms:CreateKey',
          Resource: '*',
          Condition: { StringEquals: { 'kms:KeySpec': 'SYMMETRIC_DEFAULT' } },
        },
      ],
    })
    await sandbox.iam(accountA).putUserPolicy({
      UserName: 'Bob',
      PolicyName: 'sym',
      PolicyDocument: policy,
    })
    const bob = sandbox.kms(userArn('Bob'))

    expect((await bob.createKey({})).KeyMetadata.KeySpec).toBe('SYMMETRIC_DEFAULT')
    await expectKmsError(
      bob.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }),
      'AccessDeniedException',
    )
  })
})

describe('ListKeys and DescribeKey', () => {
  it('lists only the keys of the caller account', async () => {
    const { sandbox, alice } = await admin()
    const { KeyMetadata } = await alice.createKey({})
    await sandbox.iam('444455556666').createUser({ UserName: 'Dave' })
    await sandbox.iam('444455556666').putUserPolicy({
      UserName: 'Dave',
      PolicyName: 'kms',
      PolicyDocument: allowPolicy('kms:*'),
    })

    expect((await alice.listKeys()).Keys).toEqual([
      { KeyId: KeyMetadata.KeyId, KeyArn: KeyMetadata.Arn },
    ])
    expect((await sandbox.kms(userArn('Dave', '444455556666')).listKeys()).Keys).toEqual([])
  })
})

describe('EnableKey, DisableKey and UpdateKeyDescription', () => {
  it('disables and re-enables a key', async () => {
    const { alice } = await admin()
    const { KeyMetadata } = await alice.createKey({})
    await alice.disableKey({ KeyId: KeyMetadata.KeyId })
    const disabled = (await alice.describeKey({ KeyId: KeyMetadata.KeyId })).KeyMetadata
    await alice.enableKey({ KeyId: KeyMetadata.KeyId })

    expect([disabled.KeyState, disabled.Enabled]).toEqual(['Disabled', false])
    expect((await alice.describeKey({ KeyId: KeyMetadata.KeyId })).KeyMetadata.KeyState).toBe(
      'Enabled',
    )
  })

  it('replaces the description', async () => {
    const { alice } = await admin()
    const { KeyMetadata } = await alice.createKey({ Description: 'old' })
    await alice.updateKeyDescription({ KeyId: KeyMetadata.KeyId, Description: 'new' })

    expect((await alice.describeKey({ KeyId: KeyMetadata.KeyId })).KeyMetadata.Description).toBe(
      'new',
    )
  })

  it('Guard: a required request field must be present', async () => {
    const { alice } = await admin()
    const error = await expectKmsError(
      alice.describeKey({} as { KeyId: string }),
      'ValidationException',
    )

    expect(error.message).toBe(
      "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    )
  })
})

describe('ScheduleKeyDeletion and CancelKeyDeletion', () => {
  it('schedules deletion 30 days out when no window is given', async () => {
    const { alice } = await admin()
    const { KeyMetadata } = await alice.createKey({})
    const result = await alice.scheduleKeyDeletion({ KeyId: KeyMetadata.KeyId })

    expect(result).toEqual({
      KeyId: KeyMetadata.Arn,
      DeletionDate: new Date('2026-01-31T00:00:00Z'),
      KeyState: 'PendingDeletion',
      PendingWindowInDays: 30,
    })
  })

  it('Guard: the deletion waiting period is 7 to 30 days', async () => {
    const { alice } = await admin()
    const { KeyMetadata } = await alice.createKey({})
    const error = await expectKmsError(
      alice.scheduleKeyDeletion({ KeyId: KeyMetadata.KeyId, PendingWindowInDays: 5 }),
      'ValidationException',
    )

    expect(error.message).toBe('PendingWindowInDays should be between 7 and 30, but it is 5')
  })

  it('deletes the key and its aliases when the clock passes the deletion date', async () => {
    const { sandbox, alice } = await admin()
    const { KeyMetadata } = await alice.createKey({})
    await alice.createAlias({ AliasName: 'alias/doomed', TargetKeyId: KeyMetadata.KeyId })
    await alice.scheduleKeyDeletion({ KeyId: KeyMetadata.KeyId, PendingWindowInDays: 7 })

    sandbox.clock.advance({ days: 6 })
    expect((await alice.describeKey({ KeyId: 'alias/doomed' })).KeyMetadata.KeyState).toBe(
      'PendingDeletion',
    )

    const event = sandbox.clock.advance({ days: 1 })
    expect(event.deletedKeys).toEqual([KeyMetadata.Arn])
    expect((await alice.listAliases()).Aliases).toEqual([])
    const error = await expectKmsError(
      alice.describeKey({ KeyId: KeyMetadata.KeyId }),
      'NotFoundException',
    )
    expect(error.message).toBe(`Key '${KeyMetadata.Arn}' does not exist`)
  })

  it('brings a key back Disabled, not Enabled, when deletion is cancelled', async () => {
    const { alice } = await admin()
    const { KeyMetadata } = await alice.createKey({})
    await alice.scheduleKeyDeletion({ KeyId: KeyMetadata.KeyId })
    await alice.cancelKeyDeletion({ KeyId: KeyMetadata.KeyId })
    const after = (await alice.describeKey({ KeyId: KeyMetadata.KeyId })).KeyMetadata

    expect([after.KeyState, after.DeletionDate]).toEqual(['Disabled', undefined])
  })

  it('Guard: the simulated clock only moves forward', async () => {
    const { sandbox } = await admin()

    expect(() => sandbox.clock.advance({ days: -1 })).toThrow(RangeError)
  })
})

describe('key rotation', () => {
  it('reports yearly rotation once enabled, and none once disabled', async () => {
    const { alice } = await admin()
    const { KeyMetadata } = await alice.createKey({})
    await alice.enableKeyRotation({ KeyId: KeyMetadata.KeyId })
    const on = await alice.getKeyRotationStatus({ KeyId: KeyMetadata.KeyId })
    await alice.disableKeyRotation({ KeyId: KeyMetadata.KeyId })

    expect(on).toEqual({
      KeyRotationEnabled: true,
      KeyId: KeyMetadata.Arn,
      RotationPeriodInDays: 365,
      NextRotationDate: new Date('2027-01-01T00:00:00Z'),
    })
    const off = await alice.getKeyRotationStatus({ KeyId: KeyMetadata.KeyId })
    expect(off.KeyRotationEnabled).toBe(false)
  })

  it('moves the next rotation date on when the clock passes it', async () => {
    const { sandbox, alice } = await admin()
    const { KeyMetadata } = await alice.createKey({})
    await alice.enableKeyRotation({ KeyId: KeyMetadata.KeyId, RotationPeriodInDays: 90 })
    sandbox.clock.advance({ days: 100 })

    const status = await alice.getKeyRotationStatus({ KeyId: KeyMetadata.KeyId })
    expect(status.NextRotationDate).toEqual(new Date('2026-06-30T00:00:00Z'))
  })

  it('Guard: a rotation period is 90 to 2560 days', async () => {
    const { alice } = await admin()
    const { KeyMetadata } = await alice.createKey({})

    await expectKmsError(
      alice.enableKeyRotation({ KeyId: KeyMetadata.KeyId, RotationPeriodInDays: 30 }),
      'ValidationException',
    )
  })

  it('Guard: automatic rotation applies only to symmetric encryption keys', async () => {
    const { alice } = await admin()
    const { KeyMetadata } = await alice.createKey({
      KeySpec: 'HMAC_256',
      KeyUsage: 'GENERATE_VERIFY_MAC',
    })

    await expectKmsError(
      alice.enableKeyRotation({ KeyId: KeyMetadata.KeyId }),
      'UnsupportedOperationException',
    )
  })
})
