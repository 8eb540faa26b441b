import type { GrantCheck, GrantMiss } from './decision'
import { contextOperations, isGrantOperation } from './kms-actions'
import { coversCaller } from './match-principal'
import { parsePrincipal, type ParsedPrincipal } from './principal-arn'
import type { EncryptionContext, GrantConstraints, GrantInput, GrantRequest } from './request'

/** The parts of a request a grant is matched against. */
export type GrantTarget = {
  readonly caller: ParsedPrincipal
  /** The operation without prefix: `Decrypt`, `ReEncryptFrom`… */
  readonly operation: string
  readonly encryptionContext: EncryptionContext
  /** The same context keyed by lower-cased key: grant constraints ignore key case. */
  readonly contextByKey: ReadonlyMap<string, string>
  readonly grantTokens: readonly string[]
  /** For CreateGrant under a parent grant: the child grant asked for. */
  readonly grantRequest?: GrantRequest
}

/**
 * Checks whether one grant allows the request: the caller is its grantee,
 * the operation is listed, the encryption context meets its constraint (only
 * for operations that take one), and a grant still propagating is named by
 * its token. A child grant must also stay within its parent.
 */
export function checkGrant(grant: GrantInput, target: GrantTarget): GrantCheck {
  const misses: GrantMiss[] = []
  const { operation } = target

  if (!coversCaller(parsePrincipal(grant.granteePrincipal), target.caller)) {
    misses.push({ kind: 'grantee-not-caller', grantee: grant.granteePrincipal })
  }

  if (!isGrantOperation(operation)) {
    misses.push({ kind: 'not-a-grant-operation', operation })
  } else if (!grant.operations.includes(operation)) {
    misses.push({ kind: 'operation-not-granted', operation })
  }

  if (contextOperations.has(operation) && grant.constraints) {
    const miss = checkConstraints(grant.constraints, target)
    if (miss) misses.push(miss)
  }

  if (operation === 'CreateGrant' && target.grantRequest) {
    misses.push(...checkChildGrant(grant, target.grantRequest))
  }

  if (grant.consistent === false && !(grant.grantToken && target.grantTokens.includes(grant.grantToken))) {
    misses.push({ kind: 'not-yet-consistent', grantId: grant.grantId })
  }

  return { grantId: grant.grantId, ref: `grant:${grant.grantId}`, applies: misses.length === 0, misses }
}

/**
 * Keys compare without regard to case and values exactly, as the KMS API
 * Reference describes grant constraints.
 */
function checkConstraints(constraints: GrantConstraints, target: GrantTarget): GrantMiss | undefined {
  const { contextByKey: actualByKey, encryptionContext: actual } = target
  const holds = (required: EncryptionContext): boolean =>
    Object.entries(required).every(([k, v]) => actualByKey.get(k.toLowerCase()) === v)

  const equals = constraints.encryptionContextEquals
  if (equals && !(holds(equals) && Object.keys(equals).length === actualByKey.size)) {
    return { kind: 'context-mismatch', constraint: 'EncryptionContextEquals', required: equals, actual }
  }

  const subset = constraints.encryptionContextSubset
  if (subset && !holds(subset)) {
    return { kind: 'context-mismatch', constraint: 'EncryptionContextSubset', required: subset, actual }
  }

  return undefined
}

/**
 * A grantee creating a grant through its own grant may pass on only a subset
 * of its operations, under a constraint at least as strict as its own.
 */
function checkChildGrant(parent: GrantInput, child: GrantRequest): readonly GrantMiss[] {
  const misses: GrantMiss[] = []

  const extraOperations = child.operations.filter((op) => !parent.operations.includes(op))
  if (extraOperations.length > 0) {
    misses.push({ kind: 'child-grant-too-broad', detail: 'operations', extra: extraOperations })
  }

  const loosened = loosenedPairs(parent.constraints, child.constraints)
  if (loosened.length > 0) {
    misses.push({ kind: 'child-grant-too-broad', detail: 'constraints', extra: loosened })
  }

  return misses
}

function loosenedPairs(parent?: GrantConstraints, child?: GrantConstraints): readonly string[] {
  const parentPairs = parent?.encryptionContextEquals ?? parent?.encryptionContextSubset
  if (!parentPairs) return []

  const childPairs = child?.encryptionContextEquals ?? child?.encryptionContextSubset ?? {}
  const missing = Object.entries(parentPairs)
    .filter(([k, v]) => childPairs[k] !== v)
    .map(([k, v]) => `${k}=${v}`)

  // Equals on the parent allows no extra pairs and cannot become Subset.
  if (parent?.encryptionContextEquals) {
    if (!child?.encryptionContextEquals) missing.push('EncryptionContextEquals')
    else if (Object.keys(child.encryptionContextEquals).length !== Object.keys(parentPairs).length) {
      missing.push('extra pairs')
    }
  }

  return missing
}
