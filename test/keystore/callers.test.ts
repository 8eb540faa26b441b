import { describe, expect, it } from 'vitest'

import { IamError } from '../../src/keystore'
import {
  accountA,
  allow,
  allowPolicy,
  expectKmsError,
  keyPolicy,
  roleArn,
  rootArn,
  userArn,
  world,
} from './helpers'

describe('who can call', () => {
  it('Guard: a call from an IAM user or role that does not exist has invalid credentials', async () => {
    const sandbox = await world()
    const error = await expectKmsError(
      sandbox.kms(userArn('Mallory')).listKeys(),
      'UnrecognizedClientException',
    )

    expect(error.message).toBe('The security token included in the request is invalid.')
    expect(sandbox.events.at(-1)).toMatchObject({
      caller: userArn('Mallory'),
      decisions: [],
      outcome: { ok: false },
    })
  })

  it('refuses a client whose user was deleted after the client was made', async () => {
    const sandbox = await world()
    const carol = sandbox.kms(userArn('Carol'))
    await sandbox.iam(accountA).deleteUser({ UserName: 'Carol' })

    await expectKmsError(carol.listKeys(), 'UnrecognizedClientException')
  })

  it('calls as a session of a role with the role identity policies', async () => {
    const sandbox = await world()
    const iam = sandbox.iam(accountA)
    await iam.createRole({ RoleName: 'worker' })
    await iam.putRolePolicy({
      RoleName: 'worker',
      PolicyName: 'kms',
      PolicyDocument: allowPolicy('kms:*'),
    })

    await sandbox.kms(roleArn('worker')).createKey({})
    await sandbox.kms(`arn:aws:sts::${accountA}:assumed-role/worker/nightly`).listKeys()
    expect(sandbox.events.slice(-2).map((e) => (e.kind === 'kms' ? e.caller : ''))).toEqual([
      `arn:aws:sts::${accountA}:assumed-role/worker/session`,
      `arn:aws:sts::${accountA}:assumed-role/worker/nightly`,
    ])
  })

  it('lets the account root user use a key through the account statement', async () => {
    const sandbox = await world()
    const keyId = (await sandbox.kms(userArn('Alice')).createKey({})).KeyMetadata.KeyId

    await sandbox.kms(rootArn()).scheduleKeyDeletion({ KeyId: keyId })
  })

  it('lets the account root user create a key with no policy', async () => {
    const sandbox = await world()

    await sandbox.kms(rootArn()).createKey({})
  })

  it('lets a service principal the key policy names use the key by ARN', async () => {
    const sandbox = await world()
    const policy = keyPolicy(allow(rootArn(), 'kms:*'), {
      Effect: 'Allow',
      Principal: { Service: 'logs.amazonaws.com' },
      Action: 'kms:Encrypt',
      Resource: '*',
    })
    const { KeyMetadata } = await sandbox.kms(userArn('Alice')).createKey({ Policy: policy })
    const logs = sandbox.kms('logs.amazonaws.com')

    await logs.encrypt({ KeyId: KeyMetadata.Arn, Plaintext: new Uint8Array([1]) })
    await expectKmsError(
      logs.encrypt({ KeyId: KeyMetadata.KeyId, Plaintext: new Uint8Array([1]) }),
      'NotFoundException',
    )
  })
})

describe('sandbox.iam', () => {
  it('creates users and roles with unique IDs of the AWS shape', async () => {
    const sandbox = await world()
    const iam = sandbox.iam(accountA)
    const { User } = await iam.getUser({ UserName: 'Alice' })
    const { Role } = await iam.createRole({ RoleName: 'worker', Path: '/apps/' })

    expect(User.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/)
    expect(Role).toMatchObject({
      Arn: roleArn('apps/worker'),
      RoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}$/),
    })
    expect((await iam.listUsers()).Users.map((u) => u.UserName)).toEqual(['Alice', 'Bob', 'Carol'])
    expect(await iam.listUserPolicies({ UserName: 'Alice' })).toEqual({
      PolicyNames: ['kms-admin'],
      IsTruncated: false,
    })
    const inline = await iam.getUserPolicy({ UserName: 'Alice', PolicyName: 'kms-admin' })
    expect(inline.PolicyDocument).toBe(allowPolicy('kms:*'))
  })

  it('Guard: an IAM user or role name is unique in its account, ignoring case', async () => {
    const sandbox = await world()

    await expect(sandbox.iam(accountA).createUser({ UserName: 'alice' })).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'User with name alice already exists.',
    })
  })

  it('Guard: an IAM operation names a user or role that exists', async () => {
    const sandbox = await world()

    await expect(sandbox.iam(accountA).getRole({ RoleName: 'nobody' })).rejects.toBeInstanceOf(
      IamError,
    )
  })

  it('Guard: a user or role cannot be deleted while it still has inline policies', async () => {
    const sandbox = await world()

    await expect(sandbox.iam(accountA).deleteUser({ UserName: 'Alice' })).rejects.toMatchObject({
      code: 'DeleteConflictException',
    })
  })

  it('Guard: an identity policy must be valid JSON in the IAM policy grammar', async () => {
    const sandbox = await world()
    const withPrincipal = JSON.stringify({
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }],
    })

    await expect(
      sandbox.iam(accountA).putUserPolicy({
        UserName: 'Bob',
        PolicyName: 'p',
        PolicyDocument: withPrincipal,
      }),
    ).rejects.toMatchObject({ code: 'MalformedPolicyDocumentException' })
  })

  it('Guard: a policy operation names an inline policy the user or role has', async () => {
    const sandbox = await world()

    const request = { UserName: 'Bob', PolicyName: 'none' }

    await expect(sandbox.iam(accountA).deleteUserPolicy(request)).rejects.toMatchObject({
      code: 'NoSuchEntityException',
    })
  })

  it('Guard: GetUserPolicy and GetRolePolicy name an inline policy that exists', async () => {
    const sandbox = await world()

    const request = { UserName: 'Bob', PolicyName: 'none' }

    await expect(sandbox.iam(accountA).getUserPolicy(request)).rejects.toMatchObject({
      code: 'NoSuchEntityException',
    })
  })

  it('Guard: IAM names are 1 to 64 letters, digits and +=,.@_- characters', async () => {
    const sandbox = await world()

    const request = { UserName: 'has space' }

    await expect(sandbox.iam(accountA).createUser(request)).rejects.toMatchObject({
      code: 'ValidationError',
    })
  })

  it('Guard: an IAM path starts and ends with a slash', async () => {
    const sandbox = await world()

    const request = { RoleName: 'r', Path: 'apps' }

    await expect(sandbox.iam(accountA).createRole(request)).rejects.toMatchObject({
      code: 'ValidationError',
    })
  })

  it('Guard: an account ID is twelve digits', async () => {
    const sandbox = await world()

    expect(() => sandbox.iam('1234')).toThrow(RangeError)
  })
})
