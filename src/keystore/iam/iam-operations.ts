import type { IamPrincipal, SandboxState } from '../state'
import { IamError } from './iam-error'
import {
  createPrincipal,
  deletePrincipal,
  deletePrincipalPolicy,
  getPrincipal,
  putPrincipalPolicy,
  type PrincipalKind,
} from './iam-principals'

/** An IAM user as the AWS SDK returns it. */
export type IamUser = {
  readonly Path: string
  readonly UserName: string
  readonly UserId: string
  readonly Arn: string
  readonly CreateDate: Date
}

/** An IAM role as the AWS SDK returns it. */
export type IamRole = {
  readonly Path: string
  readonly RoleName: string
  readonly RoleId: string
  readonly Arn: string
  readonly CreateDate: Date
}

type UserName = { readonly UserName: string }
type RoleName = { readonly RoleName: string }
type PolicyRef = { readonly PolicyName: string }
type PolicyText = PolicyRef & { readonly PolicyDocument: string }
type NewRole = RoleName & {
  readonly Path?: string
  readonly AssumeRolePolicyDocument?: string
  readonly Description?: string
}
type Page = { readonly IsTruncated: false }
type PolicyNames = Page & { readonly PolicyNames: readonly string[] }
type Step<O> = { readonly state: SandboxState; readonly response: O }
type Handler<I, O> = (state: SandboxState, account: string, input: I) => Step<O>

/** Types a handler by its request and response shapes. */
function handler<I, O>(run: Handler<I, O>): Handler<I, O> {
  return run
}

/**
 * The IAM operations the sandbox serves, by their AWS names: users and roles
 * with inline policies, which is all KMS authorization reads.
 */
export const iamHandlers = {
  CreateUser: handler<UserName & { readonly Path?: string }, { readonly User: IamUser }>(
    (state, account, input) => {
      const request = { name: input.UserName, ...pathOf(input.Path) }
      const made = createPrincipal(state, account, 'user', request)

      return { state: made.state, response: { User: toUser(made.principal) } }
    },
  ),
  GetUser: handler<UserName, { readonly User: IamUser }>((state, account, input) => {
    const user = getPrincipal(state, account, 'user', input.UserName)

    return { state, response: { User: toUser(user) } }
  }),
  DeleteUser: handler<UserName, Record<string, never>>((state, account, input) => ({
    state: deletePrincipal(state, account, 'user', input.UserName),
    response: {},
  })),
  ListUsers: handler<object | undefined, Page & { readonly Users: readonly IamUser[] }>(
    (state, account) => {
      const Users = listOf(state, account, 'user').map(toUser)

      return { state, response: { Users, IsTruncated: false } }
    },
  ),
  CreateRole: handler<NewRole, { readonly Role: IamRole }>((state, account, input) => {
    const request = { name: input.RoleName, ...pathOf(input.Path) }
    const made = createPrincipal(state, account, 'role', request)

    return { state: made.state, response: { Role: toRole(made.principal) } }
  }),
  GetRole: handler<RoleName, { readonly Role: IamRole }>((state, account, input) => {
    const role = getPrincipal(state, account, 'role', input.RoleName)

    return { state, response: { Role: toRole(role) } }
  }),
  DeleteRole: handler<RoleName, Record<string, never>>((state, account, input) => ({
    state: deletePrincipal(state, account, 'role', input.RoleName),
    response: {},
  })),
  ListRoles: handler<object | undefined, Page & { readonly Roles: readonly IamRole[] }>(
    (state, account) => {
      const Roles = listOf(state, account, 'role').map(toRole)

      return { state, response: { Roles, IsTruncated: false } }
    },
  ),
  PutUserPolicy: putPolicy<UserName>('user', (input) => input.UserName),
  PutRolePolicy: putPolicy<RoleName>('role', (input) => input.RoleName),
  GetUserPolicy: getPolicy<UserName>('user', (input) => input.UserName),
  GetRolePolicy: getPolicy<RoleName>('role', (input) => input.RoleName),
  DeleteUserPolicy: deletePolicy<UserName>('user', (input) => input.UserName),
  DeleteRolePolicy: deletePolicy<RoleName>('role', (input) => input.RoleName),
  ListUserPolicies: listPolicies<UserName>('user', (input) => input.UserName),
  ListRolePolicies: listPolicies<RoleName>('role', (input) => input.RoleName),
} as const

/** The name of an IAM operation, e.g. `CreateUser`. */
export type IamOperation = keyof typeof iamHandlers
/** The request shape of an IAM operation. */
export type IamInput<Op extends IamOperation> = Parameters<(typeof iamHandlers)[Op]>[2]
/** The response shape of an IAM operation. */
export type IamOutput<Op extends IamOperation> = ReturnType<(typeof iamHandlers)[Op]>['response']
/** Every IAM operation name. */
export const iamOperations = Object.keys(iamHandlers) as readonly IamOperation[]

type NameOf<N> = (input: N) => string

function putPolicy<N>(kind: PrincipalKind, nameOf: NameOf<N>) {
  return handler<N & PolicyText, Record<string, never>>((state, account, input) => {
    const { PolicyName: policyName, PolicyDocument: document } = input
    const request = { name: nameOf(input), policyName, document }

    return { state: putPrincipalPolicy(state, account, kind, request), response: {} }
  })
}

function getPolicy<N>(kind: PrincipalKind, nameOf: NameOf<N>) {
  return handler<N & PolicyRef, N & PolicyText>((state, account, input) => {
    const stored = getPrincipal(state, account, kind, nameOf(input)).policies[input.PolicyName]

    // Guard: GetUserPolicy and GetRolePolicy name an inline policy that exists.
    if (!stored) {
      const message = `The ${kind} policy with name ${input.PolicyName} cannot be found.`
      throw new IamError('NoSuchEntityException', message)
    }

    return { state, response: { ...input, PolicyDocument: stored.text } }
  })
}

function deletePolicy<N>(kind: PrincipalKind, nameOf: NameOf<N>) {
  return handler<N & PolicyRef, Record<string, never>>((state, account, input) => {
    const request = { name: nameOf(input), policyName: input.PolicyName }

    return { state: deletePrincipalPolicy(state, account, kind, request), response: {} }
  })
}

function listPolicies<N>(kind: PrincipalKind, nameOf: NameOf<N>) {
  return handler<N, PolicyNames>((state, account, input) => {
    const principal = getPrincipal(state, account, kind, nameOf(input))

    return { state, response: { PolicyNames: Object.keys(principal.policies), IsTruncated: false } }
  })
}

function listOf(state: SandboxState, account: string, kind: PrincipalKind) {
  const principals: readonly IamPrincipal[] = Object.values(
    state.accounts[account]?.[kind === 'user' ? 'users' : 'roles'] ?? {},
  )

  return principals
}

function pathOf(path: string | undefined) {
  return path === undefined ? {} : { path }
}

function toUser(principal: IamPrincipal): IamUser {
  const { path: Path, name: UserName, uniqueId: UserId, arn: Arn } = principal

  return { Path, UserName, UserId, Arn, CreateDate: new Date(principal.createDate) }
}

function toRole(principal: IamPrincipal): IamRole {
  const { path: Path, name: RoleName, uniqueId: RoleId, arn: Arn } = principal

  return { Path, RoleName, RoleId, Arn, CreateDate: new Date(principal.createDate) }
}
