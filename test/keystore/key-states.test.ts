import { produce } from 'immer'
import { beforeAll, describe, expect, it } from 'vitest'

import type { KmsInput, KmsOperation, SandboxState } from '../../src/keystore'
import { callOn } from './fixtures'
import { bytes, userArn, world } from './helpers'

// KMS rule: each operation works only in some key states (the key state table).
// Docs: KMS Developer Guide › Key states of AWS KMS keys

const states = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport'] as const
type State = (typeof states)[number]

/** For one state: the keys of each type in it, and artefacts made while they were Enabled. */
type Keys = {
  readonly sym: string
  readonly ecc?: string
  readonly hmac?: string
  readonly blob: Uint8Array
  readonly signature?: Uint8Array
  readonly mac?: Uint8Array
  readonly grantId: string
}

const ok = 'ok'
const D = 'DisabledException'
const S = 'KMSInvalidStateException'
const U = 'UnsupportedOperationException'
const na = null

// Expected outcome per state, in the order Enabled, Disabled, PendingDeletion, PendingImport.
type Expectation = readonly [string, string, string, string | null]
const table: readonly [KmsOperation, Expectation][] = [
  ['Encrypt', [ok, D, S, S]],
  ['Decrypt', [ok, D, S, S]],
  ['ReEncrypt', [ok, D, S, S]],
  ['GenerateDataKey', [ok, D, S, S]],
  ['GenerateDataKeyWithoutPlaintext', [ok, D, S, S]],
  ['GenerateDataKeyPair', [ok, D, S, S]],
  ['GenerateDataKeyPairWithoutPlaintext', [ok, D, S, S]],
  ['CreateGrant', [ok, D, S, S]],
  ['Sign', [ok, D, S, na]],
  ['Verify', [ok, D, S, na]],
  ['GenerateMac', [ok, D, S, na]],
  ['VerifyMac', [ok, D, S, na]],
  ['GetPublicKey', [ok, D, S, na]],
  ['DescribeKey', [ok, ok, ok, ok]],
  ['GetKeyPolicy', [ok, ok, ok, ok]],
  ['PutKeyPolicy', [ok, ok, ok, ok]],
  ['ListGrants', [ok, ok, ok, ok]],
  ['ListKeyPolicies', [ok, ok, ok, ok]],
  ['ListResourceTags', [ok, ok, ok, ok]],
  ['RetireGrant', [ok, ok, ok, ok]],
  ['RevokeGrant', [ok, ok, ok, ok]],
  ['DeleteAlias', [ok, ok, ok, ok]],
  ['EnableKey', [ok, ok, S, S]],
  ['DisableKey', [ok, ok, S, S]],
  ['ScheduleKeyDeletion', [ok, ok, S, ok]],
  ['CancelKeyDeletion', [S, S, ok, S]],
  ['TagResource', [ok, ok, S, ok]],
  ['UntagResource', [ok, ok, S, ok]],
  ['UpdateKeyDescription', [ok, ok, S, ok]],
  ['CreateAlias', [ok, ok, S, ok]],
  ['UpdateAlias', [ok, ok, S, ok]],
  ['EnableKeyRotation', [ok, D, S, U]],
  ['DisableKeyRotation', [ok, D, S, U]],
  ['GetKeyRotationStatus', [ok, ok, ok, U]],
]

const message = bytes('message')

