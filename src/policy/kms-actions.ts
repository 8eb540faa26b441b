// The facts about KMS actions that change how a request is authorized.
// Docs: KMS Developer Guide › Permissions reference; API Reference, each
// operation's "Cross-account use" and "Required permissions" lines.

/**
 * Permissions that only an IAM identity policy can give: they act on no key,
 * so a key policy naming them has no effect.
 */
export const iamOnlyActions: ReadonlySet<string> = new Set([
  'CreateKey',
  'ListKeys',
  'ListAliases',
  'GenerateRandom',
  'ListRetirableGrants',
  'CreateCustomKeyStore',
  'ConnectCustomKeyStore',
  'DisconnectCustomKeyStore',
  'DeleteCustomKeyStore',
  'UpdateCustomKeyStore',
  'DescribeCustomKeyStores',
])

/** Key operations a principal in another account can be allowed to call. */
export const crossAccountActions: ReadonlySet<string> = new Set([
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
  'CreateGrant',
  'DescribeKey',
  'GetKeyRotationStatus',
  'GetPublicKey',
  'ListGrants',
  'RetireGrant',
  'RevokeGrant',
])

/** The operations a grant can list (the GrantOperation enum). */
export const grantOperations = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GenerateMac',
  'VerifyMac',
  'GetPublicKey',
  'DescribeKey',
  'CreateGrant',
  'RetireGrant',
  'DeriveSharedSecret',
] as const

export type GrantOperation = (typeof grantOperations)[number]

const grantOperationSet: ReadonlySet<string> = new Set(grantOperations)

/** True for an operation a grant can allow. */
export function isGrantOperation(operation: string): operation is GrantOperation {
  return grantOperationSet.has(operation)
}

/**
 * Operations that take an encryption context. Grant constraints apply to these
 * and are ignored for the rest.
 */
export const contextOperations: ReadonlySet<string> = new Set([
  'Encrypt',
  'Decrypt',
  'ReEncryptFrom',
  'ReEncryptTo',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
])

/** Operations for which kms:GrantIsForAWSResource is present on every request. */
export const grantResourceKeyActions: ReadonlySet<string> = new Set([
  'CreateGrant',
  'ListGrants',
  'RevokeGrant',
])

/** Splits `kms:Decrypt` into its service prefix and operation name. */
export function splitAction(action: string): { readonly service: string; readonly name: string } {
  const colon = action.indexOf(':')
  if (colon < 0) return { service: '', name: action }

  return { service: action.slice(0, colon).toLowerCase(), name: action.slice(colon + 1) }
}

/** Every KMS permission the sandbox knows, for canonical spelling of request actions. */
export const kmsActionNames: readonly string[] = [
  ...new Set([
    ...iamOnlyActions,
    ...crossAccountActions,
    ...grantOperations,
    'CancelKeyDeletion',
    'CreateAlias',
    'DeleteAlias',
    'DeleteImportedKeyMaterial',
    'DisableKey',
    'DisableKeyRotation',
    'EnableKey',
    'EnableKeyRotation',
    'GetKeyPolicy',
    'GetParametersForImport',
    'ImportKeyMaterial',
    'ListKeyPolicies',
    'ListKeyRotations',
    'ListResourceTags',
    'PutKeyPolicy',
    'ReplicateKey',
    'RotateKeyOnDemand',
    'ScheduleKeyDeletion',
    'TagResource',
    'UntagResource',
    'UpdateAlias',
    'UpdateKeyDescription',
    'UpdatePrimaryRegion',
  ]),
]

const canonicalNames = new Map(kmsActionNames.map((name) => [name.toLowerCase(), name]))

/** `kms:decrypt` → `kms:Decrypt`. Actions are case-insensitive; the sandbox shows AWS's spelling. */
export function canonicalAction(action: string): string {
  const { service, name } = splitAction(action)
  if (service !== 'kms') return action

  return `kms:${canonicalNames.get(name.toLowerCase()) ?? name}`
}
