import type { PrincipalMatch } from './decision'
import type { PrincipalValue } from './policy-document'
import { parsePrincipal, type ParsedPrincipal } from './principal-arn'

/**
 * How a Principal element covers the caller, or undefined when it does not.
 * A role ARN covers the role's sessions; an account (ARN or bare ID) covers
 * everyone in it, but only as a delegation to that account's IAM policies.
 * When several values match, the most specific kind wins.
 */
export function matchPrincipals(
  values: readonly PrincipalValue[],
  caller: ParsedPrincipal,
): PrincipalMatch | undefined {
  let best: PrincipalMatch | undefined

  for (const value of values) {
    const match = matchPrincipal(value, caller)
    if (match && (best === undefined || rank[match] > rank[best])) best = match
  }

  return best
}

const rank: Readonly<Record<PrincipalMatch, number>> = {
  'not-principal': 0,
  account: 1,
  wildcard: 2,
  service: 3,
  named: 4,
}

function matchPrincipal(value: PrincipalValue, caller: ParsedPrincipal): PrincipalMatch | undefined {
  switch (value.kind) {
    case 'any':
      return 'wildcard'
    case 'service':
      return caller.kind === 'service' && caller.service === value.value ? 'service' : undefined
    case 'federated':
    case 'canonical-user':
      return value.value === caller.arn ? 'named' : undefined
    case 'aws':
      return matchAwsPrincipal(value.value, caller)
  }
}

function matchAwsPrincipal(value: string, caller: ParsedPrincipal): PrincipalMatch | undefined {
  const named = parsePrincipal(value)

  if (named.kind === 'root') {
    if (!('account' in caller) || caller.account !== named.account) return undefined

    return caller.kind === 'root' ? 'named' : 'account'
  }

  return coversCaller(named, caller) ? 'named' : undefined
}

/**
 * True when a principal named in a policy or grant is the caller itself, or
 * the role whose session the caller is. Compares ARNs exactly, as IAM does.
 */
export function coversCaller(named: ParsedPrincipal, caller: ParsedPrincipal): boolean {
  if (named.arn === caller.arn) return true

  if (named.kind === 'role' && caller.kind === 'assumed-role') {
    return named.account === caller.account && named.name === caller.roleName
  }

  return false
}
