import {
  applyKmsCall,
  type CallOptions,
  type KmsCallResult,
  type KmsInput,
  type KmsOperation,
  type Sandbox,
  type SandboxState,
} from '../../src/keystore'
import { bytes, userArn, world } from './helpers'

/** A key of each type, with material made once per test file (RSA is slow). */
export type Keyring = {
  readonly sandbox: Sandbox
  readonly sym: string
  readonly rsaEncrypt: string
  readonly rsaSign: string
  readonly ecc: string
  readonly hmac: string
  /** A symmetric key scheduled for deletion. */
  readonly pending: string
  /** Ciphertext of 'secret' under `sym` with context {purpose: 'test'}. */
  readonly blob: Uint8Array
  readonly signature: Uint8Array
  readonly mac: Uint8Array
  /** A grant on `sym` to Carol, with Alice as retiring principal. */
  readonly grantId: string
  readonly grantToken: string
}

/** The message the keyring's signature and MAC cover. */
export const signedMessage = bytes('signed message')

/** Builds the keyring as Alice, who administers KMS through IAM. */
export async function keyring(): Promise<Keyring> {
  const sandbox = await world()
  const alice = sandbox.kms(userArn('Alice'))
  const create = async (input: KmsInput<'CreateKey'>) =>
    (await alice.createKey(input)).KeyMetadata.Arn

  const sym = await create({ Description: 'symmetric' })
  const rsaEncrypt = await create({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' })
  const rsaSign = await create({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' })
  const ecc = await create({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' })
  const hmac = await create({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })
  const pending = await create({ Description: 'going away' })
  await alice.scheduleKeyDeletion({ KeyId: pending, PendingWindowInDays: 7 })
  await alice.createAlias({ AliasName: 'alias/sym', TargetKeyId: sym })

  const { CiphertextBlob: blob } = await alice.encrypt({
    KeyId: sym,
    Plaintext: bytes('secret'),
    EncryptionContext: { purpose: 'test' },
  })
  const { Signature: signature } = await alice.sign({
    KeyId: ecc,
    Message: signedMessage,
    SigningAlgorithm: 'ECDSA_SHA_256',
  })
  const { Mac: mac } = await alice.generateMac({
    KeyId: hmac,
    Message: signedMessage,
    MacAlgorithm: 'HMAC_SHA_256',
  })
  const grant = await alice.createGrant({
    KeyId: sym,
    GranteePrincipal: userArn('Carol'),
    RetiringPrincipal: userArn('Alice'),
    Operations: ['Decrypt'],
  })

  return {
    sandbox,
    sym,
    rsaEncrypt,
    rsaSign,
    ecc,
    hmac,
    pending,
    blob,
    signature,
    mac,
    grantId: grant.GrantId,
    grantToken: grant.GrantToken,
  }
}

/** Runs one call on a state with the pure core, leaving any sandbox untouched. */
export function callOn<Op extends KmsOperation>(
  state: SandboxState,
  principal: string,
  operation: Op,
  input: KmsInput<Op>,
  options?: CallOptions,
): KmsCallResult<Op> {
  return applyKmsCall(state, { principal, operation, input, ...(options ? { options } : {}) })
}
