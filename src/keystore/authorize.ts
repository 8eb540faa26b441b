import type {
  AuthorizationRequest,
  ContextValue,
  EncryptionContext,
  GrantInput,
  GrantRequest,
  KeyInput,
  PolicyDocument,
} from '../policy'
import type { Caller } from './caller'
import type { GrantRecord, KeyRecord, SandboxState } from './state'

/** What one authorization is about, beyond who calls. */
export type AuthorizeSpec = {
  /** The IAM action, e.g. `kms:Encrypt`. */
  readonly action: string
  /** The key; a KeyInput for a key not made yet (CreateKey's lockout check). */
  readonly key?: KeyRecord | KeyInput
  /**
   * A resource that only IAM policies govern, such as an alias ARN: the
   * engine then evaluates the caller's identity policies against it alone.
   */
  readonly resource?: string
  readonly encryptionContext?: EncryptionContext
  readonly grantRequest?: GrantRequest
  readonly targetGrant?: GrantRecord
  /** Condition keys this request adds, e.g. kms:RequestAlias. */
  readonly context?: Readonly<Record<string, ContextValue>>
  /** Evaluate under this key policy instead of the key's own: the lockout check. */
  readonly policy?: PolicyDocument
}

/** The call-wide inputs every authorization of one call shares. */
export type CallEnvironment = {
  readonly state: SandboxState
  readonly caller: Caller
  /** Condition keys the caller's situation supplies (kms:ViaService…), by lower-cased name. */
  readonly context: Readonly<Record<string, ContextValue>>
  readonly grantTokens: readonly string[]
}

/** Builds the engine's request for one authorization. Pure. */
export function toAuthorizationRequest(
  environment: CallEnvironment,
  spec: AuthorizeSpec,
): AuthorizationRequest {
  const { state, caller, grantTokens } = environment
  const context = { ...environment.context, ...lowerKeys(spec.context ?? {}) }
  const key = spec.key && toKeyInput(state, spec.key, grantTokens)

  return {
    principal: caller.principal,
    action: spec.action,
    identityPolicies: caller.identityPolicies,
    context,
    grantTokens,
    now: new Date(state.now),
    ...(key ? { key: spec.policy ? { ...key, policy: spec.policy } : key } : {}),
    ...(spec.resource ? { resource: spec.resource } : {}),
    ...(caller.uniqueId ? { principalUniqueId: caller.uniqueId } : {}),
    ...(spec.encryptionContext ? { encryptionContext: spec.encryptionContext } : {}),
    ...(spec.grantRequest ? { grantRequest: spec.grantRequest } : {}),
    ...(spec.targetGrant
      ? { targetGrant: toGrantInput(spec.targetGrant, state.now, grantTokens) }
      : {}),
  }
}

/** The condition keys as the engine reads them: names are case-insensitive. */
export function lowerKeys(
  context: Readonly<Record<string, ContextValue>>,
): Readonly<Record<string, ContextValue>> {
  const entries = Object.entries(context).map(([name, value]) => [name.toLowerCase(), value])

  return Object.fromEntries(entries)
}

function toKeyInput(
  state: SandboxState,
  key: KeyRecord | KeyInput,
  grantTokens: readonly string[],
): KeyInput {
  if (!('keyId' in key)) return key

  const aliases = Object.values(state.aliases)
    .filter((alias) => alias.targetKeyId === key.keyId)
    .map((alias) => alias.aliasName)

  return {
    arn: key.arn,
    policy: key.policy.document,
    grants: key.grants.map((grant) => toGrantInput(grant, state.now, grantTokens)),
    keySpec: key.keySpec,
    keyUsage: key.keyUsage,
    origin: key.origin,
    multiRegion: key.multiRegion,
    tags: key.tags,
    aliases,
  }
}

/**
 * A grant as the engine needs it. A grant is consistent once its propagation
 * time has passed; before that the engine accepts it only with its token, so
 * the token passed along is the one the request carries, if any.
 */
export function toGrantInput(
  grant: GrantRecord,
  now: string,
  grantTokens: readonly string[],
): GrantInput {
  const token = grant.tokens.find((t) => grantTokens.includes(t)) ?? grant.tokens[0]

  return {
    grantId: grant.grantId,
    granteePrincipal: grant.granteePrincipal,
    operations: grant.operations,
    consistent: now >= grant.consistentAt,
    ...(token ? { grantToken: token } : {}),
    ...(grant.retiringPrincipal ? { retiringPrincipal: grant.retiringPrincipal } : {}),
    ...(grant.constraints ? { constraints: grant.constraints } : {}),
    ...(grant.name ? { name: grant.name } : {}),
  }
}
