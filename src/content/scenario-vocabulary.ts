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
] as const
export type AwsExceptionName = (typeof awsExceptionNames)[number]

/** Key specs a scenario key may have, as in the CreateKey KeySpec parameter. */
export const keySpecs = [
  'SYMMETRIC_DEFAULT',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
  'SM2',
] as const
export type KeySpec = (typeof keySpecs)[number]

/** Key usages, as in the CreateKey KeyUsage parameter. */
export const keyUsages = [
  'ENCRYPT_DECRYPT',
  'SIGN_VERIFY',
  'GENERATE_VERIFY_MAC',
  'KEY_AGREEMENT',
] as const
export type KeyUsage = (typeof keyUsages)[number]

// KMS rule: each key spec supports only some key usages; CreateKey rejects the rest.
// Docs: KMS Developer Guide › Key spec reference
/** The usages each key spec supports. */
export const usagesBySpec: Readonly<Record<KeySpec, readonly KeyUsage[]>> = {
  SYMMETRIC_DEFAULT: ['ENCRYPT_DECRYPT'],
  RSA_2048: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  RSA_3072: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  RSA_4096: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  ECC_NIST_P256: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  ECC_NIST_P384: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  ECC_NIST_P521: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  ECC_SECG_P256K1: ['SIGN_VERIFY'],
  HMAC_224: ['GENERATE_VERIFY_MAC'],
  HMAC_256: ['GENERATE_VERIFY_MAC'],
  HMAC_384: ['GENERATE_VERIFY_MAC'],
  HMAC_512: ['GENERATE_VERIFY_MAC'],
  ML_DSA_44: ['SIGN_VERIFY'],
  ML_DSA_65: ['SIGN_VERIFY'],
  ML_DSA_87: ['SIGN_VERIFY'],
  SM2: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'KEY_AGREEMENT'],
}

/** The key states a scenario may start a key in. */
export const keyStates = ['Enabled', 'Disabled', 'PendingDeletion'] as const
export type KeyState = (typeof keyStates)[number]

/** Operations a grant may allow, as in the CreateGrant Operations parameter. */
export const grantOperations = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GetPublicKey',
  'CreateGrant',
  'RetireGrant',
  'DescribeKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
] as const
export type GrantOperation = (typeof grantOperations)[number]

/** The two outcomes a step can expect or a learner can predict. */
export const outcomes = ['allowed', 'denied'] as const
export type Outcome = (typeof outcomes)[number]

/** Where a key policy comes from. */
export const keyPolicyTemplates = ['default', 'console'] as const
export type KeyPolicyTemplate = (typeof keyPolicyTemplates)[number]

/** The region scenarios run in unless they name one. */
export const defaultRegion = 'us-west-2'
