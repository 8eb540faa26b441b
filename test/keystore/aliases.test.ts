import { describe, expect, it } from 'vitest'

import {
  accountA,
  allow,
  allowPolicy,
  expectKmsError,
  keyPolicy,
  rootArn,
  userArn,
  world,
} from './helpers'

const aliasArn = (name: string, account = accountA) =>
  `arn:aws:kms:us-west-2:${account}:alias/${name}`

async function admin() {
  const sandbox = await world()
  const alice = sandbox.kms(userArn('Alice'))
  const key = (await alice.createKey({})).KeyMetadata
  await alice.createAlias({ AliasName: 'alias/orders', TargetKeyId: key.KeyId })

  return { sandbox, alice, key }
}

describe('CreateAlias', () => {
  it('names a key so that the alias name and alias ARN resolve to it', async () => {
    const { alice, key } = await admin()

    expect((await alice.describeKey({ KeyId: 'alias/orders' })).KeyMetadata.Arn).toBe(key.Arn)
    expect((await alice.describeKey({ KeyId: aliasArn('orders') })).KeyMetadata.Arn).toBe(key.Arn)
  })

  it('needs kms:CreateAlias on the alias as well as on the key', async () => {
    const { sandbox, key } = await admin()
    const iam = sandbox.iam(accountA)
    await iam.putUserPolicy({
      UserName: 'Bob',
      PolicyName: 'key',
      PolicyDocument: allowPolicy('kms:CreateAlias', key.Arn),
    })
    const bob = sandbox.kms(userArn('Bob'))

    const refused = await expectKmsError(
      bob.createAlias({ AliasName: 'alias/bob', TargetKeyId: key.KeyId }),
      'AccessDeniedException',
    )
    expect(refused.decision?.resource).toBe(aliasArn('bob'))
    expect(refused.message).toBe(
      `User: ${userArn('Bob')} is not authorized to perform: kms:CreateAlias on resource: ${aliasArn('bob')} because no identity-based policy allows the kms:CreateAlias action`,
    )

    await iam.putUserPolicy({
      UserName: 'Bob',
      PolicyName: 'alias',
      PolicyDocument: allowPolicy('kms:CreateAlias', aliasArn('bob')),
    })
    await bob.createAlias({ AliasName: 'alias/bob', TargetKeyId: key.KeyId })
    expect(sandbox.events.at(-1)).toMatchObject({
      decisions: [
        { resource: aliasArn('bob'), verdict: 'Allow' },
        { resource: key.Arn, verdict: 'Allow' },
      ],
    })
  })

  it('refuses a principal the key policy names when no IAM policy allows the alias', async () => {
    const { sandbox, alice } = await admin()
    const policy = keyPolicy(allow(rootArn(), 'kms:*'), allow(userArn('Bob'), 'kms:CreateAlias'))
    const { KeyMetadata } = await alice.createKey({ Policy: policy })

    await expectKmsError(
      sandbox.kms(userArn('Bob')).createAlias({
        AliasName: 'alias/bob',
        TargetKeyId: KeyMetadata.KeyId,
      }),
      'AccessDeniedException',
    )
  })

  it('Guard: an alias name is unique in its account and Region', async () => {
    const { alice, key } = await admin()
    const error = await expectKmsError(
      alice.createAlias({ AliasName: 'alias/orders', TargetKeyId: key.KeyId }),
      'AlreadyExistsException',
    )

    expect(error.message).toBe(`An alias with the name ${aliasArn('orders')} already exists`)
  })

  it('Guard: an alias name starts with alias/', async () => {
    const { alice, key } = await admin()

    await expectKmsError(
      alice.createAlias({ AliasName: 'orders', TargetKeyId: key.KeyId }),
      'ValidationException',
    )
  })

  it('Guard: an alias name has at most 256 characters of letters, digits, /, _ and -', async () => {
    const { alice, key } = await admin()

    await expectKmsError(
      alice.createAlias({ AliasName: 'alias/has space', TargetKeyId: key.KeyId }),
      'ValidationException',
    )
    await expectKmsError(
      alice.createAlias({ AliasName: `alias/${'a'.repeat(251)}`, TargetKeyId: key.KeyId }),
      'ValidationException',
    )
  })

  it('Guard: alias names beginning with alias/aws/ are reserved for AWS managed keys', async () => {
    const { alice, key } = await admin()

    await expectKmsError(
      alice.createAlias({ AliasName: 'alias/aws/ebs', TargetKeyId: key.KeyId }),
      'InvalidAliasNameException',
    )
  })

  it('Guard: an alias and its key are in the same account', async () => {
    const { sandbox, key } = await admin()
    await sandbox.iam('444455556666').createUser({ UserName: 'Dave' })
    await sandbox.iam('444455556666').putUserPolicy({
      UserName: 'Dave',
      PolicyName: 'kms',
      PolicyDocument: allowPolicy('kms:*'),
    })
    const dave = sandbox.kms(userArn('Dave', '444455556666'))

    await expectKmsError(
      dave.createAlias({ AliasName: 'alias/theirs', TargetKeyId: key.Arn }),
      'NotFoundException',
    )
  })
})

