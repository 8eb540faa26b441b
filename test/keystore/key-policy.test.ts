import { describe, expect, it } from 'vitest'

import { consoleDefaultPolicy } from '../../src/keystore'
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

async function admin() {
  const sandbox = await world()
  const alice = sandbox.kms(userArn('Alice'))
  const keyId = (await alice.createKey({})).KeyMetadata.KeyId

  return { sandbox, alice, keyId }
}

const onlyAlice = keyPolicy(allow(userArn('Alice'), 'kms:*', 'Alice only'))
const accountStatement = allow(rootArn(), 'kms:*', 'Enable IAM User Permissions')

describe('GetKeyPolicy, PutKeyPolicy and ListKeyPolicies', () => {
  it('returns the policy text a PutKeyPolicy stored', async () => {
    const { alice, keyId } = await admin()
    const policy = keyPolicy(accountStatement, allow(userArn('Alice'), 'kms:*'))
    await alice.putKeyPolicy({ KeyId: keyId, Policy: policy })

    expect(await alice.getKeyPolicy({ KeyId: keyId })).toEqual({
      Policy: policy,
      PolicyName: 'default',
    })
    expect(await alice.listKeyPolicies({ KeyId: keyId })).toEqual({
      PolicyNames: ['default'],
      Truncated: false,
    })
  })

  it('Guard: the only key policy name is default', async () => {
    const { alice, keyId } = await admin()

    await expectKmsError(
      alice.getKeyPolicy({ KeyId: keyId, PolicyName: 'other' }),
      'NotFoundException',
    )
  })

  it('Guard: a key policy must be valid JSON, within 32 KB, in the key policy grammar', async () => {
    const { alice, keyId } = await admin()
    const noPrincipal = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
    })
    const huge = keyPolicy({ ...accountStatement, Sid: 'x'.repeat(33_000) })

    const malformed = await expectKmsError(
      alice.putKeyPolicy({ KeyId: keyId, Policy: '{"Statement": [' }),
      'MalformedPolicyDocumentException',
    )
    const missing = await expectKmsError(
      alice.putKeyPolicy({ KeyId: keyId, Policy: noPrincipal }),
      'MalformedPolicyDocumentException',
    )
    await expectKmsError(
      alice.putKeyPolicy({ KeyId: keyId, Policy: huge }),
      'LimitExceededException',
    )

    expect(malformed.message).toMatch(/^invalid JSON/)
    expect(missing.message).toBe('Statement[0]: Policy contains a statement with no principal.')
  })
})

describe('the policy lockout safety check', () => {
  it('Guard: a new key policy must let the caller change the key policy later', async () => {
    const { alice, keyId } = await admin()
    const onlyBob = keyPolicy(allow(userArn('Bob'), 'kms:*'))
    const error = await expectKmsError(
      alice.putKeyPolicy({ KeyId: keyId, Policy: onlyBob }),
      'MalformedPolicyDocumentException',
    )

    expect(error.message).toBe(
      'The new key policy will not allow you to update the key policy in the future.',
    )
    expect(error.decision).toMatchObject({ action: 'kms:PutKeyPolicy', verdict: 'ImplicitDeny' })
  })

  it('lets the caller lock itself out when it bypasses the check', async () => {
    const { alice, keyId } = await admin()
    const onlyBob = keyPolicy(allow(userArn('Bob'), 'kms:*'))
    await alice.putKeyPolicy({
      KeyId: keyId,
      Policy: onlyBob,
      BypassPolicyLockoutSafetyCheck: true,
    })

    await expectKmsError(
      alice.putKeyPolicy({ KeyId: keyId, Policy: onlyAlice }),
      'AccessDeniedException',
    )
  })

  it('applies to CreateKey when a Policy is given', async () => {
    const { alice } = await admin()
    const onlyBob = keyPolicy(allow(userArn('Bob'), 'kms:*'))

    await expectKmsError(alice.createKey({ Policy: onlyBob }), 'MalformedPolicyDocumentException')
    expect((await alice.createKey({ Policy: onlyAlice })).KeyMetadata.KeyState).toBe('Enabled')
  })

  it('counts the caller IAM policies together with the new key policy', async () => {
    const { sandbox } = await admin()
    const iam = sandbox.iam(accountA)
    await iam.putUserPolicy({
      UserName: 'Bob',
      PolicyName: 'create',
      PolicyDocument: allowPolicy('kms:CreateKey'),
    })
    const bob = sandbox.kms(userArn('Bob'))

    // The account statement lets IAM decide, and Bob's IAM policy lacks kms:PutKeyPolicy.
    await expectKmsError(
      bob.createKey({ Policy: keyPolicy(accountStatement) }),
      'MalformedPolicyDocumentException',
    )
    await iam.putUserPolicy({
      UserName: 'Bob',
      PolicyName: 'put',
      PolicyDocument: allowPolicy('kms:PutKeyPolicy'),
    })
    expect((await bob.createKey({ Policy: keyPolicy(accountStatement) })).KeyMetadata.Enabled).toBe(
      true,
    )
  })
})

