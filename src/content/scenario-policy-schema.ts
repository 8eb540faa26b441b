import { z } from 'zod'
import type { ContentIssueCode } from './content-issue'
import { unknownWordMessage } from './scenario-messages'
import { accountId, isRecord, principalText, strict, withKind } from './scenario-schema-kit'
import { keyPolicyTemplates } from './scenario-vocabulary'

/** An AWS policy document as JSON. Its content is checked by the policy engine, not here. */
export type PolicyJson = { readonly [field: string]: unknown }

/** What reading a policy file named by a scenario produced. */
export type PolicyFileResult =
  | { readonly ok: true; readonly document: PolicyJson }
  | {
      readonly ok: false
      readonly code: Extract<ContentIssueCode, 'file-not-found' | 'bad-policy-json'>
      readonly message: string
      /** Set when the problem is inside the policy file, located in that file. */
      readonly at?: { readonly file: string; readonly line: number; readonly column: number }
    }

/** Reads and parses the policy file at a path relative to the scenario file. Never throws. */
export type PolicyFileReader = (path: string) => PolicyFileResult

const policyDocument = z.record(z.string(), z.unknown(), {
  error: (issue) =>
    issue.code === 'invalid_type' && issue.input !== undefined
      ? 'expected a policy document as a mapping (Version, Statement…)'
      : undefined,
})

const relativePath = z
  .string()
  .min(1, 'must not be empty')
  .refine(
    (path) => !path.startsWith('/'),
    'policy paths are relative to the scenario file: drop the leading /',
  )

const inlinePolicy = strict({ kind: z.literal('inline'), inline: policyDocument }, ['kind'])

const defaultTemplate = strict(
  { kind: z.literal('template'), template: z.literal('default') },
  ['kind'],
)

const consoleTemplate = strict(
  {
    kind: z.literal('template'),
    template: z.literal('console'),
    admins: z.array(principalText).default([]),
    users: z.array(principalText).default([]),
    // The console's key policy wizard offers this and ticks it by default.
    allowAdminsToDelete: z.boolean().default(true),
    externalAccounts: z.array(accountId).default([]),
  },
  ['kind'],
)

const templatePolicy = z.discriminatedUnion('template', [defaultTemplate, consoleTemplate], {
  error: (issue) =>
    issue.code === 'invalid_union' && isRecord(issue.input) && issue.input.template !== undefined
      ? unknownWordMessage('key policy template', issue.input.template, keyPolicyTemplates)
      : undefined,
})

/**
 * The schemas for both places a policy can appear, bound to a file reader:
 * a key's `policy` (inline, file or template) and an identity's named
 * policies (a document as a mapping, or `{ file }`).
 */
export function policySourceSchemas(readPolicyFile: PolicyFileReader) {
  const filePolicy = strict({ kind: z.literal('file'), file: relativePath }, ['kind']).transform(
    (source, context) => {
      const result = readPolicyFile(source.file)
      if (result.ok) return { kind: 'file' as const, path: source.file, document: result.document }

      const { code, at } = result
      context.issues.push({
        code: 'custom',
        message: result.message,
        input: source.file,
        path: ['file'],
        params: { contentCode: code, at },
      })
      return z.NEVER
    },
  )
  const inline = inlinePolicy.transform((source) => ({
    kind: 'inline' as const,
    document: source.inline as PolicyJson,
  }))

  const keyPolicy = z.preprocess(
    withKind(['inline', 'file', 'template'], 'a key policy'),
    z.discriminatedUnion('kind', [inline, filePolicy, templatePolicy]),
  )
  const identityPolicy = z.preprocess(
    asIdentityPolicy,
    z.discriminatedUnion('kind', [inline, filePolicy]),
  )

  return { keyPolicy, identityPolicy }
}

// An identity policy is written as the document itself, or as `{ file }`.
function asIdentityPolicy(value: unknown): unknown {
  if (!isRecord(value)) return value

  return 'file' in value ? { ...value, kind: 'file' } : { kind: 'inline', inline: value }
}
