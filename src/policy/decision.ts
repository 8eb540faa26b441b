/** The three outcomes AWS distinguishes. */
export type Verdict = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'

/** Where a statement lives: the key policy or one of the caller's identity policies. */
export type PolicySource = 'key-policy' | 'identity'

/**
 * Why a statement did not apply to the request. A statement applies when its
 * check has no misses.
 */
export type MissReason =
  | { readonly kind: 'action-not-matched'; readonly action: string }
  | { readonly kind: 'action-excluded'; readonly action: string; readonly pattern: string }
  | { readonly kind: 'principal-not-matched'; readonly principal: string }
  | { readonly kind: 'principal-excluded'; readonly principal: string; readonly pattern: string }
  | { readonly kind: 'resource-not-matched'; readonly resource: string }
  | { readonly kind: 'resource-excluded'; readonly resource: string; readonly pattern: string }
  | { readonly kind: 'no-resource'; readonly element: 'Resource' | 'Action' }
  | {
      readonly kind: 'condition-failed'
      readonly operator: string
      readonly key: string
      /** The values the policy lists, after policy variables were substituted. */
      readonly expected: readonly string[]
      /** The request's values for the key; empty when the request lacks it. */
      readonly actual: readonly string[]
      /** Set when a policy variable could not be resolved from the request. */
      readonly unresolvedVariable?: string
    }

/**
 * How a key-policy statement's principal matched the caller: naming the caller
 * (or its role), `*`, the caller's account, or an AWS service.
 */
export type PrincipalMatch = 'named' | 'wildcard' | 'account' | 'service' | 'not-principal'

/**
 * What an applying statement did for the outcome: allowed the request on its
 * own, delegated to IAM (the account statement), allowed it in combination with
 * another policy, denied it, or applied but did not count.
 */
export type StatementRole =
  | 'allows'
  | 'delegates'
  | 'allows-with-iam'
  | 'iam-allows'
  | 'denies'
  | 'not-counted'
  | 'not-applicable'

export type StatementCheck = {
  readonly source: PolicySource
  /** For identity statements: the principal ARN the policy is attached to. */
  readonly owner?: string
  readonly sid?: string
  readonly index: number
  /** How check files and the UI name it: `key-policy:Sid`, `identity:ARN:#2`… */
  readonly ref: string
  readonly effect: 'Allow' | 'Deny'
  readonly applies: boolean
  readonly misses: readonly MissReason[]
  readonly principalMatch?: PrincipalMatch
  readonly role: StatementRole
  /** Why an applying statement did not count, in a code the UI words. */
  readonly notCountedBecause?: NotCountedReason
}

export type NotCountedReason =
  | 'needs-iam-allow'
  | 'needs-key-policy-allow'
  | 'iam-only-permission'
  | 'not-cross-account'
  | 'not-effective-in-key-policy'

/** Why a grant did not allow the request. */
export type GrantMiss =
  | { readonly kind: 'grantee-not-caller'; readonly grantee: string }
  | { readonly kind: 'operation-not-granted'; readonly operation: string }
  | { readonly kind: 'not-a-grant-operation'; readonly operation: string }
  | {
      readonly kind: 'context-mismatch'
      readonly constraint: 'EncryptionContextEquals' | 'EncryptionContextSubset'
      readonly required: Readonly<Record<string, string>>
      readonly actual: Readonly<Record<string, string>>
    }
  | { readonly kind: 'not-yet-consistent'; readonly grantId: string }
  | {
      readonly kind: 'child-grant-too-broad'
      readonly detail: 'operations' | 'constraints'
      readonly extra: readonly string[]
    }

export type GrantCheck = {
  readonly grantId: string
  readonly ref: string
  readonly applies: boolean
  readonly misses: readonly GrantMiss[]
}

/** Which kind of policy an AccessDeniedException names, in AWS's words. */
export type DeniedPolicyType = 'resource-based' | 'identity-based'

/** The evaluator's answer: the verdict, what decided it, and every check behind it. */
export type Decision = {
  readonly verdict: Verdict
  readonly action: string
  readonly principal: string
  /** The resource the request was evaluated on: the key ARN, or `*`. */
  readonly resource: string
  /** Refs of the statements and grants that decided the outcome. Empty for an ImplicitDeny. */
  readonly decidedBy: readonly string[]
  readonly statements: readonly StatementCheck[]
  readonly grants: readonly GrantCheck[]
  /** For a deny: the policy type the AccessDeniedException names. */
  readonly deniedBy?: DeniedPolicyType
  /** Rule-level notes (a code each), e.g. that the action never works across accounts. */
  readonly notes: readonly DecisionNote[]
  /** The AccessDeniedException message AWS would return; absent when allowed. */
  readonly message?: string
}

export type DecisionNote =
  | 'cross-account'
  | 'not-cross-account-operation'
  | 'iam-only-action'
  | 'iam-not-enabled'
  | 'service-principal-has-no-iam'
  | 'retire-grant-rules'
