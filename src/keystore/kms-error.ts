import type { Decision } from '../policy'

/** The AWS KMS exception names the sandbox raises, spelled as the AWS SDK reports them. */
export const kmsErrorCodes = [
  'AccessDeniedException',
  'AlreadyExistsException',
  'DisabledException',
  'IncorrectKeyException',
  'InvalidAliasNameException',
  'InvalidCiphertextException',
  'InvalidGrantIdException',
  'InvalidGrantTokenException',
  'InvalidKeyUsageException',
  'KMSInvalidMacException',
  'KMSInvalidSignatureException',
  'KMSInvalidStateException',
  'LimitExceededException',
  'MalformedPolicyDocumentException',
  'NotFoundException',
  'TagException',
  'UnrecognizedClientException',
  'UnsupportedOperationException',
  'ValidationException',
] as const

/** One of {@link kmsErrorCodes}. */
export type KmsErrorCode = (typeof kmsErrorCodes)[number]

/**
 * A failure the real KMS would also report. `name` equals `code`, as in AWS
 * SDK v3 errors, so `error.name === 'AccessDeniedException'` works; a refusal
 * carries the decision that explains it.
 */
export class KmsError extends Error {
  override readonly name: KmsErrorCode
  readonly decision?: Decision

  constructor(
    readonly code: KmsErrorCode,
    message: string,
    decision?: Decision,
  ) {
    super(message)
    this.name = code
    if (decision) this.decision = decision
  }
}

/**
 * A ValidationException in AWS's wording for a request field that breaks a
 * constraint. `field` is the request field (`KeyId`, `tags.1.member.tagKey`);
 * AWS names it with a lower-case first letter. A null value shows as `null`.
 */
export function fieldError(field: string, constraint: string, value?: unknown): KmsError {
  const shown = value === undefined ? '' : value === null ? ' null' : ` '${String(value)}'`
  const name = field.charAt(0).toLowerCase() + field.slice(1)

  const where = `Value${shown} at '${name}'`

  return new KmsError(
    'ValidationException',
    `1 validation error detected: ${where} failed to satisfy constraint: ${constraint}`,
  )
}
