import type { PolicyDocument } from './policy-document'

/** A value in the request context: condition keys are single strings or sets of strings. */
export type ContextValue = string | readonly string[]

/** Encryption-context pairs as KMS takes them: string keys to string values. */
export type EncryptionContext = Readonly<Record<string, string>>

/** The constraint a grant puts on the encryption context of the requests it allows. */
export type GrantConstraints = {
  readonly encryptionContextEquals?: EncryptionContext
  readonly encryptionContextSubset?: EncryptionContext
}

/** One grant on a key, as the evaluator needs it. */
export type GrantInput = {
  readonly grantId: string
  readonly granteePrincipal: string
  readonly retiringPrincipal?: string
  /** Grant operations without the `kms:` prefix, e.g. `Decrypt`. */
  readonly operations: readonly string[]
  readonly constraints?: GrantConstraints
  readonly name?: string
  /** The token CreateGrant returned. Needed only while the grant is not yet consistent. */
  readonly grantToken?: string
  /**
   * False while a new grant is still propagating: it then allows a request only
   * when the request carries its grant token. Defaults to true.
   */
  readonly consistent?: boolean
}

/** The key a request is about. Absent for operations that act on no key (ListKeys, CreateKey…). */
export type KeyInput = {
  readonly arn: string
  readonly policy: PolicyDocument
  readonly grants?: readonly GrantInput[]
  readonly keySpec?: string
  readonly keyUsage?: string
  readonly origin?: string
  readonly multiRegion?: boolean
  readonly tags?: Readonly<Record<string, string>>
  readonly aliases?: readonly string[]
}

/** A named identity policy attached to the caller (or, for a role session, to its role). */
export type IdentityPolicy = {
  /** How the explanation names this policy; defaults to the principal ARN it belongs to. */
  readonly owner: string
  readonly policy: PolicyDocument
}

/** The grant a CreateGrant request would create: feeds the kms:Grant* condition keys. */
export type GrantRequest = {
  readonly granteePrincipal: string
  readonly retiringPrincipal?: string
  readonly operations: readonly string[]
  readonly constraints?: GrantConstraints
}

/**
 * One KMS request as the evaluator sees it. The request context that a real
 * request carries is derived from these fields; `context` adds only the keys
 * the caller's situation supplies (kms:ViaService, aws:SourceIp…).
 */
export type AuthorizationRequest = {
  /** The caller: an IAM user, role, role session, account root or service principal. */
  readonly principal: string
  /** The IAM action, e.g. `kms:Decrypt`. */
  readonly action: string
  readonly key?: KeyInput
  /**
   * For permissions that IAM alone grants on a resource other than a key: the
   * alias ARN of CreateAlias, UpdateAlias and DeleteAlias. When set, only the
   * caller's identity policies are evaluated, against this resource.
   */
  readonly resource?: string
  readonly identityPolicies?: readonly IdentityPolicy[]
  readonly encryptionContext?: EncryptionContext
  readonly context?: Readonly<Record<string, ContextValue>>
  /** For CreateGrant: the grant being asked for. */
  readonly grantRequest?: GrantRequest
  /** For RetireGrant: the grant being retired. */
  readonly targetGrant?: GrantInput
  readonly grantTokens?: readonly string[]
  /** The caller's IAM unique ID (AIDA… for users, AROA… for roles), for aws:userid. */
  readonly principalUniqueId?: string
  /** Tags on the calling user or role, for aws:PrincipalTag/…. */
  readonly principalTags?: Readonly<Record<string, string>>
  /** The simulated time, for aws:CurrentTime and aws:EpochTime. */
  readonly now?: Date
}
