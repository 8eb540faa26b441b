import { parsePrincipal, type IdentityPolicy } from '../policy'
import { sessionArnOf } from './arns'
import { KmsError } from './kms-error'
import type { IamPrincipal, SandboxState } from './state'

/** Who makes a call, as KMS sees it once the credentials are checked. */
export type Caller = {
  /** The ARN in the request context: for a role, its session's ARN. */
  readonly principal: string
  readonly kind: 'user' | 'role-session' | 'root' | 'service'
  /** Absent for an AWS service principal. */
  readonly account?: string
  readonly uniqueId?: string
  /** A user's own inline policies; a role session's role's. */
  readonly identityPolicies: readonly IdentityPolicy[]
}

/** The session name a role's calls use when the client names none. */
export const defaultSessionName = 'session'

/**
 * Turns the principal a client was made for into the caller of one call,
 * reading the current state: a user or role deleted since then no longer has
 * valid credentials. Throws UnrecognizedClientException as AWS does for them.
 */
export function resolveCaller(
  state: SandboxState,
  principal: string,
  sessionName: string = defaultSessionName,
): Caller {
  const parsed = parsePrincipal(principal)
  if (parsed.kind === 'assumed-role' && isServiceRoleName(parsed.roleName)) {
    const { arn, account } = parsed

    return { principal: arn, kind: 'role-session', account, identityPolicies: [] }
  }

  switch (parsed.kind) {
    case 'root':
      return { principal: parsed.arn, kind: 'root', account: parsed.account, identityPolicies: [] }
    case 'service':
      return { principal: parsed.arn, kind: 'service', identityPolicies: [] }
    case 'user': {
      const user = findPrincipal(state, parsed.account, 'users', (u) => u.arn === parsed.arn)

      return { principal: user.arn, kind: 'user', ...identityOf(user) }
    }

    case 'role':
    case 'assumed-role': {
      const matches = (role: IamPrincipal) =>
        parsed.kind === 'role' ? role.arn === parsed.arn : role.name === parsed.roleName
      const role = findPrincipal(state, parsed.account, 'roles', matches)
      const session = parsed.kind === 'role' ? sessionName : parsed.session
      const arn = sessionArnOf(parsed.account, role.name, session)

      return { principal: arn, kind: 'role-session', ...identityOf(role) }
    }

    default:
      throw unrecognized()
  }
}

/**
 * True for the roles AWS services assume inside a customer account, such as
 * `aws:ec2-infrastructure`: IAM does not list them (their names hold a colon,
 * which IAM names cannot), yet their sessions call KMS and receive grants.
 * Docs: KMS Developer Guide › How Amazon EBS uses AWS KMS (the CloudTrail example)
 */
export function isServiceRoleName(roleName: string): boolean {
  return roleName.startsWith('aws:')
}

function findPrincipal(
  state: SandboxState,
  account: string,
  kind: 'users' | 'roles',
  matches: (principal: IamPrincipal) => boolean,
): IamPrincipal {
  const found = Object.values(state.accounts[account]?.[kind] ?? {}).find(matches)

  // Guard: a call from an IAM user or role that does not exist has invalid credentials.
  if (!found) {
    throw unrecognized()
  }

  return found
}

function identityOf(principal: IamPrincipal) {
  const identityPolicies = Object.values(principal.policies).map((stored) => ({
    owner: principal.arn,
    policy: stored.document,
  }))

  return { account: principal.account, uniqueId: principal.uniqueId, identityPolicies }
}

function unrecognized(): KmsError {
  return new KmsError(
    'UnrecognizedClientException',
    'The security token included in the request is invalid.',
  )
}
