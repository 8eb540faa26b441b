import type { CallOptions, KmsCall, KmsCallResult } from './apply-kms-call'
import { toMethods } from './client-methods'
import { kmsOperations, type KmsInput, type KmsOperation, type KmsOutput } from './operations'

/** The client's methods: one per operation, camelCase as in the AWS SDK's KMS class. */
export type KmsClientMethods = {
  readonly [Op in KmsOperation as Uncapitalize<Op>]: (
    ...input: undefined extends KmsInput<Op> ? [input?: KmsInput<Op>] : [input: KmsInput<Op>]
  ) => Promise<KmsOutput<Op>>
}

/**
 * A KMS client acting as one principal, shaped like the AWS SDK v3 `KMS`
 * class: async methods taking and returning the SDK's request and response
 * shapes, rejecting with a KmsError whose `name` is the AWS exception name.
 */
export interface SandboxKmsClient extends KmsClientMethods {
  /** The principal the client acts as, as given. */
  readonly principal: string
  readonly options: CallOptions
}

/** Runs one call against the sandbox, recording it; supplied by the sandbox shell. */
export type RunKmsCall = <Op extends KmsOperation>(call: KmsCall<Op>) => KmsCallResult<Op>

/** Builds a client whose every method runs through `run` before its promise settles. */
export function createKmsClient(
  run: RunKmsCall,
  principal: string,
  options: CallOptions = {},
): SandboxKmsClient {
  const methods = toMethods(kmsOperations, (operation, input) =>
    run({ principal, operation, input: input as KmsInput<typeof operation>, options }),
  )

  return { ...(methods as unknown as KmsClientMethods), principal, options }
}
