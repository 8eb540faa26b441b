/** The IAM exception names the sandbox raises, as AWS SDK v3 names them. */
export const iamErrorCodes = [
  'NoSuchEntityException',
  'EntityAlreadyExistsException',
  'DeleteConflictException',
  'MalformedPolicyDocumentException',
  'ValidationError',
] as const

/** One of {@link iamErrorCodes}. */
export type IamErrorCode = (typeof iamErrorCodes)[number]

/** A failure the real IAM would also report; `name` equals `code`, as in the AWS SDK. */
export class IamError extends Error {
  override readonly name: IamErrorCode

  constructor(
    readonly code: IamErrorCode,
    message: string,
  ) {
    super(message)
    this.name = code
  }
}
