import { castDraft, produce } from 'immer'

import { parsePolicy } from '../../policy'
import { iamArnOf } from '../arns'
import { drawUniqueId } from '../ids'
import { forgetPrincipal } from '../key-policy-rules'
import { ensureAccount, type IamPrincipal, type SandboxState } from '../state'
import { IamError } from './iam-error'

/** Which kind of IAM principal an operation is about. */
export type PrincipalKind = 'user' | 'role'

const words = {
  user: { collection: 'users', prefix: 'AIDA', title: 'User', lower: 'user' },
  role: { collection: 'roles', prefix: 'AROA', title: 'Role', lower: 'role' },
} as const

/** Creates a user or role with a fresh unique ID from the seeded generator. */
export function createPrincipal(
  state: SandboxState,
  account: string,
  kind: PrincipalKind,
  request: { readonly name: string; readonly path?: string },
): { readonly state: SandboxState; readonly principal: IamPrincipal } {
  const name = validName(request.name, kind)
  const path = validPath(request.path ?? '/')
  const { collection, prefix, title } = words[kind]

  // Guard: an IAM user or role name is unique in its account, ignoring case.
  const taken = Object.keys(state.accounts[account]?.[collection] ?? {})
  if (taken.some((existing) => existing.toLowerCase() === name.toLowerCase())) {
    throw new IamError('EntityAlreadyExistsException', `${title} with name ${name} already exists.`)
  }

  const [uniqueId, rng] = drawUniqueId(state.rng, prefix)
  const principal: IamPrincipal = {
    kind,
    name,
    path,
    arn: iamArnOf(account, kind, path, name),
    account,
    uniqueId,
    createDate: state.now,
    policies: {},
  }
  const next = produce(state, (draft) => {
    draft.rng = castDraft(rng)
    ensureAccount(draft, account)
    draft.accounts[account]![collection][name] = castDraft(principal)
  })

  return { state: next, principal }
}

/** The user or role with this name, or NoSuchEntityException. */
export function getPrincipal(
  state: SandboxState,
  account: string,
  kind: PrincipalKind,
  name: string,
): IamPrincipal {
  const principal = state.accounts[account]?.[words[kind].collection][name]

  // Guard: an IAM operation names a user or role that exists.
  if (!principal) {
    throw new IamError(
      'NoSuchEntityException',
      `The ${words[kind].lower} with name ${name} cannot be found.`,
    )
  }

  return principal
}

/**
 * Deletes a user or role that has no inline policies left. Key policies that
 * name it keep its unique ID instead of its ARN, so a principal recreated
 * with the same name is a stranger to them, as in AWS.
 */
export function deletePrincipal(
  state: SandboxState,
  account: string,
  kind: PrincipalKind,
  name: string,
): SandboxState {
  const principal = getPrincipal(state, account, kind, name)

  // Guard: a user or role cannot be deleted while it still has inline policies.
  if (Object.keys(principal.policies).length > 0) {
    throw new IamError(
      'DeleteConflictException',
      'Cannot delete entity, must delete policies first.',
    )
  }

  return produce(state, (draft) => {
    delete draft.accounts[account]![words[kind].collection][name]
    for (const key of Object.values(draft.keys)) {
      key.policy = castDraft(forgetPrincipal(key.policy, principal.arn, principal.uniqueId))
    }
  })
}

/** Adds or replaces an inline identity policy of a user or role. */
export function putPrincipalPolicy(
  state: SandboxState,
  account: string,
  kind: PrincipalKind,
  request: { readonly name: string; readonly policyName: string; readonly document: string },
): SandboxState {
  getPrincipal(state, account, kind, request.name)
  const parsed = parsePolicy(request.document, 'identity')

  // Guard: an identity policy must be valid JSON in the IAM policy grammar.
  if (!parsed.ok) {
    const { path, message } = parsed.error
    throw new IamError(
      'MalformedPolicyDocumentException',
      path === '(document)' ? message : `${path}: ${message}`,
    )
  }

  return produce(state, (draft) => {
    const target = draft.accounts[account]![words[kind].collection][request.name]!
    const stored = { text: request.document, document: parsed.policy }
    target.policies[request.policyName] = castDraft(stored)
  })
}

/** Removes an inline identity policy, or NoSuchEntityException when it is not there. */
export function deletePrincipalPolicy(
  state: SandboxState,
  account: string,
  kind: PrincipalKind,
  request: { readonly name: string; readonly policyName: string },
): SandboxState {
  const principal = getPrincipal(state, account, kind, request.name)

  // Guard: a policy operation names an inline policy the user or role has.
  if (!principal.policies[request.policyName]) {
    throw new IamError(
      'NoSuchEntityException',
      `The ${words[kind].lower} policy with name ${request.policyName} cannot be found.`,
    )
  }

  return produce(state, (draft) => {
    const target = draft.accounts[account]![words[kind].collection][request.name]!
    delete target.policies[request.policyName]
  })
}

function validName(name: string, kind: PrincipalKind): string {
  // Guard: IAM names are 1 to 64 letters, digits and +=,.@_- characters.
  if (!/^[\w+=,.@-]{1,64}$/.test(name ?? '')) {
    throw new IamError('ValidationError', `The specified value for ${kind}Name is invalid.`)
  }

  return name
}

function validPath(path: string): string {
  // Guard: an IAM path starts and ends with a slash.
  if (!/^\/([\x21-\x7e]*\/)?$/.test(path)) {
    throw new IamError('ValidationError', 'The specified value for path is invalid.')
  }

  return path
}
