import { accessDeniedMessage } from './access-denied-message'
import { checkGrant } from './check-grant'
import { checkStatement, type StatementMatch, type StatementTarget } from './check-statement'
import type {
  Decision,
  DecisionNote,
  DeniedPolicyType,
  GrantCheck,
  NotCountedReason,
  PolicySource,
  StatementCheck,
  StatementRole,
} from './decision'
import { canonicalAction, crossAccountActions, iamOnlyActions, splitAction } from './kms-actions'
import { coversCaller } from './match-principal'
import type { PolicyDocument, Statement } from './policy-document'
import { parsePrincipal, type ParsedPrincipal } from './principal-arn'
import type { AuthorizationRequest, GrantInput } from './request'
import { buildRequestContext } from './request-context'

// Docs: KMS Developer Guide › Authentication and access control › Policy
// evaluation; IAM User Guide › Policy evaluation logic (and its cross-account page).

/** A statement that matched, kept with where it came from until its role is known. */
type Applied = {
  readonly statement: Statement
  readonly source: PolicySource
  readonly owner: string | undefined
  readonly match: StatementMatch
}

/**
 * Decides a KMS request as AWS KMS does and explains the decision: every
 * statement of every policy and every grant is checked, and the result names
 * the ones that decided. Pure and synchronous; never throws for a request
 * built from parsed policies.
 */
export function evaluate(request: AuthorizationRequest): Decision {
  const caller = parsePrincipal(request.principal)
  const action = canonicalActions.get(request.action) ?? remember(request.action)
  const operation = splitAction(action).name
  const iamOnly = iamOnlyActions.has(operation) || request.resource !== undefined
  const key = request.key
  const resource = request.resource ?? (iamOnly ? '*' : (key?.arn ?? '*'))
  const context = buildRequestContext(request, action, caller)
  const target: StatementTarget = { caller, action, resource, context }

  const keyMatches = key ? matchPolicy(key.policy, 'key-policy', undefined, target) : []
  const identityMatches: Applied[] = []
  for (const { owner, policy } of identityPoliciesOf(request, caller)) {
    identityMatches.push(...matchPolicy(policy, 'identity', owner, target))
  }

  const grantChecks = iamOnly ? [] : checkGrants(key?.grants ?? [], request, caller, operation)

  const outcome = decide({
    caller,
    operation,
    iamOnly,
    keyAccount: key ? accountOfKeyArn(key.arn) : undefined,
    keyMatches,
    identityMatches,
    grantChecks,
    targetGrant: operation === 'RetireGrant' ? request.targetGrant : undefined,
  })

  const decision: { -readonly [K in keyof Decision]: Decision[K] } = {
    verdict: outcome.verdict,
    action,
    principal: request.principal,
    resource,
    decidedBy: outcome.decidedBy,
    statements: keyMatches.concat(identityMatches).map((applied) => toCheck(applied, outcome)),
    grants: grantChecks,
    notes: outcome.notes,
  }
  if (outcome.deniedBy) decision.deniedBy = outcome.deniedBy
  if (outcome.verdict !== 'Allow') decision.message = accessDeniedMessage(decision)

  return decision
}

// Requests name the same few actions again and again: spell each once.
const canonicalActions = new Map<string, string>()

function remember(action: string): string {
  const canonical = canonicalAction(action)
  if (canonicalActions.size < 1000) canonicalActions.set(action, canonical)

  return canonical
}

function matchPolicy(
  policy: PolicyDocument,
  source: PolicySource,
  owner: string | undefined,
  target: StatementTarget,
): Applied[] {
  return policy.statements.map((statement) => ({
    statement,
    source,
    match: checkStatement(statement, source, target),
    owner,
  }))
}

/** Root users and AWS services have no identity policies; everyone else may. */
function identityPoliciesOf(request: AuthorizationRequest, caller: ParsedPrincipal) {
  if (caller.kind === 'root' || caller.kind === 'service') return []

  return request.identityPolicies ?? []
}

function checkGrants(
  grants: readonly GrantInput[],
  request: AuthorizationRequest,
  caller: ParsedPrincipal,
  operation: string,
): readonly GrantCheck[] {
  const encryptionContext = request.encryptionContext ?? {}
  const target = {
    caller,
    operation,
    encryptionContext,
    contextByKey: new Map(Object.entries(encryptionContext).map(([k, v]) => [k.toLowerCase(), v])),
    grantTokens: request.grantTokens ?? [],
    ...(request.grantRequest ? { grantRequest: request.grantRequest } : {}),
  }

  return grants.map((grant) => checkGrant(grant, target))
}

