import { inspect } from 'node:util'
import { beforeEach, describe, expect, it } from 'vitest'

import type { KmsError, KmsEvent } from '../../src/keystore'
import {
  ec2Service,
  infrastructureSessionOf,
  ServiceError,
  type ActionOutcome,
  type Ec2State,
} from '../../src/services'
import { account, ec2World, userArn, type Ec2World } from './world'

const { CreateVolume, AttachVolume, DetachVolume } = ec2Service.actions
const volume = 'vol-0a1b2c3d'
const otherVolume = 'vol-0f0e0d0c'
const instance = 'i-1234abcd'
const session = infrastructureSessionOf(account, instance)

function summary(events: readonly KmsEvent[]) {
  return events.map((event) => ({
    operation: event.operation,
    caller: event.caller,
    via: event.via,
    decidedBy: event.decisions.at(-1)?.decidedBy,
    outcome: event.outcome.ok ? 'ok' : event.outcome.code,
  }))
}

function succeeded<Result>(outcome: ActionOutcome<Ec2State, Result>): Ec2State {
  if (!outcome.ok) throw outcome.error

  return outcome.state
}

function failed<Result>(outcome: ActionOutcome<Ec2State, Result>, code: string) {
  expect(outcome.ok, `expected ${code}`).toBe(false)
  const error = (outcome as { readonly error: KmsError | ServiceError }).error
  expect(error.code).toBe(code)

  return error
}

let w: Ec2World
beforeEach(async () => {
  w = await ec2World()
})

function denyDecryptOf(volumeId: string): object {
  return {
    Sid: 'Keep this volume sealed',
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: 'kms:Decrypt',
    Resource: '*',
    Condition: { StringEquals: { 'kms:EncryptionContext:aws:ebs:id': volumeId } },
  }
}

function grantsOnKey(): number {
  const keyId = w.keyArn.split('/')[1]!

  return w.sandbox.state.keys[keyId]!.grants.length
}

function created(volumeId = volume): Ec2State {
  return succeeded(
    CreateVolume(
      w.sandbox,
      w.alice,
      { VolumeId: volumeId, KeyId: w.keyArn },
      ec2Service.initialState,
    ),
  )
}

