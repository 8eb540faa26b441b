import { inspect } from 'node:util'

import { describe, expect, it } from 'vitest'

import { applyKmsCall, createSandbox, KmsError, type Sandbox } from '../../src/keystore'
import { accountA, allowPolicy, bytes, userArn } from './helpers'

/** The same script of calls, run on any sandbox. */
async function script(sandbox: Sandbox) {
  const iam = sandbox.iam(accountA)
  await iam.createUser({ UserName: 'Alice' })
  await iam.putUserPolicy({
    UserName: 'Alice',
    PolicyName: 'kms',
    PolicyDocument: allowPolicy('kms:*'),
  })
  await iam.createUser({ UserName: 'Bob' })
  const alice = sandbox.kms(userArn('Alice'))

  const { KeyMetadata } = await alice.createKey({ Description: 'orders' })
  const { CiphertextBlob } = await alice.encrypt({
    KeyId: KeyMetadata.KeyId,
    Plaintext: bytes('hello'),
  })
  const { GrantId, GrantToken } = await alice.createGrant({
    KeyId: KeyMetadata.KeyId,
    GranteePrincipal: userArn('Bob'),
    Operations: ['Decrypt'],
  })
  await sandbox.kms(userArn('Bob')).decrypt({ CiphertextBlob }).catch(() => undefined)
  sandbox.clock.advance({ minutes: 5 })
  await sandbox.kms(userArn('Bob')).decrypt({ CiphertextBlob })

  return { keyId: KeyMetadata.KeyId, grantId: GrantId, grantToken: GrantToken }
}

describe('determinism', () => {
  it('mints the same IDs and events when two sandboxes run the same calls', async () => {
    const first = createSandbox()
    const second = createSandbox()

    expect(await script(first)).toEqual(await script(second))
    expect(JSON.stringify(first.events)).toBe(JSON.stringify(second.events))
    expect(first.state.accounts[accountA]!.users['Alice']!.uniqueId).toBe(
      second.state.accounts[accountA]!.users['Alice']!.uniqueId,
    )
  })

  it('mints other IDs when the seed differs', async () => {
    expect((await script(createSandbox({ seed: 'lesson-2' }))).keyId).not.toBe(
      (await script(createSandbox())).keyId,
    )
  })

  it('mints the same IDs again when a call is replayed from an earlier state', async () => {
    const sandbox = createSandbox()
    await script(sandbox)
    const before = sandbox.history.length - 1
    const call = { principal: userArn('Alice'), operation: 'CreateKey', input: {} } as const

    const once = sandbox.run(call)
    sandbox.restore(before)
    const again = sandbox.run(call)

    const keyIdOf = (result: typeof once) => (result.ok ? result.response.KeyMetadata.KeyId : '')
    expect(keyIdOf(again)).toBe(keyIdOf(once))
  })
})

describe('history and events', () => {
  it('keeps one event between every two states', async () => {
    const sandbox = createSandbox()
    await script(sandbox)

    expect(sandbox.history.length).toBe(sandbox.events.length + 1)
    expect(sandbox.events.map((event) => event.kind)).toEqual([
      'iam',
      'iam',
      'iam',
      'kms',
      'kms',
      'kms',
      'kms',
      'clock',
      'kms',
    ])
  })

  it('returns to an earlier state and drops the later events when restored', async () => {
    const sandbox = createSandbox()
    const { keyId } = await script(sandbox)
    sandbox.restore(3)

    expect(sandbox.state.keys[keyId]).toBeUndefined()
    expect(sandbox.events).toHaveLength(3)
    expect(sandbox.history).toHaveLength(4)
  })

  it('Guard: restore names a state in the history', () => {
    expect(() => createSandbox().restore(1)).toThrow(RangeError)
  })

  it('records a refused call with its decision, and leaves the state as it was', async () => {
    const sandbox = createSandbox()
    await script(sandbox)
    const before = sandbox.state
    const result = sandbox.run({
      principal: userArn('Bob'),
      operation: 'DisableKey',
      input: { KeyId: Object.keys(before.keys)[0]! },
    })

    expect(sandbox.state).toBe(before)
    expect(result.event).toMatchObject({
      kind: 'kms',
      caller: userArn('Bob'),
      operation: 'DisableKey',
      decisions: [{ verdict: 'ImplicitDeny', action: 'kms:DisableKey' }],
      outcome: { ok: false, code: 'AccessDeniedException' },
    })
  })

  it('keeps plaintext, ciphertext and key material out of events and printed state', async () => {
    const sandbox = createSandbox()
    await script(sandbox)
    const printed = JSON.stringify(sandbox.events) + JSON.stringify(sandbox.state) + inspect(
      sandbox.state,
      { depth: 10 },
    )

    expect(printed).toContain('[5 bytes]')
    expect(printed).toContain('[key material]')
    expect(printed).not.toContain('hello')
  })

  it('freezes the state so no one can change the history by hand', async () => {
    const sandbox = createSandbox()
    await script(sandbox)

    expect(Object.isFrozen(sandbox.state.keys)).toBe(true)
  })
})

describe('KmsError', () => {
  it('carries the AWS exception name as both name and code', async () => {
    const sandbox = createSandbox()
    const result = applyKmsCall(sandbox.state, {
      principal: userArn('Nobody'),
      operation: 'ListKeys',
      input: {},
    })
    const error = result.ok ? undefined : result.error

    expect(error).toBeInstanceOf(KmsError)
    expect([error?.name, error?.code]).toEqual([
      'UnrecognizedClientException',
      'UnrecognizedClientException',
    ])
  })
})