function accountOfKeyArn(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:kms:[^:]*:(\d{12}):/.exec(arn)?.[1]
}

type Inputs = {
  readonly caller: ParsedPrincipal
  readonly operation: string
  readonly iamOnly: boolean
  readonly keyAccount: string | undefined
  readonly keyMatches: readonly Applied[]
  readonly identityMatches: readonly Applied[]
  readonly grantChecks: readonly GrantCheck[]
  readonly targetGrant: GrantInput | undefined
}

type Outcome = {
  readonly verdict: Decision['verdict']
  readonly decidedBy: readonly string[]
  readonly deniedBy?: DeniedPolicyType
  readonly notes: readonly DecisionNote[]
  /** Roles of applying statements, by ref; absent refs did not count. */
  readonly roles: ReadonlyMap<Applied, StatementRole>
  readonly notCounted: ReadonlyMap<Applied, NotCountedReason>
}

/**
 * The decision rules, in AWS's order: an explicit Deny anywhere wins; then any
 * one source of Allow is enough, where a key-policy statement naming the
 * caller's account only lets that account's IAM policies work, and a caller
 * from another account needs its own IAM allow as well, unless a grant allows.
 */
function decide(inputs: Inputs): Outcome {
  const { caller, operation, iamOnly, keyAccount } = inputs
  const applies = (applied: Applied) => applied.match.misses.length === 0
  const keyApplying = inputs.keyMatches.filter(applies)
  const identityApplying = inputs.identityMatches.filter(applies)
  const roles = new Map<Applied, StatementRole>()
  const notCounted = new Map<Applied, NotCountedReason>()
  const notes: DecisionNote[] = []

  // A key policy has no say over IAM-only permissions, not even to deny them.
  const denyCandidates = iamOnly ? identityApplying : [...keyApplying, ...identityApplying]
  const denies = denyCandidates.filter((a) => a.statement.effect === 'Deny')
  if (denies.length > 0) {
    for (const deny of denies) roles.set(deny, 'denies')
    const deniedBy = denies.some((deny) => deny.source === 'key-policy') ? 'resource-based' : 'identity-based'

    return { verdict: 'ExplicitDeny', decidedBy: denies.map(refOf), deniedBy, notes, roles, notCounted }
  }

  const keyAllows = keyApplying.filter((a) => a.statement.effect === 'Allow')
  const identityAllows = identityApplying.filter((a) => a.statement.effect === 'Allow')
  const grants = inputs.grantChecks.filter((grant) => grant.applies)
  const callerAccount = 'account' in caller ? caller.account : undefined
  const crossAccount = keyAccount !== undefined && callerAccount !== undefined && callerAccount !== keyAccount
  if (crossAccount) notes.push('cross-account')
  if (caller.kind === 'service') notes.push('service-principal-has-no-iam')

  const implicit = (deniedBy: DeniedPolicyType): Outcome => ({
    verdict: 'ImplicitDeny',
    decidedBy: [],
    deniedBy,
    notes,
    roles,
    notCounted,
  })
  const allow = (deciding: readonly Applied[], grantRefs: readonly string[]): Outcome => ({
    verdict: 'Allow',
    decidedBy: [...deciding.map(refOf), ...grantRefs],
    notes,
    roles,
    notCounted,
  })

  if (iamOnly) {
    notes.push('iam-only-action')
    for (const allowing of identityAllows) roles.set(allowing, 'allows')
    for (const applied of keyAllows) notCounted.set(applied, 'iam-only-permission')

    // The root user holds every IAM permission of its own account without a policy.
    if (caller.kind === 'root') return allow([], [])

    return identityAllows.length > 0 ? allow(identityAllows, []) : implicit('identity-based')
  }

  if (crossAccount && !crossAccountActions.has(operation)) {
    notes.push('not-cross-account-operation')
    for (const applied of [...keyAllows, ...identityAllows]) notCounted.set(applied, 'not-cross-account')

    return implicit('resource-based')
  }

  if (operation === 'RetireGrant') {
    return decideRetire({ ...inputs, keyAllows, identityAllows, roles, notCounted, notes })
  }

  const grantRefs = grants.map((grant) => grant.ref)

  if (crossAccount) {
    // The root user holds every permission of its own account without a policy.
    const bothSides = keyAllows.length > 0 && (identityAllows.length > 0 || caller.kind === 'root')
    for (const applied of keyAllows) {
      if (bothSides) roles.set(applied, 'allows-with-iam')
      else notCounted.set(applied, 'needs-iam-allow')
    }

    for (const applied of identityAllows) {
      if (bothSides) roles.set(applied, 'iam-allows')
      else notCounted.set(applied, 'needs-key-policy-allow')
    }

    if (bothSides || grants.length > 0) return allow(bothSides ? [...keyAllows, ...identityAllows] : [], grantRefs)

    return implicit(keyAllows.length > 0 ? 'identity-based' : 'resource-based')
  }

  const isDelegation = (a: Applied) => a.match.principalMatch === 'account'
  const direct = keyAllows.filter((a) => !isDelegation(a))
  const delegations = keyAllows.filter(isDelegation)
  const iamWorks = delegations.length > 0 && identityAllows.length > 0

  for (const applied of direct) roles.set(applied, 'allows')
  for (const applied of delegations) {
    if (iamWorks) roles.set(applied, 'delegates')
    else notCounted.set(applied, 'needs-iam-allow')
  }

  for (const applied of identityAllows) {
    if (iamWorks) roles.set(applied, 'iam-allows')
    else notCounted.set(applied, 'needs-key-policy-allow')
  }

  if (identityAllows.length > 0 && delegations.length === 0) notes.push('iam-not-enabled')

  if (direct.length > 0 || iamWorks || grants.length > 0) {
    return allow([...direct, ...(iamWorks ? [...delegations, ...identityAllows] : [])], grantRefs)
  }

  return implicit(delegations.length > 0 ? 'identity-based' : 'resource-based')
}

