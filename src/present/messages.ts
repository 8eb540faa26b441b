// Learner-facing wording for the engine's codes. The engine decides in codes;
// every sentence a learner reads about a decision is written here, once.
import {
  parsePrincipal,
  type DecisionNote,
  type GrantMiss,
  type MissReason,
  type NotCountedReason,
  type PolicyWarning,
  type StatementRole,
  type Verdict,
} from '../policy'

/** One line saying why a statement did not apply. */
export function describeMiss(miss: MissReason): string {
  switch (miss.kind) {
    case 'action-not-matched':
      return `does not list ${miss.action}`
    case 'action-excluded':
      return `NotAction excludes ${miss.action} (${miss.pattern})`
    case 'principal-not-matched':
      return `does not name ${miss.principal}${principalAlternatives(miss.principal)}`
    case 'principal-excluded':
      return `NotPrincipal exempts ${miss.principal}`
    case 'resource-not-matched':
      return `Resource does not cover ${miss.resource}`
    case 'resource-excluded':
      return `NotResource excludes ${miss.resource} (${miss.pattern})`
    case 'no-resource':
      return `has no ${miss.element} element, so it applies to nothing`
    case 'condition-failed':
      return describeConditionMiss(miss)
  }
}

/** What else a Principal element could have named to cover this caller. */
function principalAlternatives(principal: string): string {
  const caller = parsePrincipal(principal)
  if (caller.kind === 'assumed-role') return ', its role, its account or *'
  if (caller.kind === 'service' || caller.kind === 'root') return ' or *'

  return ', its account or *'
}

function describeConditionMiss(miss: Extract<MissReason, { kind: 'condition-failed' }>): string {
  const expected = miss.expected.map((value) => JSON.stringify(value)).join(', ')
  if (miss.unresolvedVariable) {
    return `${miss.operator} ${miss.key}: the variable \${${miss.unresolvedVariable}} has no value in this request`
  }

  const actual =
    miss.actual.length === 0
      ? 'the request has no such key'
      : `the request has ${miss.actual.map((value) => JSON.stringify(value)).join(', ')}`

  return `${miss.operator} ${miss.key} [${expected}] is false: ${actual}`
}

/** Why a statement that applied did not count toward the outcome. */
export const notCountedMessages: Readonly<Record<NotCountedReason, string>> = {
  'needs-iam-allow':
    'applies, but only lets IAM policies grant this; no IAM policy of the caller allows it',
  'needs-key-policy-allow':
    'allows in IAM, but the key policy does not let IAM policies work for this account and action',
  'iam-only-permission': 'names a permission that only IAM policies can give; a key policy cannot',
  'not-cross-account': 'names an operation that never works across accounts',
  'not-effective-in-key-policy': 'kms:RetireGrant has no effect in a key policy',
}

/** Short labels for the part a statement played. */
export const roleLabels: Readonly<Record<StatementRole, string>> = {
  allows: 'allows',
  delegates: 'lets IAM decide',
  'allows-with-iam': 'allows, together with IAM',
  'iam-allows': 'allows (IAM)',
  denies: 'denies',
  'not-counted': 'applies, not counted',
  'not-applicable': 'does not apply',
}

/** One line saying why a grant did not allow the request. */
export function describeGrantMiss(miss: GrantMiss): string {
  switch (miss.kind) {
    case 'grantee-not-caller':
      return `its grantee is ${miss.grantee}`
    case 'operation-not-granted':
      return `does not list ${miss.operation}`
    case 'not-a-grant-operation':
      return `${miss.operation} cannot be granted`
    case 'context-mismatch':
      return `${miss.constraint} ${formatPairs(miss.required)} does not hold for context ${formatPairs(miss.actual)}`
    case 'not-yet-consistent':
      return 'is still propagating and the request carries no grant token for it'
    case 'child-grant-too-broad':
      return miss.detail === 'operations'
        ? `a child grant cannot add operations: ${miss.extra.join(', ')}`
        : `a child grant cannot loosen the constraint: ${miss.extra.join(', ')}`
  }
}

/** Sentences for the rules that shaped a decision. */
export const noteMessages: Readonly<Record<DecisionNote, string>> = {
  'cross-account':
    "The caller is in another account: the key policy must allow it and so must the caller's own account (its IAM policies; its root user holds every permission of its account), unless a grant allows it.",
  'not-cross-account-operation':
    'This operation never works for principals in another account, whatever the policies say.',
  'iam-only-action':
    'This permission is given only by IAM policies; key policies do not apply to it.',
  'iam-not-enabled':
    'The key policy has no statement for the caller\'s account, so IAM policies cannot allow anything on this key (their denies still count).',
  'service-principal-has-no-iam':
    'An AWS service principal has no IAM policies: only the key policy or a grant can allow it.',
  'retire-grant-rules':
    'RetireGrant is allowed to the grant\'s retiring principal, to its grantee when the grant lists RetireGrant, and through IAM in the key\'s account; key policies do not give it.',
}

/** Headline wording of a verdict. */
export const verdictLabels: Readonly<Record<Verdict, string>> = {
  Allow: 'Allowed',
  ExplicitDeny: 'Denied explicitly',
  ImplicitDeny: 'Denied by default',
}

/** `{"a":"1"}` → `{a=1}`; `{}` for no context. */
export function formatPairs(pairs: Readonly<Record<string, string>>): string {
  const body = Object.entries(pairs)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')

  return `{${body}}`
}

/** One line about a policy statement AWS accepts but that is almost certainly a mistake. */
export function describeWarning(where: string, warning: PolicyWarning): string {
  const guess = warning.suggestion ? `; did you mean ${warning.suggestion}?` : ''

  return `${where}:${warning.statement} lists ${warning.action}, which is not a KMS permission${guess} AWS accepts the policy, but that entry never matches a request.`
}
