import type { Decision } from './decision'

/**
 * The AccessDeniedException message AWS returns for a refused request, in the
 * shape IAM uses: who, what, on which resource, and which kind of policy
 * failed to allow it or explicitly denied it.
 */
export function accessDeniedMessage(decision: Decision): string {
  const { principal, action, resource, verdict, deniedBy = 'resource-based' } = decision
  const head = `User: ${principal} is not authorized to perform: ${action} on resource: ${resource}`
  const article = deniedBy === 'identity-based' ? 'an' : 'a'

  return verdict === 'ExplicitDeny'
    ? `${head} with an explicit deny in ${article} ${deniedBy} policy`
    : `${head} because no ${deniedBy} policy allows the ${action} action`
}
