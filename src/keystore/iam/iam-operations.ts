import type { IamPrincipal, SandboxState } from '../state'
import {
  createPrincipal,
  deletePrincipal,
  deletePrincipalPolicy,
  getPrincipal,
  putPrincipalPolicy,
  type PrincipalKind,
} from './iam-principals'
import { IamError } from './iam-error'

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
type Step<T> = { readonly state: SandboxState; readonly response: T }
type Handler<I, O> = (state: SandboxState, account: string, input: I) => Step<O>

/**
 * The IAM operations the sandbox serves, by their AWS names: users and roles
 * with inline policies, which is all KMS authorization reads.
 */
export const iamHandlers = {
  CreateUser: ((state, account, input) => {
    const made = createPrincipal(state, account, 'user', { name: input.UserName, ...path(input.Path) })

    return { state: made.state, response: { User: toUser(made.principal) } }
  }) as Handler<UserName & { readonly Path?: string }, { readonly User: IamUser }>,
  GetUser: ((state, account, input) => ({
    state,
    response: { User: toUser(getPrincipal(state, account, 'user', input.UserName)) },
  })) as Handler<UserName, { readonly User: IamUser }>,
  DeleteUser: ((state, account, input) => ({
    state: deletePrincipal(state, account, 'user', input.UserName),
    response: {},
  })) as Handler<UserName, Record<string, never>>,
  ListUsers: ((state, account) => ({
    state,
    response: { Users: listOf(state, account, 'user').map(toUser), IsTruncated: false },
  })) as Handler<Record<string, never> | undefined, { readonly Users: readonly IamUser[]; readonly IsTruncated: false }>,
  CreateRole: ((state, account, input) => {
    const made = createPrincipal(state, account, 'role', { name: input.RoleName, ...path(input.Path) })

    return { state: made.state, response: { Role: toRole(made.principal) } }
  }) as Handler<
    RoleName & { readonly Path?: string; readonly AssumeRolePolicyDocument?: string; readonly Description?: string },
    { readonly Role: IamRole }
  >,
  GetRole: ((state, account, input) => ({
    state,
    response: { Role: toRole(getPrincipal(state, account, 'role', input.RoleName)) },
  })) as Handler<RoleName, { readonly Role: IamRole }>,
  DeleteRole: ((state, account, input) => ({
    state: deletePrincipal(state, account, 'role', input.RoleName),
    response: {},
  })) as Handler<RoleName, Record<string, never>>,
  ListRoles: ((state, account) => ({
    state,
    response: { Roles: listOf(state, account, 'role').map(toRole), IsTruncated: false },
  })) as Handler<Record<string, never> | undefined, { readonly Roles: readonly IamRole[]; readonly IsTruncated: false }>,
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

function putPolicy<N>(kind: PrincipalKind, nameOf: (input: N) => string): Handler<N & PolicyText, Record<string, never>> {
  return (state, account, input) => ({
    state: putPrincipalPolicy(state, account, kind, {
      name: nameOf(input),
      policyName: input.PolicyName,
      document: input.PolicyDocument,
    }),
    response: {},
  })
}

function getPolicy<N>(kind: PrincipalKind, nameOf: (input: N) => string) {
  return ((state, account, input) => {
    const principal = getPrincipal(state, account, kind, nameOf(input))
    const stored = principal.policies[input.PolicyName]

    // Guard: GetUserPolicy and GetRolePolicy name an inline policy that exists.
    if (!stored) {
      throw new IamError('NoSuchEntityException', `The ${kind} policy with name ${input.PolicyName} cannot be found.`)
    }

    return { state, response: { ...input, PolicyDocument: stored.text } }
  }) as Handler<N & PolicyRef, N & PolicyText>
}

function deletePolicy<N>(kind: PrincipalKind, nameOf: (input: N) => string): Handler<N & PolicyRef, Record<string, never>> {
  return (state, account, input) => ({
    state: deletePrincipalPolicy(state, account, kind, { name: nameOf(input), policyName: input.PolicyName }),
    response: {},
  })
}

function listPolicies<N>(kind: PrincipalKind, nameOf: (input: N) => string) {
  return ((state, account, input) => {
    const principal = getPrincipal(state, account, kind, nameOf(input))

    return { state, response: { PolicyNames: Object.keys(principal.policies), IsTruncated: false } }
  }) as Handler<N, { readonly PolicyNames: readonly string[]; readonly IsTruncated: false }>
}

function listOf(state: SandboxState, account: string, kind: PrincipalKind): readonly IamPrincipal[] {
  return Object.values(state.accounts[account]?.[kind === 'user' ? 'users' : 'roles'] ?? {})
}

function path(value: string | undefined) {
  return value === undefined ? {} : { path: value }
}

function toUser(principal: IamPrincipal): IamUser {
  const { path: Path, name: UserName, uniqueId: UserId, arn: Arn } = principal

  return { Path, UserName, UserId, Arn, CreateDate: new Date(principal.createDate) }
}

function toRole(principal: IamPrincipal): IamRole {
  const { path: Path, name: RoleName, uniqueId: RoleId, arn: Arn } = principal

  return { Path, RoleName, RoleId, Arn, CreateDate: new Date(principal.createDate) }
}
