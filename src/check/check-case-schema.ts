import { z } from 'zod'
import { grantOperations } from '../policy/kms-actions'

const stringMap = z.record(z.string(), z.string())

const grantOperation = z.enum(grantOperations, {
  error: () => `expected a grant operation such as Decrypt (without kms:): ${grantOperations.join(', ')}`,
})

/** A grant as check files and `explain --grant` files write it. */
export const grantSchema = z.strictObject({
  grantId: z.string(),
  granteePrincipal: z.string(),
  retiringPrincipal: z.string().optional(),
  operations: z.array(grantOperation).min(1),
  constraints: z
    .strictObject({
      encryptionContextSubset: stringMap.optional(),
      encryptionContextEquals: stringMap.optional(),
    })
    .optional(),
  name: z.string().optional(),
})

/** A grant as `aws kms list-grants` prints it (PascalCase, with fields the sandbox ignores). */
export const awsGrantSchema = z.looseObject({
  GrantId: z.string(),
  GranteePrincipal: z.string(),
  RetiringPrincipal: z.string().optional(),
  Operations: z.array(grantOperation).min(1),
  Constraints: z
    .strictObject({
      EncryptionContextSubset: stringMap.optional(),
      EncryptionContextEquals: stringMap.optional(),
    })
    .optional(),
  Name: z.string().optional(),
})

/** A policy check file, as ../shared/CASES.md describes it. */
export const checkCaseSchema = z.strictObject({
  title: z.string(),
  notes: z.string().optional(),
  key: z.strictObject({
    arn: z.string().regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/.+$/, 'expected a key ARN'),
    spec: z.string().optional(),
    usage: z.enum(['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC']).optional(),
    state: z.enum(['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport']).optional(),
    policy: z.unknown(),
    grants: z.array(grantSchema).optional(),
  }),
  identityPolicies: z.record(z.string(), z.array(z.unknown())).optional(),
  request: z.strictObject({
    principal: z.string(),
    action: z.string().regex(/^[a-zA-Z0-9-]+:[A-Za-z]+$/, 'expected an action such as kms:Decrypt'),
    encryptionContext: stringMap.optional(),
    context: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  }),
  expect: z.strictObject({
    decision: z.enum(['Allow', 'ExplicitDeny', 'ImplicitDeny']),
    by: z.array(z.string()).optional(),
    error: z.string().optional(),
  }),
})

export type CheckCase = z.infer<typeof checkCaseSchema>
