import { aliasArnOf, keyArnOf, parseKeyIdentifier } from './arns'
import { KmsError } from './kms-error'
import type { KeyRecord, SandboxState } from './state'

// KMS rule: a key ID or alias name names a key in the caller's own account and
// Region; a key in another account is reached only by its ARN.
// Docs: KMS Developer Guide › Allowing users in other accounts to use a KMS key

/** The key a KeyId parameter names, and the alias name when it named one. */
export type ResolvedKey = {
  readonly key: KeyRecord
  readonly aliasName?: string
}

/** Which identifiers an operation accepts: all four, or only key ID and key ARN. */
export type KeyIdForms = 'any' | 'key-only'

/**
 * Finds the key a KeyId names, as KMS does, or throws NotFoundException in
 * AWS's wording. `account` is the caller's account (undefined for a service).
 */
export function resolveKey(
  state: SandboxState,
  account: string | undefined,
  value: string,
  forms: KeyIdForms,
): ResolvedKey {
  const id = parseKeyIdentifier(value)
  const isAlias = id.kind === 'alias-name' || id.kind === 'alias-arn'

  // Guard: a KeyId must be a key ID, key ARN, alias name or alias ARN the operation accepts.
  if (id.kind === 'invalid' || (isAlias && forms === 'key-only')) {
    throw notFound(`Invalid keyId '${value}'`)
  }

  // Guard: an ARN must name the sandbox's Region.
  if ((id.kind === 'key-arn' || id.kind === 'alias-arn') && id.region !== state.region) {
    throw notFound(`Invalid arn ${id.region}`)
  }

  // An AWS service principal has no account of its own to resolve a short name in.
  const owner = id.kind === 'key-arn' || id.kind === 'alias-arn' ? id.account : account
  if (owner === undefined) throw notFound(`Invalid keyId '${value}'`)

  if (id.kind === 'key-id' || id.kind === 'key-arn') {
    const key = state.keys[id.keyId]
    if (!key || key.account !== owner) {
      throw notFound(`Key '${keyArnOf(state.region, owner, id.keyId)}' does not exist`)
    }

    return { key }
  }

  const aliasArn = aliasArnOf(state.region, owner, id.aliasName)
  const alias = state.aliases[aliasArn]
  const key = alias && state.keys[alias.targetKeyId]
  if (!key) throw notFound(`Alias ${aliasArn} is not found.`)

  return { key, aliasName: id.aliasName }
}

/** The key with a known ARN, such as the one a ciphertext blob names. */
export function findKeyByArn(state: SandboxState, arn: string): KeyRecord | undefined {
  const id = parseKeyIdentifier(arn)
  if (id.kind !== 'key-arn') return undefined

  const key = state.keys[id.keyId]

  return key?.arn === arn ? key : undefined
}

function notFound(message: string): KmsError {
  return new KmsError('NotFoundException', message)
}