describe('ec2Service under a console key policy', () => {
  it('creates, attaches and detaches with the calls EBS makes for a key user', () => {
    // Given Alice, a key user named in the console's key policy, with no IAM policy
    const create = CreateVolume(
      w.sandbox,
      w.alice,
      { VolumeId: volume, KeyId: w.keyArn },
      ec2Service.initialState,
    )
    const afterCreate = succeeded(create)

    // When EC2 attaches the volume and detaches it again
    const attach = AttachVolume(
      w.sandbox,
      w.alice,
      { VolumeId: volume, InstanceId: instance },
      afterCreate,
    )
    const afterAttach = succeeded(attach)
    const grantId = afterAttach.volumes[volume]!.attachment!.grantId
    expect(grantsOnKey()).toBe(1)

    const detach = DetachVolume(w.sandbox, w.alice, { VolumeId: volume }, afterAttach)
    const afterDetach = succeeded(detach)

    // Then each KMS call names its caller and what allowed it
    const byEc2 = 'ec2.amazonaws.com'
    expect(summary([...create.events, ...attach.events, ...detach.events])).toEqual([
      {
        operation: 'DescribeKey',
        caller: w.alice,
        via: byEc2,
        decidedBy: ['key-policy:Allow use of the key'],
        outcome: 'ok',
      },
      {
        operation: 'GenerateDataKeyWithoutPlaintext',
        caller: w.alice,
        via: byEc2,
        decidedBy: ['key-policy:Allow use of the key'],
        outcome: 'ok',
      },
      {
        operation: 'CreateGrant',
        caller: w.alice,
        via: byEc2,
        decidedBy: ['key-policy:Allow attachment of persistent resources'],
        outcome: 'ok',
      },
      {
        operation: 'Decrypt',
        caller: session,
        via: undefined,
        decidedBy: [`grant:${grantId}`],
        outcome: 'ok',
      },
      {
        operation: 'RetireGrant',
        caller: byEc2,
        via: undefined,
        decidedBy: [`grant:${grantId}`],
        outcome: 'ok',
      },
    ])
    expect(create.events[1]!.request).toEqual({
      KeyId: w.keyArn,
      NumberOfBytes: 64,
      EncryptionContext: { 'aws:ebs:id': volume },
    })
    expect(attach.events[0]!.request).toMatchObject({
      GranteePrincipal: session,
      RetiringPrincipal: byEc2,
      Operations: ['Decrypt'],
      Constraints: { EncryptionContextSubset: { 'aws:ebs:id': volume } },
    })

    // And every state is its own value, so a runner can step back to any of them
    expect(afterCreate.volumes[volume]).toMatchObject({ state: 'available', keyArn: w.keyArn })
    expect(afterAttach.volumes[volume]).toMatchObject({
      state: 'in-use',
      attachment: { instanceId: instance },
    })
    expect(afterDetach.volumes[volume]).toMatchObject({ state: 'available' })
    expect(afterDetach.volumes[volume]!.attachment).toBeUndefined()
    expect(grantsOnKey()).toBe(0)
  })

  it('fails CreateVolume with DisabledException when the key is disabled', async () => {
    await w.sandbox.kms(w.admin).disableKey({ KeyId: w.keyArn })

    const outcome = CreateVolume(
      w.sandbox,
      w.alice,
      { VolumeId: volume, KeyId: w.keyArn },
      ec2Service.initialState,
    )

    failed(outcome, 'DisabledException')
    expect(outcome.state).toBe(ec2Service.initialState)
    expect(summary(outcome.events).map((e) => [e.operation, e.outcome])).toEqual([
      ['DescribeKey', 'ok'],
      ['GenerateDataKeyWithoutPlaintext', 'DisabledException'],
    ])
  })

  it('refuses AttachVolume at CreateGrant when the key policy lacks the attachment statement', async () => {
    w = await ec2World({ withAttachment: false })
    const state = created()

    const outcome = AttachVolume(
      w.sandbox,
      w.alice,
      { VolumeId: volume, InstanceId: instance },
      state,
    )

    const error = failed(outcome, 'AccessDeniedException') as KmsError
    expect(error.decision).toMatchObject({
      verdict: 'ImplicitDeny',
      action: 'kms:CreateGrant',
      principal: w.alice,
    })
    expect(summary(outcome.events).map((e) => [e.operation, e.caller, e.outcome])).toEqual([
      ['CreateGrant', w.alice, 'AccessDeniedException'],
    ])
    expect(outcome.state).toBe(state)
    expect(grantsOnKey()).toBe(0)
  })

  it('refuses CreateGrant for the instance when the user calls KMS without EC2', async () => {
    const direct = w.sandbox
      .kms(w.alice)
      .createGrant({ KeyId: w.keyArn, GranteePrincipal: session, Operations: ['Decrypt'] })

    const error = await direct.then(
      () => expect.fail('expected a refusal'),
      (thrown: unknown) => thrown as KmsError,
    )

    expect(error.code).toBe('AccessDeniedException')
    expect(error.decision?.verdict).toBe('ImplicitDeny')
  })

  it('denies the instance session a Decrypt under another volume context', () => {
    const both = succeeded(
      CreateVolume(w.sandbox, w.alice, { VolumeId: otherVolume, KeyId: w.keyArn }, created()),
    )
    const attached = succeeded(
      AttachVolume(w.sandbox, w.alice, { VolumeId: volume, InstanceId: instance }, both),
    )
    const { grantId, grantToken } = attached.volumes[volume]!.attachment!

    const other = both.volumes[otherVolume]!
    const result = w.sandbox.run({
      principal: session,
      operation: 'Decrypt',
      input: {
        CiphertextBlob: other.encryptedDataKey.bytes(),
        EncryptionContext: { 'aws:ebs:id': otherVolume },
        GrantTokens: [grantToken],
      },
    })

    expect(result.ok).toBe(false)
    const error = (result as { readonly error: KmsError }).error
    expect(error.code).toBe('AccessDeniedException')
    expect(error.decision?.grants).toEqual([
      expect.objectContaining({
        grantId,
        applies: false,
        misses: [
          expect.objectContaining({
            kind: 'context-mismatch',
            constraint: 'EncryptionContextSubset',
          }),
        ],
      }),
    ])
  })

  it('refuses the instance session a Decrypt once DetachVolume retired the grant', () => {
    const attached = succeeded(
      AttachVolume(w.sandbox, w.alice, { VolumeId: volume, InstanceId: instance }, created()),
    )
    const { grantToken } = attached.volumes[volume]!.attachment!
    succeeded(DetachVolume(w.sandbox, w.alice, { VolumeId: volume }, attached))

    const result = w.sandbox.run({
      principal: session,
      operation: 'Decrypt',
      input: {
        CiphertextBlob: attached.volumes[volume]!.encryptedDataKey.bytes(),
        EncryptionContext: { 'aws:ebs:id': volume },
        GrantTokens: [grantToken],
      },
    })

    expect(result.ok).toBe(false)
    const error = (result as { readonly error: KmsError }).error
    expect(error.code).toBe('AccessDeniedException')
    expect(error.decision).toMatchObject({
      verdict: 'ImplicitDeny',
      principal: session,
      grants: [],
    })
  })

  it('fails AttachVolume with DisabledException when the key was disabled after create', async () => {
    const state = created()
    await w.sandbox.kms(w.admin).disableKey({ KeyId: w.keyArn })

    const outcome = AttachVolume(
      w.sandbox,
      w.alice,
      { VolumeId: volume, InstanceId: instance },
      state,
    )

    failed(outcome, 'DisabledException')
    expect(outcome.state).toBe(state)
    expect(summary(outcome.events).map((e) => [e.operation, e.caller, e.outcome])).toEqual([
      ['CreateGrant', w.alice, 'DisabledException'],
    ])
  })

  it('retires the new grant when a key policy Deny beats it at Decrypt', async () => {
    w = await ec2World({ extraStatements: [denyDecryptOf(volume)] })
    const state = created()

    const outcome = AttachVolume(
      w.sandbox,
      w.alice,
      { VolumeId: volume, InstanceId: instance },
      state,
    )

    const error = failed(outcome, 'AccessDeniedException') as KmsError
    expect(error.decision).toMatchObject({ verdict: 'ExplicitDeny', principal: session })
    expect(outcome.state).toBe(state)
    expect(grantsOnKey()).toBe(0)
    expect(summary(outcome.events).map((e) => [e.operation, e.caller, e.outcome])).toEqual([
      ['CreateGrant', w.alice, 'ok'],
      ['Decrypt', session, 'AccessDeniedException'],
      ['RetireGrant', 'ec2.amazonaws.com', 'ok'],
    ])
  })

  it('detaches when a key administrator already revoked the grant', async () => {
    const attached = succeeded(
      AttachVolume(w.sandbox, w.alice, { VolumeId: volume, InstanceId: instance }, created()),
    )
    const { grantId } = attached.volumes[volume]!.attachment!
    await w.sandbox.kms(w.admin).revokeGrant({ KeyId: w.keyArn, GrantId: grantId })

    const outcome = DetachVolume(w.sandbox, w.alice, { VolumeId: volume }, attached)

    expect(succeeded(outcome).volumes[volume]!.state).toBe('available')
    expect(summary(outcome.events).map((e) => e.outcome)).toEqual(['NotFoundException'])
  })

  it('keeps the encrypted data key out of JSON and inspect output', () => {
    const state = created()
    const stored = state.volumes[volume]!.encryptedDataKey
    const base64 = Buffer.from(stored.bytes()).toString('base64')

    expect(JSON.stringify(state)).toContain('"encryptedDataKey":"[')
    expect(JSON.stringify(state)).not.toContain(base64)
    expect(inspect(state, { depth: 5 })).toContain('[')
    expect(inspect(state, { depth: 5 })).not.toMatch(/Uint8Array|\d+, \d+, \d+/)
    expect(stored.length).toBeGreaterThan(64)
  })

  it('returns a new state and leaves the one passed in untouched', () => {
    const before = ec2Service.initialState

    const after = created()

    expect(before.volumes).toEqual({})
    expect(Object.keys(after.volumes)).toEqual([volume])
  })
})

