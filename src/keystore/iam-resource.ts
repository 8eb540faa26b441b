import { parsePolicy, type KeyInput, type PolicyDocument } from '../policy'
import { rootArnOf } from './arns'

// Alias permissions (and kms:TagResource when CreateKey adds tags) are IAM
// permissions on a resource that has no key policy: only the caller's IAM
// policies decide. The engine evaluates a resource only through a key, and a
// request without a key is refused for every action that is not IAM-only, so
// the sandbox presents such a resource as a key whose policy hands everything
// to the account's IAM policies. The statement below shows up in decisions
// under its Sid; it stands for "IAM decides", not for a real key policy.
// TODO: pass `resource` to the engine instead, once AuthorizationRequest has it.
// Docs: KMS Developer Guide › Controlling access to aliases

/** The Sid decisions show for the stand-in statement. */
export const iamResourceSid = 'IAM policies decide (no key policy applies)'

const documents = new Map<string, PolicyDocument>()

/** A KeyInput for an IAM-only resource such as an alias ARN, in `account`. */
export function iamOnlyResource(arn: string, account: string): KeyInput {
  return { arn, policy: delegatingPolicy(account) }
}

function delegatingPolicy(account: string): PolicyDocument {
  const cached = documents.get(account)
  if (cached) return cached

  const parsed = parsePolicy(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: iamResourceSid,
          Effect: 'Allow',
          Principal: { AWS: rootArnOf(account) },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    },
    'key',
  )
  if (!parsed.ok) throw new Error(`The stand-in IAM policy did not parse: ${parsed.error.message}`)

  documents.set(account, parsed.policy)

  return parsed.policy
}
