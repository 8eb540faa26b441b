import { suggest } from './scenario-messages'

/**
 * A principal as a scenario names it. `account` is absent when the text did
 * not say, which means the scenario's first account.
 */
export type PrincipalRef =
  | { readonly kind: 'root'; readonly account?: string }
  | { readonly kind: 'user'; readonly account?: string; readonly name: string }
  | {
      readonly kind: 'role'
      readonly account?: string
      readonly name: string
      readonly session?: string
    }
  | { readonly kind: 'service'; readonly service: string }

/** The users and roles each declared account holds, in declaration order (first is home). */
export type DeclaredAccounts = ReadonlyMap<
  string,
  { readonly users: readonly string[]; readonly roles: readonly string[] }
>

/** How to write a principal, for messages about one that could not be read. */
export const principalFormatHint =
  'write user/NAME, role/NAME, role/NAME/SESSION or root (optionally prefixed with an account ' +
  'id, as in 444455556666:user/dave), a service principal such as ec2.amazonaws.com, or an ARN'

const name = String.raw`[\w+=,.@-]+`
const shorthand = new RegExp(
  String.raw`^(?:(\d{12}):)?(?:(root)|user/(${name})|role/(${name})(?:/(${name}))?)$`,
)
// IAM paths (user/division/alice) are allowed in ARNs; the name is the last part.
const pathed = String.raw`(?:${name}/)*(${name})`
const iamArn = new RegExp(
  String.raw`^arn:aws[a-z-]*:iam::(\d{12}):(?:(root)|user/${pathed}|role/${pathed})$`,
)
const assumedRoleArn = new RegExp(
  String.raw`^arn:aws[a-z-]*:sts::(\d{12}):assumed-role/(${name})/(${name})$`,
)
const servicePrincipal = /^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/

/** Reads principal shorthand, a service principal or an IAM/STS ARN; undefined if it is none. */
export function parsePrincipalRef(text: string): PrincipalRef | undefined {
  if (servicePrincipal.test(text)) return { kind: 'service', service: text }

  const sts = assumedRoleArn.exec(text)
  if (sts) return { kind: 'role', account: sts[1], name: sts[2] ?? '', session: sts[3] }

  const match = shorthand.exec(text) ?? iamArn.exec(text)
  if (!match) return undefined

  const [, account, root, user, role, session] = match
  if (root) return { kind: 'root', account }
  if (user) return { kind: 'user', account, name: user }

  const roleName = role ?? ''

  return session
    ? { kind: 'role', account, name: roleName, session }
    : { kind: 'role', account, name: roleName }
}

/**
 * Why a principal does not exist in the declared accounts, or undefined when
 * it does. Service principals always exist; everything else needs its account
 * declared and, for users and roles, its name declared in that account.
 */
export function findMissingPrincipal(
  ref: PrincipalRef,
  accounts: DeclaredAccounts,
): string | undefined {
  if (ref.kind === 'service') return undefined

  // With no account declared at all, the schema already reports setup.accounts.
  const accountId = ref.account ?? accounts.keys().next().value
  if (accountId === undefined) return undefined

  const account = accounts.get(accountId)
  if (account === undefined) return findMissingAccount(accountId, accounts)
  if (ref.kind === 'root') return undefined

  const [names, otherNames, otherKind] =
    ref.kind === 'user'
      ? [account.users, account.roles, 'role']
      : [account.roles, account.users, 'user']
  if (names.includes(ref.name)) return undefined

  const prefix = ref.account === undefined ? '' : `${ref.account}:`
  const fix = otherNames.includes(ref.name)
    ? `; there is a ${otherKind} ${ref.name}: write ${prefix}${otherKind}/${ref.name}`
    : suggestion(suggest(ref.name, names), (guess) => `${prefix}${ref.kind}/${guess}`)

  const declared = `(setup declares: ${listOrNone(names)})`

  return `no ${ref.kind} ${ref.name} in account ${accountId} ${declared}${fix}`
}

/** Why an account id is not usable, or undefined when setup declares it. */
export function findMissingAccount(id: string, accounts: DeclaredAccounts): string | undefined {
  if (accounts.has(id)) return undefined

  const declared = [...accounts.keys()]
  const fix = suggestion(suggest(id, declared), (guess) => guess)

  return `account ${id} is not declared in setup.accounts (declared: ${listOrNone(declared)})${fix}`
}

function suggestion(guess: string | undefined, write: (guess: string) => string): string {
  return guess === undefined ? '' : `; did you mean ${write(guess)}?`
}

function listOrNone(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join(', ')
}
