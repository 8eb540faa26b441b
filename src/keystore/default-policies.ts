import type { KeySpec, KeyUsage } from './crypto'
import { rootArnOf } from './arns'

// KMS rule: CreateKey without a Policy attaches the default key policy, one
// statement that lets the account's IAM policies control the key.
// Docs: KMS Developer Guide › Default key policy (the text as GetKeyPolicy returns it)

/** The key policy CreateKey attaches when the request has none, as GetKeyPolicy returns it. */
export function defaultKeyPolicy(account: string): string {
  return `{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Effect" : "Allow",
    "Principal" : { "AWS" : "${rootArnOf(account)}" },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`
}

/** What the console asks before it writes a key policy. */
export type ConsolePolicyOptions = {
  readonly account: string
  readonly keySpec?: KeySpec
  readonly keyUsage?: KeyUsage
  /** IAM user and role ARNs to make key administrators. */
  readonly admins?: readonly string[]
  /** IAM user and role ARNs to make key users. */
  readonly users?: readonly string[]
  /** The console's "Allow key administrators to delete this key" box; ticked by default. */
  readonly allowAdminsToDelete?: boolean
  /** Other account IDs whose principals may use the key (with their own IAM allow). */
  readonly externalAccounts?: readonly string[]
  readonly origin?: 'AWS_KMS' | 'EXTERNAL'
  readonly multiRegion?: boolean
}

// Docs: KMS Developer Guide › Default key policy › Allows key administrators to administer…
const adminActions = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
]

/**
 * The key policy the KMS console writes: the account statement, then the key
 * administrators, the key users (actions by key type) and, except for HMAC
 * keys, the statement that lets key users attach persistent resources
 * through AWS services. Returns JSON text for CreateKey's Policy.
 * Docs: KMS Developer Guide › Default key policy › Allows key users to use the KMS key
 */
export function consoleDefaultPolicy(options: ConsolePolicyOptions): string {
  const statements: object[] = [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: rootArnOf(options.account) },
      Action: 'kms:*',
      Resource: '*',
    },
  ]

  const admins = options.admins ?? []
  if (admins.length > 0) {
    statements.push({
      Sid: 'Allow access for Key Administrators',
      Effect: 'Allow',
      Principal: { AWS: admins },
      Action: adminActionsFor(options),
      Resource: '*',
    })
  }

  const users = [...(options.users ?? []), ...(options.externalAccounts ?? []).map(rootArnOf)]
  if (users.length > 0) statements.push(...userStatements(options, users))

  const policy = { Version: '2012-10-17', Id: 'key-consolepolicy-3', Statement: statements }

  return JSON.stringify(policy, null, 2)
}

const deletionActions = ['kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion']

function adminActionsFor(options: ConsolePolicyOptions): readonly string[] {
  return [
    ...adminActions,
    ...(options.allowAdminsToDelete === false ? [] : deletionActions),
    ...(options.origin === 'EXTERNAL' ? ['kms:ImportKeyMaterial'] : []),
    ...(options.multiRegion ? ['kms:ReplicateKey', 'kms:UpdatePrimaryRegion'] : []),
  ]
}

function userStatements(
  options: ConsolePolicyOptions,
  users: readonly string[],
): readonly object[] {
  const spec = options.keySpec ?? 'SYMMETRIC_DEFAULT'
  const hmac = spec.startsWith('HMAC_')
  const use = { Sid: 'Allow use of the key', Effect: 'Allow', Principal: { AWS: users } }
  const useStatement = { ...use, Action: userActionsFor(spec, options.keyUsage), Resource: '*' }

  // KMS rule: HMAC keys get no statement for AWS services, which cannot use them.
  if (hmac) return [useStatement]

  return [
    useStatement,
    {
      Sid: 'Allow attachment of persistent resources',
      Effect: 'Allow',
      Principal: { AWS: users },
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
    },
  ]
}

function userActionsFor(spec: KeySpec, usage: KeyUsage | undefined): readonly string[] {
  if (spec === 'SYMMETRIC_DEFAULT') {
    return [
      'kms:Decrypt',
      'kms:DescribeKey',
      'kms:Encrypt',
      'kms:GenerateDataKey*',
      'kms:ReEncrypt*',
    ]
  }

  if (spec.startsWith('HMAC_')) return ['kms:DescribeKey', 'kms:GenerateMac', 'kms:VerifyMac']

  if (usage === 'ENCRYPT_DECRYPT') {
    return ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:DescribeKey', 'kms:GetPublicKey']
  }

  return ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:Sign', 'kms:Verify']
}
