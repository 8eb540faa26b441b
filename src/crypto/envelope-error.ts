/** Why an envelope operation failed when no KMS refusal explains it. */
export const envelopeErrorCodes = [
  /** The message could not be parsed, or failed its authentication or signature check. */
  'InvalidMessage',
  /** The message's encryption context lacks a pair the caller required. */
  'EncryptionContextMismatch',
  /** No encrypted data key in the message is under one of the keys the caller named. */
  'NoMatchingKey',
  /** The SDK refused the request itself, e.g. a reserved encryption context key. */
  'InvalidRequest',
] as const

/** One of {@link envelopeErrorCodes}. */
export type EnvelopeErrorCode = (typeof envelopeErrorCodes)[number]

/**
 * An envelope failure that is not a KMS refusal (those arrive as the
 * sandbox's own KmsError). `code` is stable; the Encryption SDK's error, whose
 * wording may change between versions, is kept as `cause`.
 */
export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError'

  constructor(
    readonly code: EnvelopeErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options)
  }
}
