import { aliasArnOf } from '../arns'
import type { CallScope } from '../call-scope'
import { KmsError, fieldError } from '../kms-error'
import { ensureAccount, type AliasRecord, type KeyRecord } from '../state'
import { findKey, required } from './common'

// KMS rule: alias operations need permission on the alias (IAM policy) and on
// each key involved (key policy, or IAM where the key policy allows it).
// Docs: KMS Developer Guide › Controlling access to aliases

export type CreateAliasRequest = { readonly AliasName: string; readonly TargetKeyId: string }
export type UpdateAliasRequest = CreateAliasRequest
export type DeleteAliasRequest = { readonly AliasName: string }
export type ListAliasesRequest = {
  readonly KeyId?: string
  readonly Limit?: number
  readonly Marker?: string
}
export type AliasListEntry = {
  readonly AliasName: string
  readonly AliasArn: string
  readonly TargetKeyId: string
  readonly CreationDate: Date
  readonly LastUpdatedDate: Date
}
export type ListAliasesResponse = {
  readonly Aliases: readonly AliasListEntry[]
  readonly Truncated: boolean
}

/** CreateAlias: names a key of the caller's account with `alias/…`. */
export function createAlias(scope: CallScope, input: CreateAliasRequest): Record<string, never> {
  const aliasName = validAliasName(input.AliasName)
  const key = ownKey(scope, input.TargetKeyId)
  const aliasArn = aliasArnOf(scope.state.region, key.account, aliasName)

  scope.authorizeAll([onAlias('kms:CreateAlias', aliasArn), { action: 'kms:CreateAlias', key }])
  scope.checkKey('CreateAlias', key)

  // Guard: an alias name is unique in its account and Region.
  if (scope.state.aliases[aliasArn]) {
    throw new KmsError(
      'AlreadyExistsException',
      `An alias with the name ${aliasArn} already exists`,
    )
  }

  const alias: AliasRecord = {
    aliasName,
    aliasArn,
    account: key.account,
    targetKeyId: key.keyId,
    creationDate: scope.state.now,
    lastUpdatedDate: scope.state.now,
  }
  scope.update((draft) => {
    ensureAccount(draft, key.account)
    draft.aliases[aliasArn] = alias
  })

  return {}
}

/** UpdateAlias: points an alias at another key of the same type. */
export function updateAlias(scope: CallScope, input: UpdateAliasRequest): Record<string, never> {
  const alias = existingAlias(scope, input.AliasName)
  const current = scope.state.keys[alias.targetKeyId]!
  const next = ownKey(scope, input.TargetKeyId)

  scope.authorizeAll([
    onAlias('kms:UpdateAlias', alias.aliasArn),
    { action: 'kms:UpdateAlias', key: current },
    { action: 'kms:UpdateAlias', key: next },
  ])

  // Guard: an alias cannot move to a key that is pending deletion.
  if (next.state === 'PendingDeletion') {
    throw new KmsError('KMSInvalidStateException', `${next.arn} is pending deletion.`)
  }

  // Guard: an alias moves only between keys of the same key spec and key usage.
  if (next.keySpec !== current.keySpec || next.keyUsage !== current.keyUsage) {
    throw new KmsError(
      'ValidationException',
      `${next.arn} is not the same type of key as the alias's current key ${current.arn}.`,
    )
  }

  scope.update((draft) => {
    const target = draft.aliases[alias.aliasArn]!
    target.targetKeyId = next.keyId
    target.lastUpdatedDate = draft.now
  })

  return {}
}

/** DeleteAlias: removes an alias; the key is untouched. */
export function deleteAlias(scope: CallScope, input: DeleteAliasRequest): Record<string, never> {
  const alias = existingAlias(scope, input.AliasName)
  const key = scope.state.keys[alias.targetKeyId]!
  scope.keyArn = key.arn

  scope.authorizeAll([
    onAlias('kms:DeleteAlias', alias.aliasArn),
    { action: 'kms:DeleteAlias', key },
  ])
  scope.update((draft) => {
    delete draft.aliases[alias.aliasArn]
  })

  return {}
}

/** ListAliases: the aliases of the caller's account, optionally only those of one key. */
export function listAliases(scope: CallScope, input: ListAliasesRequest = {}): ListAliasesResponse {
  scope.authorize({ action: 'kms:ListAliases' })
  const keyId = input.KeyId && findKey(scope, input.KeyId, 'key-only').key.keyId

  const aliases = Object.values(scope.state.aliases)
    .filter((alias) => alias.account === scope.caller.account)
    .filter((alias) => keyId === undefined || alias.targetKeyId === keyId)

  return { Aliases: aliases.map(toListEntry), Truncated: false }
}

function onAlias(action: string, aliasArn: string) {
  return { action, resource: aliasArn }
}

function ownKey(scope: CallScope, keyId: string | undefined): KeyRecord {
  const { key } = findKey(scope, keyId, 'key-only', 'targetKeyId')

  // Guard: an alias and its key are in the same account.
  if (key.account !== scope.caller.account) {
    throw new KmsError('NotFoundException', `Key '${key.arn}' does not exist`)
  }

  return key
}

function existingAlias(scope: CallScope, name: string | undefined): AliasRecord {
  const aliasName = validAliasName(name)
  const aliasArn = aliasArnOf(scope.state.region, scope.caller.account ?? '', aliasName)
  const alias = scope.state.aliases[aliasArn]

  // Guard: an alias operation names an alias that exists in the caller's account.
  if (!alias) {
    throw new KmsError('NotFoundException', `Alias ${aliasArn} is not found.`)
  }

  return alias
}

function validAliasName(name: string | undefined): string {
  const aliasName = required(name, 'AliasName')

  // Guard: an alias name starts with alias/.
  if (!aliasName.startsWith('alias/')) {
    throw new KmsError(
      'ValidationException',
      'Alias must start with the prefix "alias/". Please see ' +
        'https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    )
  }

  // Guard: an alias name has at most 256 characters of letters, digits, /, _ and -.
  if (!/^alias\/[a-zA-Z0-9/_-]+$/.test(aliasName) || aliasName.length > 256) {
    throw fieldError(
      'aliasName',
      'Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$',
      aliasName,
    )
  }

  // Guard: alias names beginning with alias/aws/ are reserved for AWS managed keys.
  if (aliasName.startsWith('alias/aws/')) {
    throw new KmsError(
      'InvalidAliasNameException',
      `${aliasName} is reserved for AWS managed keys.`,
    )
  }

  return aliasName
}

function toListEntry(alias: AliasRecord): AliasListEntry {
  return {
    AliasName: alias.aliasName,
    AliasArn: alias.aliasArn,
    TargetKeyId: alias.targetKeyId,
    CreationDate: new Date(alias.creationDate),
    LastUpdatedDate: new Date(alias.lastUpdatedDate),
  }
}
