import { coversCaller, evaluate, parsePolicy, parsePrincipal, type Decision, type IdentityPolicy } from '../policy'
import { keyStateError, keyUsageError } from '../keystore/key-rules'
import type { CheckCase } from './check-case-schema'

/** The outcome of one check file: what the sandbox decided against what was expected. */
export type CheckResult = {
  readonly title: string
  readonly passed: boolean
  readonly decision: Decision
  /** The exception KMS raises after an Allow because of the key (state, usage). */
  readonly error?: string
  readonly errorMessage?: string
  readonly expected: CheckCase['expect']
  /** One line per mismatch; empty when the file passes. */
  readonly mismatches: readonly string[]
}

/** A policy inside a check file that AWS would refuse. */
export type CheckPolicyProblem = { readonly path: string; readonly message: string }

/**
 * Evaluates one validated check file. Returns the problems instead when one of
 * its policies is malformed, naming the JSON path of the policy.
 */
export function runCheckCase(
  checkCase: CheckCase,
): { readonly ok: true; readonly result: CheckResult } | { readonly ok: false; readonly problems: readonly CheckPolicyProblem[] } {
  const problems: CheckPolicyProblem[] = []
  const keyPolicy = parsePolicy(checkCase.key.policy, 'key')
  if (!keyPolicy.ok) problems.push({ path: `key.policy.${keyPolicy.error.path}`, message: keyPolicy.error.message })

  const caller = parsePrincipal(checkCase.request.principal)
  const identityPolicies: IdentityPolicy[] = []
  for (const [owner, policies] of Object.entries(checkCase.identityPolicies ?? {})) {
    policies.forEach((raw, i) => {
      const parsed = parsePolicy(raw, 'identity')
      if (!parsed.ok) {
        problems.push({ path: `identityPolicies["${owner}"][${i}].${parsed.error.path}`, message: parsed.error.message })
      } else if (coversCaller(parsePrincipal(owner), caller)) {
        identityPolicies.push({ owner, policy: parsed.policy })
      }
    })
  }

  if (!keyPolicy.ok || problems.length > 0) return { ok: false, problems }

  const { key, request, expect } = checkCase
  const decision = evaluate({
    principal: request.principal,
    action: request.action,
    key: { arn: key.arn, policy: keyPolicy.policy, grants: key.grants ?? [], keySpec: key.spec ?? 'SYMMETRIC_DEFAULT', keyUsage: key.usage ?? defaultUsage(key.spec) },
    identityPolicies,
    ...(request.encryptionContext ? { encryptionContext: request.encryptionContext } : {}),
    ...(request.context ? { context: request.context } : {}),
  })

  const operation = decision.action.replace(/^kms:/, '')
  const keyError =
    decision.verdict === 'Allow'
      ? (keyStateError(operation, key.state ?? 'Enabled', key.arn) ??
        keyUsageError(operation, { arn: key.arn, usage: key.usage ?? defaultUsage(key.spec), spec: key.spec ?? 'SYMMETRIC_DEFAULT' }))
      : undefined

  const mismatches = compare(expect, decision, keyError?.code)
  const result: CheckResult = {
    title: checkCase.title,
    passed: mismatches.length === 0,
    decision,
    expected: expect,
    mismatches,
    ...(keyError ? { error: keyError.code, errorMessage: keyError.message } : {}),
  }

  return { ok: true, result }
}

function defaultUsage(spec: string | undefined): string {
  if (spec?.startsWith('HMAC_')) return 'GENERATE_VERIFY_MAC'
  if (spec?.startsWith('ECC_')) return 'SIGN_VERIFY'

  return 'ENCRYPT_DECRYPT'
}

function compare(expect: CheckCase['expect'], decision: Decision, error: string | undefined): string[] {
  const mismatches: string[] = []
  if (decision.verdict !== expect.decision) {
    mismatches.push(`decision: expected ${expect.decision}, got ${decision.verdict}`)
  }

  if (expect.by) {
    const want = [...expect.by].sort()
    const got = [...decision.decidedBy].sort()
    if (want.join('\n') !== got.join('\n')) {
      mismatches.push(`by: expected [${want.join(', ')}], got [${got.join(', ')}]`)
    }
  }

  if ((expect.error ?? undefined) !== error && (expect.error !== undefined || error !== undefined)) {
    mismatches.push(`error: expected ${expect.error ?? 'none'}, got ${error ?? 'none'}`)
  }

  return mismatches
}