function request(operation: KmsOperation, k: Keys, state: State): unknown {
  const policy = keyPolicyText(k.sym)
  const requests: { readonly [Op in KmsOperation]?: () => KmsInput<Op> } = {
    Encrypt: () => ({ KeyId: k.sym, Plaintext: message }),
    Decrypt: () => ({ CiphertextBlob: k.blob }),
    ReEncrypt: () => ({ CiphertextBlob: k.blob, DestinationKeyId: fixture.keys.Enabled.sym }),
    GenerateDataKey: () => ({ KeyId: k.sym, NumberOfBytes: 16 }),
    GenerateDataKeyWithoutPlaintext: () => ({ KeyId: k.sym, NumberOfBytes: 16 }),
    GenerateDataKeyPair: () => ({ KeyId: k.sym, KeyPairSpec: 'ECC_NIST_P256' }),
    GenerateDataKeyPairWithoutPlaintext: () => ({ KeyId: k.sym, KeyPairSpec: 'ECC_NIST_P256' }),
    CreateGrant: () => ({
      KeyId: k.sym,
      GranteePrincipal: userArn('Bob'),
      Operations: ['Decrypt'],
    }),
    Sign: () => ({ KeyId: k.ecc!, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' }),
    Verify: () => ({
      KeyId: k.ecc!,
      Message: message,
      Signature: k.signature!,
      SigningAlgorithm: 'ECDSA_SHA_256',
    }),
    GenerateMac: () => ({ KeyId: k.hmac!, Message: message, MacAlgorithm: 'HMAC_SHA_256' }),
    VerifyMac: () => ({
      KeyId: k.hmac!,
      Message: message,
      Mac: k.mac!,
      MacAlgorithm: 'HMAC_SHA_256',
    }),
    GetPublicKey: () => ({ KeyId: k.ecc! }),
    PutKeyPolicy: () => ({ KeyId: k.sym, Policy: policy }),
    RetireGrant: () => ({ KeyId: k.sym, GrantId: k.grantId }),
    RevokeGrant: () => ({ KeyId: k.sym, GrantId: k.grantId }),
    DeleteAlias: () => ({ AliasName: `alias/${state}` }),
    TagResource: () => ({ KeyId: k.sym, Tags: [{ TagKey: 'a', TagValue: 'b' }] }),
    UntagResource: () => ({ KeyId: k.sym, TagKeys: ['a'] }),
    UpdateKeyDescription: () => ({ KeyId: k.sym, Description: 'x' }),
    CreateAlias: () => ({ AliasName: 'alias/another', TargetKeyId: k.sym }),
    // UpdateAlias moves the Enabled key's alias onto this state's key.
    UpdateAlias: () => ({ AliasName: 'alias/Enabled', TargetKeyId: k.sym }),
  }

  return (requests[operation] ?? (() => ({ KeyId: k.sym })))()
}

const fixture = {} as { state: SandboxState; keys: Record<State, Keys> }

function keyPolicyText(arn: string): string {
  return fixture.state.keys[arn.split('/')[1]!]!.policy.text
}

beforeAll(async () => {
  const sandbox = await world()
  const alice = sandbox.kms(userArn('Alice'))
  const keys = {} as Record<State, Keys>

  for (const state of states) {
    const external = state === 'PendingImport'
    const sym = (await alice.createKey(external ? { Origin: 'EXTERNAL' } : {})).KeyMetadata.Arn
    await alice.createAlias({ AliasName: `alias/${state}`, TargetKeyId: sym })
    if (external) {
      keys[state] = { sym, blob: fakeBlob(sym), grantId: '' }
      continue
    }

    const { CiphertextBlob: blob } = await alice.encrypt({ KeyId: sym, Plaintext: message })
    const grant = { KeyId: sym, GranteePrincipal: userArn('Bob'), Operations: ['Decrypt' as const] }
    const { GrantId: grantId } = await alice.createGrant(grant)
    keys[state] = { sym, blob, grantId, ...(await signingKeys(alice)) }
  }

  const all = (k: Keys) => [k.sym, k.ecc!, k.hmac!]
  for (const KeyId of all(keys.Disabled)) await alice.disableKey({ KeyId })
  for (const KeyId of all(keys.PendingDeletion)) await alice.scheduleKeyDeletion({ KeyId })

  fixture.state = withGrantOnExternalKey(sandbox.state, keys.PendingImport.sym)
  keys.PendingImport = { ...keys.PendingImport, grantId: 'e'.repeat(64) }
  fixture.keys = keys
})

async function signingKeys(alice: ReturnType<Awaited<ReturnType<typeof world>>['kms']>) {
  const create = async (input: KmsInput<'CreateKey'>) => (await alice.createKey(input)).KeyMetadata
  const ecc = (await create({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' })).Arn
  const hmac = (await create({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })).Arn
  const { Signature: signature } = await alice.sign({
    KeyId: ecc,
    Message: message,
    SigningAlgorithm: 'ECDSA_SHA_256',
  })
  const { Mac: mac } = await alice.generateMac({
    KeyId: hmac,
    Message: message,
    MacAlgorithm: 'HMAC_SHA_256',
  })

  return { ecc, hmac, signature, mac }
}

// A key waiting for imported material can have no ciphertext or grant made through the API,
// so the test builds them: a blob in the sandbox's format that names the key, and a grant
// written into the state with immer.
function fakeBlob(arn: string): Uint8Array {
  return new Uint8Array([1, arn.length, ...bytes(arn), ...new Uint8Array(28), 7])
}

function withGrantOnExternalKey(state: SandboxState, arn: string): SandboxState {
  return produce(state, (draft) => {
    const key = draft.keys[arn.split('/')[1]!]!
    key.grants.push({
      grantId: 'e'.repeat(64),
      keyId: key.keyId,
      granteePrincipal: userArn('Bob'),
      operations: ['Decrypt'],
      issuingAccount: 'arn:aws:iam::111122223333:root',
      creationDate: draft.now,
      tokens: [],
      consistentAt: draft.now,
    })
  })
}

describe('key state rules', () => {
  const rows = table.flatMap(([operation, expected]) =>
    states.flatMap(
      (state, i) => (expected[i] === null ? [] : [[operation, state, expected[i]!] as const]),
    ),
  )

  it.each(rows)('gives %s on a key in state %s the outcome %s', (operation, state, expected) => {
    const input = request(operation, fixture.keys[state], state) as KmsInput<typeof operation>
    const result = callOn(fixture.state, userArn('Alice'), operation, input)

    expect(result.ok ? ok : result.error.code).toBe(expected)
    if (!result.ok && expected !== ok) {
      expect(result.event.decisions.at(-1)?.verdict).toBe('Allow')
    }
  })

  it('names the key ARN in the state exceptions as AWS words them', () => {
    const { sym } = fixture.keys.Disabled
    const result = callOn(fixture.state, userArn('Alice'), 'Encrypt', {
      KeyId: sym,
      Plaintext: message,
    })

    expect(result.ok ? '' : result.error.message).toBe(`${sym} is disabled.`)
  })
})