describe('UpdateAlias, DeleteAlias and ListAliases', () => {
  it('moves an alias to another key of the same type', async () => {
    const { alice } = await admin()
    const next = (await alice.createKey({})).KeyMetadata
    await alice.updateAlias({ AliasName: 'alias/orders', TargetKeyId: next.KeyId })

    expect((await alice.describeKey({ KeyId: 'alias/orders' })).KeyMetadata.KeyId).toBe(next.KeyId)
    expect(await alice.listAliases({ KeyId: next.KeyId })).toMatchObject({
      Aliases: [
        { AliasName: 'alias/orders', AliasArn: aliasArn('orders'), TargetKeyId: next.KeyId },
      ],
    })
  })

  it('Guard: an alias moves only between keys of the same key spec and key usage', async () => {
    const { alice } = await admin()
    const hmacKey = { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' } as const
    const hmac = (await alice.createKey(hmacKey)).KeyMetadata

    await expectKmsError(
      alice.updateAlias({ AliasName: 'alias/orders', TargetKeyId: hmac.KeyId }),
      'ValidationException',
    )
  })

  it('Guard: an alias cannot move to a key that is pending deletion', async () => {
    const { alice } = await admin()
    const next = (await alice.createKey({})).KeyMetadata
    await alice.scheduleKeyDeletion({ KeyId: next.KeyId })

    await expectKmsError(
      alice.updateAlias({ AliasName: 'alias/orders', TargetKeyId: next.KeyId }),
      'KMSInvalidStateException',
    )
  })

  it('deletes an alias and leaves the key', async () => {
    const { alice, key } = await admin()
    await alice.deleteAlias({ AliasName: 'alias/orders' })

    expect((await alice.listAliases()).Aliases).toEqual([])
    expect((await alice.describeKey({ KeyId: key.KeyId })).KeyMetadata.KeyState).toBe('Enabled')
  })

  it("Guard: an alias operation names an alias that exists in the caller's account", async () => {
    const { alice } = await admin()
    const error = await expectKmsError(
      alice.deleteAlias({ AliasName: 'alias/nope' }),
      'NotFoundException',
    )

    expect(error.message).toBe(`Alias ${aliasArn('nope')} is not found.`)
  })
})

describe('key identifiers', () => {
  it('Guard: a KeyId must be a key ID, key ARN, alias name or alias ARN the operation accepts', async () => {
    const { alice } = await admin()
    const garbage = await expectKmsError(alice.describeKey({ KeyId: 'x' }), 'NotFoundException')
    const aliasForKeyOnly = await expectKmsError(
      alice.disableKey({ KeyId: 'alias/orders' }),
      'NotFoundException',
    )

    expect(garbage.message).toBe("Invalid keyId 'x'")
    expect(aliasForKeyOnly.message).toBe("Invalid keyId 'alias/orders'")
  })

  it("Guard: an ARN must name the sandbox's Region", async () => {
    const { alice, key } = await admin()
    const error = await expectKmsError(
      alice.describeKey({ KeyId: key.Arn.replace('us-west-2', 'eu-west-1') }),
      'NotFoundException',
    )

    expect(error.message).toBe('Invalid arn eu-west-1')
  })

  it('reports an unknown alias name and an unknown key ID as AWS does', async () => {
    const { alice } = await admin()
    const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab'

    const alias = await expectKmsError(
      alice.describeKey({ KeyId: 'alias/nope' }),
      'NotFoundException',
    )
    const key = await expectKmsError(alice.describeKey({ KeyId: keyId }), 'NotFoundException')

    expect(alias.message).toBe(`Alias ${aliasArn('nope')} is not found.`)
    expect(key.message).toBe(`Key 'arn:aws:kms:us-west-2:${accountA}:key/${keyId}' does not exist`)
  })

  it('sets kms:RequestAlias when the request names the key by an alias', async () => {
    const { sandbox, alice } = await admin()
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'kms:Encrypt',
          Resource: '*',
          Condition: { StringEquals: { 'kms:RequestAlias': 'alias/orders' } },
        },
      ],
    })
    await sandbox.iam(accountA).putUserPolicy({
      UserName: 'Bob',
      PolicyName: 'by-alias',
      PolicyDocument: policy,
    })
    const bob = sandbox.kms(userArn('Bob'))
    const keyId = (await alice.describeKey({ KeyId: 'alias/orders' })).KeyMetadata.KeyId

    await bob.encrypt({ KeyId: 'alias/orders', Plaintext: new Uint8Array([1]) })
    await expectKmsError(
      bob.encrypt({ KeyId: keyId, Plaintext: new Uint8Array([1]) }),
      'AccessDeniedException',
    )
  })
})