describe('ec2Service guards', () => {
  it('Guard: EC2 acts for a principal of an AWS account', () => {
    const outcome = CreateVolume(
      w.sandbox,
      'ec2.amazonaws.com',
      { VolumeId: volume, KeyId: w.keyArn },
      ec2Service.initialState,
    )

    failed(outcome, 'AuthFailure')
    expect(outcome.events).toEqual([])
  })

  it('Guard: a volume ID is vol- followed by 8 or 17 hexadecimal digits', () => {
    const outcome = CreateVolume(
      w.sandbox,
      w.alice,
      { VolumeId: 'volume-1', KeyId: w.keyArn },
      ec2Service.initialState,
    )

    failed(outcome, 'InvalidVolumeID.Malformed')
  })

  it('Guard: an instance ID is i- followed by 8 or 17 hexadecimal digits', () => {
    const outcome = AttachVolume(
      w.sandbox,
      w.alice,
      { VolumeId: volume, InstanceId: 'web-1' },
      created(),
    )

    failed(outcome, 'InvalidInstanceID.Malformed')
    expect(outcome.events).toEqual([])
  })

  it('Guard: an EC2 action names a volume that exists', () => {
    const outcome = DetachVolume(w.sandbox, w.alice, { VolumeId: otherVolume }, created())

    failed(outcome, 'InvalidVolume.NotFound')
  })

  it("Guard: a new volume's ID is not already in use", () => {
    const outcome = CreateVolume(
      w.sandbox,
      w.alice,
      { VolumeId: volume, KeyId: w.keyArn },
      created(),
    )

    failed(outcome, 'InvalidParameterValue')
    expect(outcome.events).toEqual([])
  })

  it('Guard: a volume is attached only while it is available', () => {
    const state = created()
    const attachment = { instanceId: 'i-99999999', grantId: 'g'.repeat(64), grantToken: 'token' }
    const inUse: Ec2State = {
      volumes: { [volume]: { ...state.volumes[volume]!, state: 'in-use', attachment } },
    }

    const outcome = AttachVolume(
      w.sandbox,
      w.alice,
      { VolumeId: volume, InstanceId: instance },
      inUse,
    )

    failed(outcome, 'VolumeInUse')
    expect(outcome.events).toEqual([])
  })

  it('Guard: only an attached volume can be detached', () => {
    const outcome = DetachVolume(w.sandbox, userArn('Alice'), { VolumeId: volume }, created())

    failed(outcome, 'IncorrectState')
  })
})
