import type { CallScope } from '../call-scope'
import {
  checkGrantIdShape,
  checkGrantTokens,
  findGrantByToken,
  toConstraintsShape,
  type GrantConstraintsShape,
} from '../grant-rules'
import { KmsError } from '../kms-error'
import type { GrantRecord, KeyRecord } from '../state'
import { authorizeKeyOperation, findKey, required } from './common'

export type ListGrantsRequest = {
  readonly KeyId: string
  readonly GrantId?: string
  readonly GranteePrincipal?: string
  readonly Limit?: number
  readonly Marker?: string
}
export type ListRetirableGrantsRequest = {
  readonly RetiringPrincipal: string
  readonly Limit?: number
  readonly Marker?: string
}
export type GrantListEntry = {
  readonly KeyId: string
  readonly GrantId: string
  readonly Name?: string
  readonly CreationDate: Date
  readonly GranteePrincipal: string
  readonly RetiringPrincipal?: string
  readonly IssuingAccount: string
  readonly Operations: readonly string[]
  readonly Constraints?: GrantConstraintsShape
}
export type ListGrantsResponse = {
  readonly Grants: readonly GrantListEntry[]
  readonly Truncated: boolean
}
export type RetireGrantRequest = {
  readonly GrantToken?: string
  readonly KeyId?: string
  readonly GrantId?: string
}
export type RevokeGrantRequest = { readonly KeyId: string; readonly GrantId: string }

/** ListGrants: the grants on a key, never with their tokens. Needs the key ARN across accounts. */
export function listGrants(scope: CallScope, input: ListGrantsRequest): ListGrantsResponse {
  if (input.GrantId !== undefined) checkGrantIdShape(input.GrantId)
  const key = authorizeKeyOperation(scope, { operation: 'ListGrants', keyId: input.KeyId })

  const grants = key.grants
    .filter((grant) => [undefined, grant.grantId].includes(input.GrantId))
    .filter((grant) => [undefined, grant.granteePrincipal].includes(input.GranteePrincipal))

  return { Grants: grants.map((grant) => toListEntry(scope, grant)), Truncated: false }
}

/** ListRetirableGrants: grants on any key whose retiring principal is the one named; IAM-only. */
export function listRetirableGrants(
  scope: CallScope,
  input: ListRetirableGrantsRequest,
): ListGrantsResponse {
  const principal = required(input.RetiringPrincipal, 'RetiringPrincipal')
  scope.authorize({ action: 'kms:ListRetirableGrants' })

  const grants = Object.values(scope.state.keys)
    .flatMap((key) => key.grants)
    .filter((grant) => grant.retiringPrincipal === principal)

  return { Grants: grants.map((grant) => toListEntry(scope, grant)), Truncated: false }
}

/**
 * RetireGrant: the grant's retiring principal, its grantee when the grant
 * lists RetireGrant, or its issuing account deletes it; by token, or by key
 * and grant ID. A token works before the grant has propagated.
 * Docs: KMS Developer Guide › Retiring and revoking grants
 */
export function retireGrant(scope: CallScope, input: RetireGrantRequest): Record<string, never> {
  const { key, grant } = grantToRetire(scope, input)

  scope.authorize({ action: 'kms:RetireGrant', key, targetGrant: grant })
  removeGrant(scope, key, grant)

  return {}
}

/** RevokeGrant: a principal allowed kms:RevokeGrant on the key deletes any of its grants. */
export function revokeGrant(scope: CallScope, input: RevokeGrantRequest): Record<string, never> {
  const grantId = required(input.GrantId, 'GrantId')
  checkGrantIdShape(grantId)

  const key = authorizeKeyOperation(scope, { operation: 'RevokeGrant', keyId: input.KeyId })
  removeGrant(scope, key, grantOnKey(key, grantId))

  return {}
}

function grantToRetire(scope: CallScope, input: RetireGrantRequest) {
  if (input.GrantToken !== undefined) {
    checkGrantTokens([input.GrantToken])
    const grant = findGrantByToken(scope.state, input.GrantToken)

    // Guard: a grant token names a grant that still exists.
    if (!grant) {
      throw new KmsError('NotFoundException', 'No grant exists for the grant token.')
    }

    const key = scope.state.keys[grant.keyId]!
    scope.keyArn = key.arn

    return { key, grant }
  }

  // Guard: RetireGrant names the grant by its token, or by key ID and grant ID together.
  if (input.KeyId === undefined || input.GrantId === undefined) {
    throw new KmsError('ValidationException', 'Grant token OR (grant ID, key ID) must be specified')
  }

  checkGrantIdShape(input.GrantId)
  const { key } = findKey(scope, input.KeyId, 'key-only')

  return { key, grant: grantOnKey(key, input.GrantId) }
}

function grantOnKey(key: KeyRecord, grantId: string): GrantRecord {
  const grant = key.grants.find((candidate) => candidate.grantId === grantId)

  // Guard: a grant ID names a grant on the key given.
  if (!grant) {
    throw new KmsError('NotFoundException', `Grant ID ${grantId} not found for key ${key.arn}.`)
  }

  return grant
}

function removeGrant(scope: CallScope, key: KeyRecord, grant: GrantRecord): void {
  scope.update((draft) => {
    const target = draft.keys[key.keyId]!
    target.grants = target.grants.filter((candidate) => candidate.grantId !== grant.grantId)
  })
}

function toListEntry(scope: CallScope, grant: GrantRecord): GrantListEntry {
  return {
    KeyId: scope.state.keys[grant.keyId]!.arn,
    GrantId: grant.grantId,
    CreationDate: new Date(grant.creationDate),
    GranteePrincipal: grant.granteePrincipal,
    IssuingAccount: grant.issuingAccount,
    Operations: grant.operations,
    ...(grant.name !== undefined ? { Name: grant.name } : {}),
    ...(grant.retiringPrincipal ? { RetiringPrincipal: grant.retiringPrincipal } : {}),
    ...(grant.constraints ? { Constraints: toConstraintsShape(grant.constraints) } : {}),
  }
}
