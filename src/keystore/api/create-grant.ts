import { castDraft } from 'immer'

import { parsePrincipal, type GrantConstraints, type GrantRequest } from '../../policy'
import { addToInstant } from '../clock'
import { rootArnOf } from '../arns'
import type { CallScope } from '../call-scope'
import {
  fromConstraintsShape,
  grantableOperations,
  grantOperations,
  grantPropagationMs,
  type GrantConstraintsShape,
  type GrantOperation,
} from '../grant-rules'
import { drawGrantId, drawGrantToken } from '../ids'
import { KmsError, fieldError } from '../kms-error'
import type { GrantRecord, KeyRecord } from '../state'
import { authorizeKeyOperation, requireEnum, required } from './common'

export type CreateGrantRequest = {
  readonly KeyId: string
  readonly GranteePrincipal: string
  readonly RetiringPrincipal?: string
  readonly Operations: readonly GrantOperation[]
  readonly Constraints?: GrantConstraintsShape
  readonly GrantTokens?: readonly string[]
  readonly Name?: string
}
export type CreateGrantResponse = { readonly GrantToken: string; readonly GrantId: string }

/**
 * CreateGrant: gives the grantee the listed operations on the key. A grant
 * with the same Name and the same parameters is not created twice: its
 * GrantId comes back with a new token. A new grant works at once only for
 * requests carrying its token, until it has propagated.
 * Docs: KMS API Reference › CreateGrant; Developer Guide › Eventual consistency
 */
export function createGrant(scope: CallScope, input: CreateGrantRequest): CreateGrantResponse {
  const request = toGrantRequest(input)
  checkName(input.Name)

  const key = authorizeKeyOperation(scope, {
    operation: 'CreateGrant',
    keyId: input.KeyId,
    grantRequest: request,
  })
  checkForKeyType(key, request)

  const token = scope.draw(drawGrantToken)
  const existing = input.Name === undefined ? undefined : sameNamedGrant(key, input.Name, request)
  if (existing) {
    scope.update((draft) => {
      draft.keys[key.keyId]!.grants.find((g) => g.grantId === existing.grantId)!.tokens.push(token)
    })

    return { GrantToken: token, GrantId: existing.grantId }
  }

  const grant: GrantRecord = {
    grantId: scope.draw(drawGrantId),
    keyId: key.keyId,
    granteePrincipal: request.granteePrincipal,
    operations: request.operations,
    issuingAccount: rootArnOf(scope.caller.account ?? key.account),
    creationDate: scope.state.now,
    tokens: [token],
    consistentAt: addToInstant(scope.state.now, grantPropagationMs),
    ...(input.Name !== undefined ? { name: input.Name } : {}),
    ...(request.retiringPrincipal ? { retiringPrincipal: request.retiringPrincipal } : {}),
    ...(request.constraints ? { constraints: request.constraints } : {}),
  }
  scope.update((draft) => {
    draft.keys[key.keyId]!.grants.push(castDraft(grant))
  })

  return { GrantToken: token, GrantId: grant.grantId }
}

function toGrantRequest(input: CreateGrantRequest): GrantRequest {
  const granteePrincipal = required(input.GranteePrincipal, 'GranteePrincipal')
  const operations = required(input.Operations, 'Operations')

  // Guard: a grant lists at least one operation, each from the GrantOperation enum.
  if (operations.length === 0) {
    throw fieldError('operations', 'Member must have length greater than or equal to 1')
  }

  for (const operation of operations) requireEnum(operation, grantOperations, 'Operations')

  // Guard: grantee and retiring principals are AWS principals KMS can name.
  for (const principal of [granteePrincipal, input.RetiringPrincipal]) {
    if (principal !== undefined && parsePrincipal(principal).kind === 'unknown') {
      throw new KmsError('ValidationException', `${principal} is not a valid principal.`)
    }
  }

  const constraints = fromConstraintsShape(input.Constraints)

  return {
    granteePrincipal,
    operations: [...new Set(operations)],
    ...(input.RetiringPrincipal ? { retiringPrincipal: input.RetiringPrincipal } : {}),
    ...(constraints && Object.keys(constraints).length > 0 ? { constraints } : {}),
  }
}

function checkName(name: string | undefined): void {
  // Guard: a grant name has 1 to 256 letters, digits, :, /, _ and -.
  if (name !== undefined && !/^[a-zA-Z0-9:/_-]{1,256}$/.test(name)) {
    throw fieldError(
      'name',
      'Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$',
      name,
    )
  }
}

// KMS rule: the operations must suit the key, and only symmetric encryption keys take constraints.
// Docs: KMS API Reference › CreateGrant (Operations, Constraints)
function checkForKeyType(key: KeyRecord, request: GrantRequest): void {
  const allowed = grantableOperations(key)
  const unsupported = request.operations.filter((operation) => !allowed.includes(operation))

  // Guard: a grant lists only operations its key's type supports.
  if (unsupported.length > 0) {
    const type = `a key with KeySpec ${key.keySpec} and KeyUsage ${key.keyUsage}`
    const message = `Grant operations [${unsupported.join(', ')}] are not valid for ${type}.`
    throw new KmsError('ValidationException', message)
  }

  // Guard: grant constraints are allowed only on symmetric encryption keys.
  if (request.constraints && key.keySpec !== 'SYMMETRIC_DEFAULT') {
    throw new KmsError(
      'ValidationException',
      'Grant constraints are supported only for symmetric encryption KMS keys.',
    )
  }
}

function sameNamedGrant(
  key: KeyRecord,
  name: string,
  request: GrantRequest,
): GrantRecord | undefined {
  return key.grants.find(
    (grant) =>
      grant.name === name &&
      grant.granteePrincipal === request.granteePrincipal &&
      grant.retiringPrincipal === request.retiringPrincipal &&
      sameSet(grant.operations, request.operations) &&
      sameConstraints(grant.constraints, request.constraints),
  )
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item))
}

function sameConstraints(
  a: GrantConstraints | undefined,
  b: GrantConstraints | undefined,
): boolean {
  const canonical = (c: GrantConstraints | undefined) =>
    JSON.stringify([sorted(c?.encryptionContextEquals), sorted(c?.encryptionContextSubset)])

  return canonical(a) === canonical(b)
}

function sorted(pairs: Readonly<Record<string, string>> | undefined) {
  return pairs && Object.entries(pairs).sort(([x], [y]) => (x < y ? -1 : 1))
}
