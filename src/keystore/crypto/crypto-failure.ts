/** The AWS exception names the cryptographic layer can raise. */
export const cryptoFailureCodes = [
  'InvalidCiphertextException',
  'InvalidKeyUsageException',
  'UnsupportedOperationException',
  'ValidationException',
] as const

/** One of {@link cryptoFailureCodes}. */
export type CryptoFailureCode = (typeof cryptoFailureCodes)[number]

/**
 * A cryptographic operation the real KMS would also refuse. `code` is the AWS
 * exception name; the keystore turns this into its own KMS error.
 */
export class CryptoFailure extends Error {
  override readonly name = 'CryptoFailure'

  constructor(
    readonly code: CryptoFailureCode,
    message: string,
  ) {
    super(message)
  }
}

/**
 * The failure KMS reports for any ciphertext it cannot decrypt: tampered,
 * truncated, foreign, or bound to another encryption context.
 */
export function invalidCiphertext(): CryptoFailure {
  // KMS rule: the exception carries no message, so it reveals nothing about why.
  // Docs: AWS KMS API Reference › Decrypt › Errors
  return new CryptoFailure('InvalidCiphertextException', '')
}

/** The failure for an algorithm that the key's spec does not support. */
export function incompatibleAlgorithm(algorithm: string, spec: string): CryptoFailure {
  return new CryptoFailure(
    'InvalidKeyUsageException',
    `Algorithm ${algorithm} is incompatible with key spec ${spec}.`,
  )
}
