import { describe, expect, it } from 'vitest'

import { accountA, expectKmsError, rootArn, userArn, world } from './helpers'

const context = { order: '1138' }

/** Alice's key, a ciphertext under it, and a Decrypt grant for Bob that Carol may retire. */
type Operation = 'Decrypt' | 'RetireGrant' | 'CreateGrant' | 'Encrypt'

async function granted(operations: readonly Operation[] = ['Decrypt']) {
  const sandbox = await world()
  const alice = sandbox.kms(userArn('Alice'))
  const keyId = (await alice.createKey({})).KeyMetadata.Arn
  const { CiphertextBlob } = await alice.encrypt({
    KeyId: keyId,
    Plaintext: new Uint8Array([7]),
    EncryptionContext: context,
  })
  const grant = await alice.createGrant({
    KeyId: keyId,
    GranteePrincipal: userArn('Bob'),
    RetiringPrincipal: userArn('Carol'),
    Operations: operations,
    Name: 'orders',
  })

  return { sandbox, alice, bob: sandbox.kms(userArn('Bob')), keyId, blob: CiphertextBlob, ...grant }
}

describe('the grant lifecycle', () => {
  it('lets the grantee use a new grant at once only with its grant token', async () => {
    const { sandbox, bob, blob, GrantToken } = await granted()

    const refused = await expectKmsError(
      bob.decrypt({ CiphertextBlob: blob, EncryptionContext: context }),
      'AccessDeniedException',
    )
    expect(refused.decision?.grants[0]?.misses).toEqual([
      { kind: 'not-yet-consistent', grantId: expect.any(String) },
    ])

    await bob.decrypt({
      CiphertextBlob: blob,
      EncryptionContext: context,
      GrantTokens: [GrantToken],
    })
    expect(sandbox.events.at(-1)).toMatchObject({
      decisions: [{ verdict: 'Allow', decidedBy: [expect.stringMatching(/^grant:/)] }],
    })
  })

  it('lets the grantee use the grant without a token once the clock has advanced', async () => {
    const { sandbox, bob, blob } = await granted()
    sandbox.clock.advance({ minutes: 5 })

    const { Plaintext } = await bob.decrypt({ CiphertextBlob: blob, EncryptionContext: context })
    expect(Plaintext).toEqual(new Uint8Array([7]))
  })

  it('lists the grant without its token', async () => {
    const { alice, keyId, GrantId } = await granted()
    const { Grants } = await alice.listGrants({ KeyId: keyId })

    expect(Grants).toEqual([
      {
        KeyId: keyId,
        GrantId,
        Name: 'orders',
        CreationDate: new Date('2026-01-01T00:00:00Z'),
        GranteePrincipal: userArn('Bob'),
        RetiringPrincipal: userArn('Carol'),
        IssuingAccount: rootArn(),
        Operations: ['Decrypt'],
      },
    ])
    const retirable = await alice.listRetirableGrants({ RetiringPrincipal: userArn('Carol') })
    expect(retirable.Grants.map((g) => g.GrantId)).toEqual([GrantId])
  })

  it('returns the same grant with a new token when the same named request repeats', async () => {
    const { alice, keyId, GrantId, GrantToken } = await granted()
    const again = await alice.createGrant({
      KeyId: keyId,
      GranteePrincipal: userArn('Bob'),
      RetiringPrincipal: userArn('Carol'),
      Operations: ['Decrypt'],
      Name: 'orders',
    })

    expect(again.GrantId).toBe(GrantId)
    expect(again.GrantToken).not.toBe(GrantToken)
    expect((await alice.listGrants({ KeyId: keyId })).Grants).toHaveLength(1)
  })

  it('lets the grantee retire the grant when it lists RetireGrant', async () => {
    const { bob, keyId, GrantId, GrantToken } = await granted(['Decrypt', 'RetireGrant'])
    await bob.retireGrant({ KeyId: keyId, GrantId })

    await expectKmsError(bob.retireGrant({ GrantToken }), 'NotFoundException')
  })

  it('refuses the grantee retiring the grant when it does not list RetireGrant', async () => {
    const { bob, keyId, GrantId } = await granted()

    await expectKmsError(bob.retireGrant({ KeyId: keyId, GrantId }), 'AccessDeniedException')
  })

  it('lets the retiring principal retire the grant by its token', async () => {
    const { sandbox, alice, keyId, GrantToken } = await granted()
    await sandbox.kms(userArn('Carol')).retireGrant({ GrantToken })

    expect((await alice.listGrants({ KeyId: keyId })).Grants).toEqual([])
  })

  it('lets a key administrator revoke the grant, and refuses the retiring principal', async () => {
    const { sandbox, alice, keyId, GrantId } = await granted()
    await expectKmsError(
      sandbox.kms(userArn('Carol')).revokeGrant({ KeyId: keyId, GrantId }),
      'AccessDeniedException',
    )
    await alice.revokeGrant({ KeyId: keyId, GrantId })

    expect((await alice.listGrants({ KeyId: keyId })).Grants).toEqual([])
  })

  it('lets an allowed grantee create a child grant only for a subset of its operations', async () => {
    const { sandbox, bob, keyId, GrantToken } = await granted(['Decrypt', 'CreateGrant'])
    sandbox.clock.advance({ minutes: 5 })
    const request = { KeyId: keyId, GranteePrincipal: userArn('Carol'), GrantTokens: [GrantToken] }

    const refused = await expectKmsError(
      bob.createGrant({ ...request, Operations: ['Decrypt', 'Encrypt'] }),
      'AccessDeniedException',
    )
    expect(refused.decision?.grants[0]?.misses).toEqual([
      { kind: 'child-grant-too-broad', detail: 'operations', extra: ['Encrypt'] },
    ])
    expect((await bob.createGrant({ ...request, Operations: ['Decrypt'] })).GrantId).toMatch(
      /^[0-9a-f]{64}$/,
    )
  })

  it('allows a request only when the encryption context meets the grant constraint', async () => {
    const sandbox = await world()
    const alice = sandbox.kms(userArn('Alice'))
    const bob = sandbox.kms(userArn('Bob'))
    const keyId = (await alice.createKey({})).KeyMetadata.KeyId
    const { CiphertextBlob } = await alice.encrypt({
      KeyId: keyId,
      Plaintext: new Uint8Array([7]),
      EncryptionContext: context,
    })
    const { GrantToken } = await alice.createGrant({
      KeyId: keyId,
      GranteePrincipal: userArn('Bob'),
      Operations: ['Decrypt'],
      Constraints: { EncryptionContextEquals: context },
    })
    const request = { CiphertextBlob, GrantTokens: [GrantToken] }

    await bob.decrypt({ ...request, EncryptionContext: context })
    const refused = await expectKmsError(
      bob.decrypt({ ...request, EncryptionContext: { ...context, extra: 'pair' } }),
      'AccessDeniedException',
    )
    expect(refused.decision?.grants[0]?.misses[0]).toMatchObject({
      kind: 'context-mismatch',
      constraint: 'EncryptionContextEquals',
    })
  })
})