/**
 * RetireGrant is not governed by the key policy: the grant's retiring
 * principal may retire it, its grantee may when the grant lists RetireGrant,
 * and principals of the key's account may through an IAM allow.
 * Docs: KMS Developer Guide › Retiring and revoking grants.
 */
function decideRetire(
  inputs: Inputs & {
    readonly keyAllows: readonly Applied[]
    readonly identityAllows: readonly Applied[]
    readonly roles: Map<Applied, StatementRole>
    readonly notCounted: Map<Applied, NotCountedReason>
    readonly notes: DecisionNote[]
  },
): Outcome {
  const { caller, targetGrant, keyAllows, identityAllows, roles, notCounted, notes } = inputs
  notes.push('retire-grant-rules')
  for (const applied of keyAllows) notCounted.set(applied, 'not-effective-in-key-policy')

  const base = { notes, roles, notCounted }
  if (targetGrant) {
    const ref = `grant:${targetGrant.grantId}`
    const named = (principal: string | undefined) =>
      principal !== undefined && coversCaller(parsePrincipal(principal), caller)

    if (named(targetGrant.retiringPrincipal)) return { ...base, verdict: 'Allow', decidedBy: [ref] }

    if (named(targetGrant.granteePrincipal) && targetGrant.operations.includes('RetireGrant')) {
      return { ...base, verdict: 'Allow', decidedBy: [ref] }
    }
  }

  const issuingAccount = inputs.keyAccount
  const inIssuingAccount = 'account' in caller && caller.account === issuingAccount
  if (inIssuingAccount && caller.kind === 'root') return { ...base, verdict: 'Allow', decidedBy: [] }

  if (inIssuingAccount && identityAllows.length > 0) {
    for (const applied of identityAllows) roles.set(applied, 'allows')

    return { ...base, verdict: 'Allow', decidedBy: identityAllows.map(refOf) }
  }

  return { ...base, verdict: 'ImplicitDeny', decidedBy: [], deniedBy: 'identity-based' }
}

function refOf(applied: Applied): string {
  const name = applied.statement.sid ?? `#${applied.statement.index}`

  return applied.source === 'key-policy' ? `key-policy:${name}` : `identity:${applied.owner}:${name}`
}

function toCheck(applied: Applied, outcome: Outcome): StatementCheck {
  const { statement, source, owner, match } = applied
  const applies = match.misses.length === 0
  const reason = outcome.notCounted.get(applied)
  const role: StatementRole = outcome.roles.get(applied) ?? (applies ? 'not-counted' : 'not-applicable')
  // Built field by field rather than by spreading: this runs for every statement of every decision.
  const check: { -readonly [K in keyof StatementCheck]: StatementCheck[K] } = {
    source,
    index: statement.index,
    ref: refOf(applied),
    effect: statement.effect,
    applies,
    misses: match.misses,
    role,
  }
  if (owner) check.owner = owner
  if (statement.sid !== undefined) check.sid = statement.sid
  if (match.principalMatch) check.principalMatch = match.principalMatch
  if (reason) check.notCountedBecause = reason

  return check
}