describe('principals in a key policy', () => {
  it('Guard: a key policy may name only IAM users and roles that exist', async () => {
    const { alice, keyId } = await admin()
    const ghost = keyPolicy(accountStatement, allow(userArn('Nobody'), 'kms:Decrypt'))
    const error = await expectKmsError(
      alice.putKeyPolicy({ KeyId: keyId, Policy: ghost }),
      'MalformedPolicyDocumentException',
    )

    expect(error.message).toBe('Policy contains a statement with one or more invalid principals.')
  })

  it('accepts accounts never seen before and service principals', async () => {
    const { sandbox, alice, keyId } = await admin()
    const policy = keyPolicy(
      accountStatement,
      allow(rootArn('999988887777'), 'kms:Decrypt'),
      {
        Effect: 'Allow',
        Principal: { Service: 'logs.amazonaws.com' },
        Action: 'kms:Encrypt',
        Resource: '*',
      },
    )
    await alice.putKeyPolicy({ KeyId: keyId, Policy: policy })

    expect(Object.keys(sandbox.state.accounts)).toContain('999988887777')
  })

  it('leaves the key unmanageable when the only user it names is deleted', async () => {
    const { sandbox, alice, keyId } = await admin()
    await alice.putKeyPolicy({ KeyId: keyId, Policy: onlyAlice })
    const oldId = sandbox.state.accounts[accountA]!.users['Alice']!.uniqueId

    const iam = sandbox.iam(accountA)
    await iam.deleteUserPolicy({ UserName: 'Alice', PolicyName: 'kms-admin' })
    await iam.deleteUser({ UserName: 'Alice' })
    const { User } = await iam.createUser({ UserName: 'Alice' })

    expect(User.UserId).not.toBe(oldId)
    expect(sandbox.state.keys[keyId]!.policy.text).toContain(`"${oldId}"`)
    const replacement = keyPolicy(accountStatement)
    await expectKmsError(
      sandbox.kms(userArn('Alice')).putKeyPolicy({ KeyId: keyId, Policy: replacement }),
      'AccessDeniedException',
    )
    await expectKmsError(
      sandbox.kms(rootArn()).putKeyPolicy({ KeyId: keyId, Policy: replacement }),
      'AccessDeniedException',
    )
  })

  it('lets the root user repair the policy when the account statement is kept', async () => {
    const { sandbox, alice, keyId } = await admin()
    await alice.putKeyPolicy({
      KeyId: keyId,
      Policy: keyPolicy(accountStatement, allow(userArn('Alice'), 'kms:*')),
    })
    const oldId = sandbox.state.accounts[accountA]!.users['Alice']!.uniqueId
    const iam = sandbox.iam(accountA)
    await iam.deleteUserPolicy({ UserName: 'Alice', PolicyName: 'kms-admin' })
    await iam.deleteUser({ UserName: 'Alice' })

    const root = sandbox.kms(rootArn())
    const { Policy } = await root.getKeyPolicy({ KeyId: keyId })
    await root.putKeyPolicy({ KeyId: keyId, Policy: keyPolicy(accountStatement) })

    expect(JSON.parse(Policy).Statement[1].Principal.AWS).toBe(oldId)
  })
})

describe('consoleDefaultPolicy', () => {
  it('writes the console statements for a symmetric key', () => {
    const policy = JSON.parse(
      consoleDefaultPolicy({
        account: accountA,
        admins: [userArn('Alice')],
        users: [userArn('Bob')],
        externalAccounts: ['444455556666'],
      }),
    )

    expect(policy.Id).toBe('key-consolepolicy-3')
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'Enable IAM User Permissions',
      'Allow access for Key Administrators',
      'Allow use of the key',
      'Allow attachment of persistent resources',
    ])
    expect(policy.Statement[1].Action).toContain('kms:ScheduleKeyDeletion')
    expect(policy.Statement[2].Action).toEqual([
      'kms:Decrypt',
      'kms:DescribeKey',
      'kms:Encrypt',
      'kms:GenerateDataKey*',
      'kms:ReEncrypt*',
    ])
    expect(policy.Statement[3].Principal.AWS).toEqual([userArn('Bob'), rootArn('444455556666')])
    expect(policy.Statement[3].Condition).toEqual({ Bool: { 'kms:GrantIsForAWSResource': true } })
  })

  it('leaves out the persistent-resources statement for an HMAC key', () => {
    const policy = JSON.parse(
      consoleDefaultPolicy({
        account: accountA,
        keySpec: 'HMAC_256',
        users: [userArn('Bob')],
        allowAdminsToDelete: false,
        admins: [userArn('Alice')],
      }),
    )

    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'Enable IAM User Permissions',
      'Allow access for Key Administrators',
      'Allow use of the key',
    ])
    expect(policy.Statement[1].Action).not.toContain('kms:ScheduleKeyDeletion')
    expect(policy.Statement[2].Action).toEqual([
      'kms:DescribeKey',
      'kms:GenerateMac',
      'kms:VerifyMac',
    ])
  })

  it('lets a key user encrypt with no IAM policy and refuses it key administration', async () => {
    const { sandbox, alice } = await admin()
    const Policy = consoleDefaultPolicy({
      account: accountA,
      admins: [userArn('Alice')],
      users: [userArn('Bob')],
    })
    const { KeyMetadata } = await alice.createKey({ Policy })
    const bob = sandbox.kms(userArn('Bob'))

    await bob.encrypt({ KeyId: KeyMetadata.KeyId, Plaintext: new Uint8Array([1]) })
    await expectKmsError(bob.disableKey({ KeyId: KeyMetadata.KeyId }), 'AccessDeniedException')
  })
})
