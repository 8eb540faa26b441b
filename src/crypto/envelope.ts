import type { KmsEvent } from '../keystore'
import { EnvelopeError } from './envelope-error'
import { loadEncryptionSdk, type EncryptionSdk } from './load-sdk'
import { RequiredContextManager } from './required-context'
import { RecordingKmsClient, type KmsRunner } from './sandbox-kms-client'

/** What to encrypt, as whom, under which keys. */
export type EncryptEnvelopeInput = {
  readonly principal: string
  /** Key ARNs, key IDs or aliases; the first generates the data key, the others encrypt it too. */
  readonly keyIds: readonly string[]
  readonly plaintext: Uint8Array
  readonly encryptionContext?: Readonly<Record<string, string>>
  /** Sent with every KMS call, for a grant that is not yet consistent. */
  readonly grantTokens?: readonly string[]
}

/** An Encryption SDK message and the KMS calls the SDK made for it. */
export type EncryptEnvelopeOutput = {
  readonly message: Uint8Array
  /** GenerateDataKey under the first key, then Encrypt under each other key, in order. */
  readonly calls: readonly KmsEvent[]
}

/** What to decrypt, as whom. */
export type DecryptEnvelopeInput = {
  readonly principal: string
  /**
   * The key ARNs to try, in order. Without them the keyring is a discovery
   * keyring and tries every KMS key the message names.
   */
  readonly keyIds?: readonly string[]
  readonly message: Uint8Array
  /** Pairs the message's encryption context must hold; checked before any KMS call. */
  readonly encryptionContext?: Readonly<Record<string, string>>
  /** Sent with every KMS call, for a grant that is not yet consistent. */
  readonly grantTokens?: readonly string[]
}

/** The plaintext, the message's whole encryption context, and the KMS calls made. */
export type DecryptEnvelopeOutput = {
  readonly plaintext: Uint8Array
  /** As stored in the message, including the SDK's own `aws-crypto-public-key` entry. */
  readonly encryptionContext: Readonly<Record<string, string>>
  readonly calls: readonly KmsEvent[]
}

/**
 * Encrypts with the AWS Encryption SDK and its own KMS keyring, which calls
 * the sandbox as `principal`. A refused KMS call rejects with the sandbox's
 * KmsError, its decision attached; the SDK is loaded on first use.
 */
export async function encryptEnvelope(
  sandbox: KmsRunner,
  input: EncryptEnvelopeInput,
): Promise<EncryptEnvelopeOutput> {
  const [generatorKeyId, ...keyIds] = input.keyIds

  // Guard: an envelope is encrypted under at least one KMS key.
  if (generatorKeyId === undefined) {
    throw new RangeError(
      'encryptEnvelope needs at least one key ID; the first generates the data key.',
    )
  }

  const sdk = await loadEncryptionSdk()
  const kms = new RecordingKmsClient(sandbox, input.principal)
  const keyring = new sdk.KmsKeyringNode({
    clientProvider: () => kms,
    generatorKeyId,
    keyIds,
    ...grantTokensOf(input),
  })

  try {
    const { result } = await sdk.client.encrypt(keyring, input.plaintext, {
      encryptionContext: { ...input.encryptionContext },
    })

    return { message: new Uint8Array(result), calls: kms.calls }
  } catch (error) {
    // Every key must wrap the data key, so any KMS failure is the reason.
    throw kms.errors[0] ?? new EnvelopeError('InvalidRequest', messageOf(error), { cause: error })
  }
}

/**
 * Decrypts an Encryption SDK message through the SDK's KMS keyring, calling
 * the sandbox as `principal`. Rejects with the sandbox's KmsError when KMS
 * refused every data key, and with an EnvelopeError (a stable `code`, the
 * SDK's error as `cause`) when the message itself is the problem.
 */
export async function decryptEnvelope(
  sandbox: KmsRunner,
  input: DecryptEnvelopeInput,
): Promise<DecryptEnvelopeOutput> {
  // Guard: a decrypting keyring names at least one key, or none at all for discovery.
  if (input.keyIds?.length === 0) {
    throw new RangeError(
      'decryptEnvelope takes key ARNs to try, or no keyIds at all for discovery.',
    )
  }

  const sdk = await loadEncryptionSdk()
  const kms = new RecordingKmsClient(sandbox, input.principal)
  const manager = new RequiredContextManager(
    new sdk.NodeDefaultCryptographicMaterialsManager(decryptingKeyring(sdk, kms, input)),
    input.encryptionContext ?? {},
  )

  try {
    const { plaintext, messageHeader } = await sdk.client.decrypt(manager, input.message)

    return {
      plaintext: new Uint8Array(plaintext),
      encryptionContext: { ...messageHeader.encryptionContext },
      calls: kms.calls,
    }
  } catch (error) {
    throw decryptFailure(error, kms, manager)
  }
}

function decryptingKeyring(
  sdk: EncryptionSdk,
  kms: RecordingKmsClient,
  input: DecryptEnvelopeInput,
) {
  const common = { clientProvider: () => kms, ...grantTokensOf(input) }

  return input.keyIds
    ? new sdk.KmsKeyringNode({ ...common, keyIds: [...input.keyIds] })
    : new sdk.KmsKeyringNode({ ...common, discovery: true })
}

function grantTokensOf(input: { readonly grantTokens?: readonly string[] }) {
  return input.grantTokens ? { grantTokens: [...input.grantTokens] } : {}
}

// The SDK reports every failure as a plain Error with version-dependent text;
// this names the cause from what the client and the manager saw instead.
function decryptFailure(
  error: unknown,
  kms: RecordingKmsClient,
  manager: RequiredContextManager,
): Error {
  if (error instanceof EnvelopeError) return error

  if (!kms.hasSucceeded('Decrypt') && kms.errors.length > 0) {
    // KMS reports a data key that fails authentication as InvalidCiphertextException:
    // that is a damaged message, not a refusal.
    const refusal = kms.errors.find((e) => e.code !== 'InvalidCiphertextException')

    return refusal ?? invalidMessage('KMS could not decrypt its data key', kms.errors[0])
  }

  if (manager.materialsRequested && kms.calls.length === 0) {
    return new EnvelopeError(
      'NoMatchingKey',
      'No encrypted data key in the message is under one of the keys given; ' +
        'name a key it was encrypted under.',
      { cause: error },
    )
  }

  return invalidMessage(messageOf(error), error)
}

function invalidMessage(detail: string, cause: unknown): EnvelopeError {
  return new EnvelopeError(
    'InvalidMessage',
    `The message is malformed or was altered (${detail}); it cannot be decrypted.`,
    { cause },
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
