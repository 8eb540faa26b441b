/**
 * What the evaluator knows about a caller from its principal string alone.
 * IAM users and roles carry their account; role sessions also carry the role
 * they belong to, because a policy naming the role covers its sessions.
 */
export type ParsedPrincipal =
  | { readonly kind: 'user'; readonly arn: string; readonly account: string; readonly name: string }
  | { readonly kind: 'role'; readonly arn: string; readonly account: string; readonly name: string }
  | {
      readonly kind: 'assumed-role'
      readonly arn: string
      readonly account: string
      /** The role name, without any path: session ARNs do not carry the path. */
      readonly roleName: string
      readonly session: string
    }
  | {
      readonly kind: 'federated-user'
      readonly arn: string
      readonly account: string
      readonly name: string
    }
  | { readonly kind: 'root'; readonly arn: string; readonly account: string }
  | { readonly kind: 'service'; readonly arn: string; readonly service: string }
  | { readonly kind: 'unknown'; readonly arn: string }

const iamArn = /^arn:aws[a-z-]*:iam::(\d{12}):(user|role)\/(.+)$/
const rootArn = /^arn:aws[a-z-]*:iam::(\d{12}):root$/
const stsSession = /^arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/
const stsFederated = /^arn:aws[a-z-]*:sts::(\d{12}):federated-user\/(.+)$/
const servicePrincipal = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/

// Principals recur across every decision; parsing each once keeps evaluation cheap.
const parsedCache = new Map<string, ParsedPrincipal>()
const parsedCacheLimit = 10_000

/** Reads a principal ARN, bare account ID or service principal name. Never throws. */
export function parsePrincipal(principal: string): ParsedPrincipal {
  const cached = parsedCache.get(principal)
  if (cached) return cached

  if (parsedCache.size >= parsedCacheLimit) parsedCache.clear()
  const parsed = Object.freeze(readPrincipal(principal))
  parsedCache.set(principal, parsed)

  return parsed
}

function readPrincipal(principal: string): ParsedPrincipal {
  if (/^\d{12}$/.test(principal)) {
    return { kind: 'root', arn: `arn:aws:iam::${principal}:root`, account: principal }
  }

  const root = rootArn.exec(principal)
  if (root) return { kind: 'root', arn: principal, account: root[1]! }

  const iam = iamArn.exec(principal)
  if (iam) {
    const [, account, type, path] = iam
    const name = path!.slice(path!.lastIndexOf('/') + 1)

    return { kind: type === 'user' ? 'user' : 'role', arn: principal, account: account!, name }
  }

  const session = stsSession.exec(principal)
  if (session) {
    return {
      kind: 'assumed-role',
      arn: principal,
      account: session[1]!,
      roleName: session[2]!,
      session: session[3]!,
    }
  }

  const federated = stsFederated.exec(principal)
  if (federated) {
    return { kind: 'federated-user', arn: principal, account: federated[1]!, name: federated[2]! }
  }

  if (servicePrincipal.test(principal)) {
    return { kind: 'service', arn: principal, service: principal }
  }

  return { kind: 'unknown', arn: principal }
}

/** The account a principal belongs to, when it belongs to one. */
export function accountOf(principal: ParsedPrincipal): string | undefined {
  return 'account' in principal ? principal.account : undefined
}

/** The IAM role ARN of a role session, without path (sessions do not carry it). */
export function roleArnOfSession(account: string, roleName: string): string {
  return `arn:aws:iam::${account}:role/${roleName}`
}
