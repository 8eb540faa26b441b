import type { MissReason, PolicySource, PrincipalMatch } from './decision'
import { evaluateConditions } from './evaluate-condition'
import { matchPrincipals } from './match-principal'
import type { Pattern, PrincipalValue, Statement } from './policy-document'
import type { ParsedPrincipal } from './principal-arn'
import type { RequestContext } from './request-context'
import { substituteVariables } from './variables'
import { compileWildcard } from './wildcard'

/** What one statement says about one request, before the outcome is known. */
export type StatementMatch = {
  readonly misses: readonly MissReason[]
  readonly principalMatch?: PrincipalMatch
}

/** The parts of a request a statement is matched against. */
export type StatementTarget = {
  readonly caller: ParsedPrincipal
  readonly action: string
  readonly resource: string
  readonly context: RequestContext
}

/**
 * Matches one statement against the request and lists every reason it does
 * not apply (principal, action, resource and each failing condition), so the
 * explanation can show them all rather than the first.
 */
export function checkStatement(
  statement: Statement,
  source: PolicySource,
  target: StatementTarget,
): StatementMatch {
  const misses: MissReason[] = []
  let principalMatch: PrincipalMatch | undefined

  if (source === 'key-policy') {
    principalMatch = checkPrincipal(statement, target.caller, misses)
  }

  checkAction(statement, target.action, misses)
  checkResource(statement, source, target, misses)
  evaluateConditions(statement.conditions, target.context, misses)

  return principalMatch ? { misses, principalMatch } : { misses }
}

function checkPrincipal(
  statement: Statement,
  caller: ParsedPrincipal,
  misses: MissReason[],
): PrincipalMatch | undefined {
  if (statement.principals) {
    const match = matchPrincipals(statement.principals, caller)
    if (!match) misses.push({ kind: 'principal-not-matched', principal: caller.arn })

    return match
  }

  if (statement.notPrincipals) {
    // NotPrincipal exempts only the principals it names exactly: an account
    // listed there does not exempt its users, nor a role its sessions (the IAM
    // User Guide has a Deny list the session ARN beside the role ARN).
    if (namesExactly(statement.notPrincipals, caller)) {
      misses.push({ kind: 'principal-excluded', principal: caller.arn, pattern: 'NotPrincipal' })

      return undefined
    }

    return 'not-principal'
  }

  return undefined
}

function namesExactly(values: readonly PrincipalValue[], caller: ParsedPrincipal): boolean {
  return values.some((value) => {
    if (value.kind === 'any') return true
    if (value.kind !== 'aws') return value.value === caller.arn

    return value.value === caller.arn || (caller.kind === 'root' && value.value === caller.account)
  })
}

function checkAction(statement: Statement, action: string, misses: MissReason[]): void {
  if (statement.actions) {
    if (!statement.actions.some((pattern) => pattern.test(action))) {
      misses.push({ kind: 'action-not-matched', action })
    }

    return
  }

  if (statement.notActions) {
    const excluding = statement.notActions.find((pattern) => pattern.test(action))
    if (excluding) misses.push({ kind: 'action-excluded', action, pattern: excluding.source })

    return
  }

  misses.push({ kind: 'no-resource', element: 'Action' })
}

function checkResource(
  statement: Statement,
  source: PolicySource,
  target: StatementTarget,
  misses: MissReason[],
): void {
  const { resource, context } = target

  if (statement.resources) {
    // In a key policy "*" means this key; a pattern naming the key's ARN means the same.
    if (!statement.resources.some((pattern) => matchResource(pattern, resource, context))) {
      misses.push({ kind: 'resource-not-matched', resource })
    }

    return
  }

  if (statement.notResources) {
    const excluding = statement.notResources.find((pattern) => matchResource(pattern, resource, context))
    if (excluding) misses.push({ kind: 'resource-excluded', resource, pattern: excluding.source })

    return
  }

  if (source === 'key-policy') misses.push({ kind: 'no-resource', element: 'Resource' })
}

function matchResource(pattern: Pattern, resource: string, context: RequestContext): boolean {
  if (!pattern.hasVariables) return pattern.test(resource)

  const substituted = substituteVariables(pattern.source, context)

  return substituted.ok && compileWildcard(substituted.value, { ignoreCase: false })(resource)
}
