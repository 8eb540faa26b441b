// The closed word lists a scenario file may use. Each list exists at run time
// (to validate content and suggest near misses) and as a string-literal union.

/** KMS API operations a step may call, spelled as in the KMS API Reference. */
export const kmsApiNames = [
  'CreateKey',
  'DescribeKey',
  'ListKeys',
  'GetKeyPolicy',
  'PutKeyPolicy',
  'ListKeyPolicies',
  'EnableKey',
  'DisableKey',
  'ScheduleKeyDeletion',
  'CancelKeyDeletion',
  'EnableKeyRotation',
  'DisableKeyRotation',
  'GetKeyRotationStatus',
  'UpdateKeyDescription',
  'CreateAlias',
  'UpdateAlias',
  'DeleteAlias',
  'ListAliases',
  'TagResource',
  'UntagResource',
  'ListResourceTags',
  'CreateGrant',
  'ListGrants',
  'ListRetirableGrants',
  'RetireGrant',
  'RevokeGrant',
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateRandom',
  'Sign',
  'Verify',
  'GetPublicKey',
  'GenerateMac',
  'VerifyMac',
] as const
export type KmsApiName = (typeof kmsApiNames)[number]

/** IAM API operations a step may call to change identities and their policies. */
export const iamActions = [
  'CreateUser',
  'DeleteUser',
  'CreateRole',
  'DeleteRole',
  'PutUserPolicy',
  'DeleteUserPolicy',
  'PutRolePolicy',
  'DeleteRolePolicy',
] as const
export type IamAction = (typeof iamActions)[number]

/** AWS services a step may act through; each calls KMS on the caller's behalf. */
export const serviceNames = ['ec2'] as const
export type ServiceName = (typeof serviceNames)[number]

/** Service actions a step may perform, currently the EBS volume actions of EC2. */
export const serviceActions = ['CreateVolume', 'AttachVolume', 'DetachVolume'] as const
export type ServiceAction = (typeof serviceActions)[number]

/** AWS Encryption SDK operations a step may run against the sandbox KMS. */
export const sdkOperations = ['encrypt', 'decrypt'] as const
export type SdkOperation = (typeof sdkOperations)[number]

/** Units the simulated clock can advance by. */
export const clockUnits = ['days', 'hours', 'minutes'] as const
export type ClockUnit = (typeof clockUnits)[number]

/** Exception names a step may expect, spelled as the AWS APIs return them. */
export const awsExceptionNames = [
  'AccessDeniedException',
  'NotFoundException',
  'DisabledException',
  'KMSInvalidStateException',
  'InvalidCiphertextException',
  'IncorrectKeyException',
  'InvalidKeyUsageException',
  'MalformedPolicyDocumentException',
  'LimitExceededException',
  'ValidationException',
  'InvalidGrantTokenException',
  'InvalidGrantIdException',
  'KMSInvalidSignatureException',
  'KMSInvalidMacException',
  'UnsupportedOperationException',
  'AlreadyExistsException',
  'NoSuchEntityException',
  'DeleteConflictException',
  'InvalidArnException',
  'InvalidAliasNameException',
  'UnrecognizedClientException',
] as const
export type AwsExceptionName = (typeof awsExceptionNames)[number]

// Key specs and usages are those the sandbox's KMS can really make: one list, in keystore/crypto.
export { keySpecs, keyUsages, type KeySpec, type KeyUsage } from '../keystore/crypto/key-spec'
export { keyUsagesBySpec as usagesBySpec } from '../keystore/crypto/key-spec'

/** The key states a scenario may start a key in. */
export const keyStates = ['Enabled', 'Disabled', 'PendingDeletion'] as const
export type KeyState = (typeof keyStates)[number]

// Grant operations: the engine's own list (the GrantOperation enum).
export { grantOperations, type GrantOperation } from '../policy/kms-actions'

/** The two outcomes a step can expect or a learner can predict. */
export const outcomes = ['allowed', 'denied'] as const
export type Outcome = (typeof outcomes)[number]

/** Where a key policy comes from. */
export const keyPolicyTemplates = ['default', 'console'] as const
export type KeyPolicyTemplate = (typeof keyPolicyTemplates)[number]

/** The region scenarios run in unless they name one. */
export const defaultRegion = 'us-west-2'