describe('CreateGrant rules', () => {
  it('Guard: a grant lists at least one operation, each from the GrantOperation enum', async () => {
    const { alice, keyId } = await granted()
    const grantee = userArn('Carol')

    await expectKmsError(
      alice.createGrant({ KeyId: keyId, GranteePrincipal: grantee, Operations: [] }),
      'ValidationException',
    )
    await expectKmsError(
      alice.createGrant({
        KeyId: keyId,
        GranteePrincipal: grantee,
        Operations: ['ScheduleKeyDeletion' as 'Decrypt'],
      }),
      'ValidationException',
    )
  })

  it("Guard: a grant lists only operations its key's type supports", async () => {
    const { alice, keyId } = await granted()
    const error = await expectKmsError(
      alice.createGrant({ KeyId: keyId, GranteePrincipal: userArn('Carol'), Operations: ['Sign'] }),
      'ValidationException',
    )

    expect(error.message).toBe(
      'Grant operations [Sign] are not valid for a key with KeySpec SYMMETRIC_DEFAULT and KeyUsage ENCRYPT_DECRYPT.',
    )
  })

  it('Guard: grant constraints are allowed only on symmetric encryption keys', async () => {
    const { alice } = await granted()
    const eccKey = { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' } as const
    const ecc = (await alice.createKey(eccKey)).KeyMetadata.KeyId

    await expectKmsError(
      alice.createGrant({
        KeyId: ecc,
        GranteePrincipal: userArn('Carol'),
        Operations: ['Sign'],
        Constraints: { EncryptionContextSubset: { a: 'b' } },
      }),
      'ValidationException',
    )
  })

  it('Guard: grantee and retiring principals are AWS principals KMS can name', async () => {
    const { alice, keyId } = await granted()

    await expectKmsError(
      alice.createGrant({ KeyId: keyId, GranteePrincipal: 'Carol', Operations: ['Decrypt'] }),
      'ValidationException',
    )
  })

  it('Guard: a grant name has 1 to 256 letters, digits, :, /, _ and -', async () => {
    const { alice, keyId } = await granted()

    await expectKmsError(
      alice.createGrant({
        KeyId: keyId,
        GranteePrincipal: userArn('Carol'),
        Operations: ['Decrypt'],
        Name: 'has space',
      }),
      'ValidationException',
    )
  })

  it('refuses a direct CreateGrant under a statement that requires kms:GrantIsForAWSResource', async () => {
    const { sandbox, alice } = await granted()
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: rootArn() }, Action: 'kms:*', Resource: '*' },
        {
          Sid: 'Allow attachment of persistent resources',
          Effect: 'Allow',
          Principal: { AWS: userArn('Carol') },
          Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
          Resource: '*',
          Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
        },
      ],
    })
    const keyId = (await alice.createKey({ Policy: policy })).KeyMetadata.KeyId
    const request = {
      KeyId: keyId,
      GranteePrincipal: userArn('Bob'),
      Operations: ['Decrypt' as const],
    }

    await expectKmsError(
      sandbox.kms(userArn('Carol')).createGrant(request),
      'AccessDeniedException',
    )
    await sandbox.kms(userArn('Carol'), { via: 'ec2.amazonaws.com' }).createGrant(request)
    expect(sandbox.events.at(-1)).toMatchObject({ via: 'ec2.amazonaws.com', outcome: { ok: true } })
  })
})

