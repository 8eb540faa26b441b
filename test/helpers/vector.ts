import { parsePolicy, type AuthorizationRequest, type GrantInput, type PolicyDocument } from '../../src/policy'

// The cast of the decision facts (reference §13): account A owns key K,
// Alice, Bob and Carol are users in A, Dave is a user in the external account B.
export const accountA = '111122223333'
export const accountB = '444455556666'
export const keyArn = `arn:aws:kms:us-west-2:${accountA}:key/1234abcd-12ab-34cd-56ef-1234567890ab`

const cast: Readonly<Record<string, string>> = {
  alice: `arn:aws:iam::${accountA}:user/Alice`,
  bob: `arn:aws:iam::${accountA}:user/Bob`,
  carol: `arn:aws:iam::${accountA}:user/Carol`,
  dave: `arn:aws:iam::${accountB}:user/Dave`,
  rootA: `arn:aws:iam::${accountA}:root`,
  rootB: `arn:aws:iam::${accountB}:root`,
  roleR: `arn:aws:iam::${accountA}:role/R`,
  sessionR: `arn:aws:sts::${accountA}:assumed-role/R/session-1`,
}

/** `alice` → Alice's ARN; anything that is not a cast name is taken as written. */
export function who(name: string): string {
  return cast[name] ?? name
}

export const defaultKeyPolicy = {
  Version: '2012-10-17',
  Id: 'key-default-1',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${accountA}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
}

/** One evaluation vector: a situation and the decision AWS reaches. */
export type Vector = {
  readonly name: string
  readonly source?: string
  readonly keyPolicy: 'default' | readonly unknown[]
  readonly identity?: Readonly<Record<string, readonly unknown[]>>
  readonly grants?: readonly GrantInput[]
  readonly request: {
    readonly principal: string
    readonly action: string
    readonly encryptionContext?: Readonly<Record<string, string>>
    readonly context?: Readonly<Record<string, string | readonly string[]>>
    readonly grantRequest?: AuthorizationRequest['grantRequest']
    readonly targetGrant?: GrantInput
  }
  readonly expect: { readonly verdict: string; readonly decidedBy?: readonly string[]; readonly message?: string }
  readonly skip?: string
}

/** Turns a vector into the request the engine takes, resolving cast names. */
export function toRequest(vector: Vector): AuthorizationRequest {
  const statements = vector.keyPolicy === 'default' ? defaultKeyPolicy.Statement : vector.keyPolicy
  const keyPolicy = mustParse({ Version: '2012-10-17', Statement: statements }, 'key')
  const principal = who(vector.request.principal)
  const resolveGrant = (grant: GrantInput): GrantInput => ({
    ...grant,
    granteePrincipal: who(grant.granteePrincipal),
    ...(grant.retiringPrincipal ? { retiringPrincipal: who(grant.retiringPrincipal) } : {}),
  })
  const identityPolicies = Object.entries(vector.identity ?? {})
    .filter(([owner]) => who(owner) === principal || (owner === 'roleR' && principal === who('sessionR')))
    .map(([owner, statements]) => ({
      owner: who(owner),
      policy: mustParse({ Version: '2012-10-17', Statement: statements }, 'identity'),
    }))
  const { grantRequest, targetGrant, ...rest } = vector.request

  return {
    ...rest,
    principal,
    key: { arn: keyArn, policy: keyPolicy, grants: (vector.grants ?? []).map(resolveGrant) },
    identityPolicies,
    ...(grantRequest ? { grantRequest: { ...grantRequest, granteePrincipal: who(grantRequest.granteePrincipal) } } : {}),
    ...(targetGrant ? { targetGrant: resolveGrant(targetGrant) } : {}),
  }
}

/** Parses a policy that a test knows to be valid, failing the test loudly if not. */
export function mustParse(json: unknown, kind: 'key' | 'identity'): PolicyDocument {
  const parsed = parsePolicy(json, kind)
  if (!parsed.ok) throw new Error(`test policy is malformed: ${parsed.error.path}: ${parsed.error.message}`)

  return parsed.policy
}
