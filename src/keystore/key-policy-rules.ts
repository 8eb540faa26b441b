import { parsePolicy, parsePrincipal, type KeyInput, type PolicyDocument } from '../policy'
import type { CallScope } from './call-scope'
import { isServiceRoleName } from './caller'
import { KmsError } from './kms-error'
import type { KeyRecord, SandboxState, StoredPolicy } from './state'

/**
 * Parses a key policy as CreateKey and PutKeyPolicy receive it. Throws the
 * engine's error code (MalformedPolicyDocumentException or
 * LimitExceededException) with the JSON path in front of its message.
 */
export function parseKeyPolicy(text: string): StoredPolicy {
  const parsed = parsePolicy(text, 'key')

  // Guard: a key policy must be valid JSON, within 32 KB, in the key policy grammar.
  if (!parsed.ok) {
    const { code, path, message } = parsed.error
    throw new KmsError(code, path === '(document)' ? message : `${path}: ${message}`)
  }

  return { text, document: parsed.policy }
}

/**
 * Throws unless every IAM user and role a key policy names exists. Accounts
 * always exist and service principals are always valid.
 * Docs: KMS API Reference › PutKeyPolicy (Policy: principals must exist and be visible)
 */
export function checkPrincipalsExist(state: SandboxState, document: PolicyDocument): void {
  const missing = principalsOf(document).some(
    (value) => value.kind === 'aws' && !principalExists(state, value.value),
  )

  // Guard: a key policy may name only IAM users and roles that exist.
  if (missing) {
    throw new KmsError(
      'MalformedPolicyDocumentException',
      'Policy contains a statement with one or more invalid principals.',
    )
  }
}

/** The accounts a key policy names, so that they come into being. */
export function accountsNamed(document: PolicyDocument): readonly string[] {
  const accounts = principalsOf(document)
    .map((value) => (value.kind === 'aws' ? parsePrincipal(value.value) : undefined))
    .flatMap((parsed) => (parsed && 'account' in parsed ? [parsed.account] : []))

  return [...new Set(accounts)]
}

/**
 * The policy lockout safety check: unless bypassed, the caller must be
 * allowed kms:PutKeyPolicy on the key under the new policy, together with its
 * current IAM policies. The decision is recorded with the call's others.
 * Docs: KMS API Reference › PutKeyPolicy (BypassPolicyLockoutSafetyCheck)
 */
export function checkLockout(
  scope: CallScope,
  key: KeyRecord | KeyInput,
  policy: PolicyDocument,
  bypass: boolean | undefined,
): void {
  if (bypass) return

  const decision = scope.evaluate({ action: 'kms:PutKeyPolicy', key, policy })

  // Guard: a new key policy must let the caller change the key policy later.
  if (decision.verdict !== 'Allow') {
    throw new KmsError(
      'MalformedPolicyDocumentException',
      'The new key policy will not allow you to update the key policy in the future.',
      decision,
    )
  }
}

/**
 * The stored policy with every mention of a deleted user or role replaced by
 * its unique ID, as AWS shows it: the ID matches nobody, not even a new
 * principal with the same name. Returns the same object when nothing changes.
 * Docs: IAM User Guide › AWS JSON policy elements: Principal (IAM roles, IAM users)
 */
export function forgetPrincipal(policy: StoredPolicy, arn: string, uniqueId: string): StoredPolicy {
  const quoted = JSON.stringify(arn)
  if (!policy.text.includes(quoted)) return policy

  const replace = (value: string) => (value === arn ? uniqueId : value)
  const statements = policy.document.statements.map((statement) => ({
    ...statement,
    ...mapPrincipals('principals', statement.principals, replace),
    ...mapPrincipals('notPrincipals', statement.notPrincipals, replace),
  }))

  return {
    text: policy.text.split(quoted).join(JSON.stringify(uniqueId)),
    document: {
      ...policy.document,
      statements,
      json: replaceStrings(policy.document.json, replace),
    },
  }
}

type Principals = PolicyDocument['statements'][number]['principals']

function principalsOf(document: PolicyDocument) {
  return document.statements.flatMap((s) => [...(s.principals ?? []), ...(s.notPrincipals ?? [])])
}

function mapPrincipals(field: string, values: Principals, replace: (value: string) => string) {
  if (!values) return {}

  return { [field]: values.map((v) => (v.kind === 'aws' ? { ...v, value: replace(v.value) } : v)) }
}

function replaceStrings(value: unknown, replace: (value: string) => string): unknown {
  if (typeof value === 'string') return replace(value)
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, replace))
  if (typeof value !== 'object' || value === null) return value

  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, replace)]))
}

function principalExists(state: SandboxState, value: string): boolean {
  const parsed = parsePrincipal(value)
  const account = 'account' in parsed ? state.accounts[parsed.account] : undefined

  switch (parsed.kind) {
    case 'user':
      return Object.values(account?.users ?? {}).some((user) => user.arn === value)
    case 'role':
      return Object.values(account?.roles ?? {}).some((role) => role.arn === value)
    case 'assumed-role':
      return isServiceRoleName(parsed.roleName) || account?.roles[parsed.roleName] !== undefined
    case 'unknown':
      return false
    default:
      return true
  }
}