describe('RetireGrant and RevokeGrant rules', () => {
  it('Guard: RetireGrant names the grant by its token, or by key ID and grant ID together', async () => {
    const { bob, GrantId } = await granted()

    await expectKmsError(bob.retireGrant({ GrantId }), 'ValidationException')
  })

  it('Guard: a grant ID is 64 hexadecimal characters', async () => {
    const { alice, keyId } = await granted()

    await expectKmsError(
      alice.revokeGrant({ KeyId: keyId, GrantId: 'abc' }),
      'InvalidGrantIdException',
    )
  })

  it('Guard: a grant ID names a grant on the key given', async () => {
    const { alice, keyId } = await granted()

    await expectKmsError(
      alice.revokeGrant({ KeyId: keyId, GrantId: 'f'.repeat(64) }),
      'NotFoundException',
    )
  })

  it('Guard: a grant token names a grant that still exists', async () => {
    const { sandbox, alice, keyId, GrantId, GrantToken } = await granted()
    await alice.revokeGrant({ KeyId: keyId, GrantId })

    await expectKmsError(
      sandbox.kms(userArn('Carol')).retireGrant({ GrantToken }),
      'NotFoundException',
    )
  })

  it('Guard: a grant token must be one that CreateGrant could have returned', async () => {
    const { bob, blob } = await granted()

    await expectKmsError(
      bob.decrypt({ CiphertextBlob: blob, GrantTokens: ['made-up'] }),
      'InvalidGrantTokenException',
    )
  })

  it('Guard: a request carries at most 10 grant tokens', async () => {
    const { bob, blob, GrantToken } = await granted()

    await expectKmsError(
      bob.decrypt({ CiphertextBlob: blob, GrantTokens: Array(11).fill(GrantToken) }),
      'ValidationException',
    )
  })
})

describe('grants and accounts', () => {
  it('records the issuing account of a grant', async () => {
    const { sandbox } = await granted()
    const key = Object.values(sandbox.state.keys)[0]!

    expect(key.grants[0]?.issuingAccount).toBe(`arn:aws:iam::${accountA}:root`)
  })
})
