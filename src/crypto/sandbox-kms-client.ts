import type {
  CallOptions,
  KmsError,
  KmsEvent,
  KmsInput,
  KmsOperation,
  KmsOutput,
  Sandbox,
} from '../keystore'

/** What the envelope functions need of a sandbox: one recorded KMS call at a time. */
export type KmsRunner = Pick<Sandbox, 'run'>

type Context = { readonly [name: string]: string }

// The three requests the Encryption SDK's KMS keyring sends, as its kms_types
// declares them: the AWS field names, mutable arrays.
type GenerateDataKeyCall = {
  KeyId: string
  EncryptionContext?: Context
  NumberOfBytes?: number
  GrantTokens?: string[]
}
type EncryptCall = {
  KeyId: string
  Plaintext: Uint8Array
  EncryptionContext?: Context
  GrantTokens?: string[]
}
type DecryptCall = {
  KeyId?: string
  CiphertextBlob: Uint8Array
  EncryptionContext?: Context
  GrantTokens?: string[]
}

/** The client the Encryption SDK's KMS keyring calls: three AWS SDK v3 `KMS` methods. */
export interface KeyringKmsClient {
  generateDataKey(request: GenerateDataKeyCall): Promise<KmsOutput<'GenerateDataKey'>>
  encrypt(request: EncryptCall): Promise<KmsOutput<'Encrypt'>>
  decrypt(request: DecryptCall): Promise<KmsOutput<'Decrypt'>>
}

/**
 * A keyring client that runs each call in the sandbox as one principal and
 * remembers what happened: every call's event and every KmsError, so that a
 * refusal the SDK flattens into its own message can be reported as it was.
 * No AWS SDK client is involved, so nothing reads credentials or opens a
 * socket. Buffers are copied both ways: the SDK zeroes the data keys it is
 * handed, and no buffer of the sandbox's may be among them.
 */
export class RecordingKmsClient implements KeyringKmsClient {
  readonly calls: KmsEvent[] = []
  readonly errors: KmsError[] = []
  #succeeded = new Set<KmsOperation>()

  constructor(
    private readonly sandbox: KmsRunner,
    readonly principal: string,
    private readonly options: CallOptions = {},
  ) {}

  /** True when at least one call of `operation` returned a response. */
  hasSucceeded(operation: KmsOperation): boolean {
    return this.#succeeded.has(operation)
  }

  async generateDataKey(request: GenerateDataKeyCall): Promise<KmsOutput<'GenerateDataKey'>> {
    const response = this.#run('GenerateDataKey', request)

    return {
      ...response,
      Plaintext: response.Plaintext.slice(),
      CiphertextBlob: response.CiphertextBlob.slice(),
    }
  }

  async encrypt(request: EncryptCall): Promise<KmsOutput<'Encrypt'>> {
    const response = this.#run('Encrypt', { ...request, Plaintext: request.Plaintext.slice() })

    return { ...response, CiphertextBlob: response.CiphertextBlob.slice() }
  }

  async decrypt(request: DecryptCall): Promise<KmsOutput<'Decrypt'>> {
    const response = this.#run('Decrypt', {
      ...request,
      CiphertextBlob: request.CiphertextBlob.slice(),
    })

    return { ...response, Plaintext: response.Plaintext.slice() }
  }

  #run<Op extends KmsOperation>(operation: Op, input: KmsInput<Op>): KmsOutput<Op> {
    const result = this.sandbox.run({
      principal: this.principal,
      operation,
      input,
      options: this.options,
    })
    this.calls.push(result.event)

    if (!result.ok) {
      this.errors.push(result.error)
      throw result.error
    }

    this.#succeeded.add(operation)

    return result.response
  }
}
