import type { EncryptionContext, GrantConstraints } from '../policy'
import { isGrantTokenShape } from './ids'
import { KmsError, fieldError } from './kms-error'
import type { GrantRecord, KeyRecord, SandboxState } from './state'

// KMS rule: a grant lists grant operations, and only those its key type supports.
// Docs: KMS Developer Guide › Grants in AWS KMS › Grant operations

// The GrantOperation enum is one list, kept with the engine's other facts about actions.
export { grantOperations, type GrantOperation } from '../policy/kms-actions'

/** How long a new grant takes to reach every KMS host; until then only its token works. */
export const grantPropagationMs = 5 * 60 * 1000

const always = ['DescribeKey', 'CreateGrant', 'RetireGrant']
const encryption = ['Encrypt', 'Decrypt', 'ReEncryptFrom', 'ReEncryptTo']
const dataKeys = [
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
]

/** The grant operations a key of this spec and usage supports. */
export function grantableOperations(
  key: Pick<KeyRecord, 'keySpec' | 'keyUsage'>,
): readonly string[] {
  if (key.keySpec === 'SYMMETRIC_DEFAULT') return [...always, ...encryption, ...dataKeys]
  if (key.keyUsage === 'ENCRYPT_DECRYPT') return [...always, ...encryption, 'GetPublicKey']
  if (key.keyUsage === 'SIGN_VERIFY') return [...always, 'Sign', 'Verify', 'GetPublicKey']

  return [...always, 'GenerateMac', 'VerifyMac']
}

/** The constraint of a grant in the AWS request and response shape. */
export type GrantConstraintsShape = {
  readonly EncryptionContextEquals?: EncryptionContext
  readonly EncryptionContextSubset?: EncryptionContext
}

/** The constraint in the engine's shape. */
export function fromConstraintsShape(
  shape: GrantConstraintsShape | undefined,
): GrantConstraints | undefined {
  if (!shape) return undefined

  const { EncryptionContextEquals: equals, EncryptionContextSubset: subset } = shape

  return {
    ...(equals ? { encryptionContextEquals: equals } : {}),
    ...(subset ? { encryptionContextSubset: subset } : {}),
  }
}

/** The constraint in the AWS shape. */
export function toConstraintsShape(constraints: GrantConstraints): GrantConstraintsShape {
  return {
    ...(constraints.encryptionContextEquals
      ? { EncryptionContextEquals: constraints.encryptionContextEquals }
      : {}),
    ...(constraints.encryptionContextSubset
      ? { EncryptionContextSubset: constraints.encryptionContextSubset }
      : {}),
  }
}

/** Throws unless `grantId` has the shape of a grant ID: 64 hex digits. */
export function checkGrantIdShape(grantId: string): void {
  // Guard: a grant ID is 64 hexadecimal characters.
  if (!/^[0-9a-f]{64}$/.test(grantId)) {
    throw new KmsError('InvalidGrantIdException', `Grant ID ${grantId} is not valid.`)
  }
}

/** Throws unless every grant token has the shape of one the sandbox minted. */
export function checkGrantTokens(tokens: readonly string[]): void {
  // Guard: a request carries at most 10 grant tokens.
  if (tokens.length > 10) {
    throw fieldError('GrantTokens', 'Member must have length less than or equal to 10')
  }

  // Guard: a grant token must be one that CreateGrant could have returned.
  if (!tokens.every(isGrantTokenShape)) {
    throw new KmsError('InvalidGrantTokenException', 'The grant token is not valid.')
  }
}

/** The grant that holds a token, on any key, or undefined once it is retired or revoked. */
export function findGrantByToken(state: SandboxState, token: string): GrantRecord | undefined {
  for (const key of Object.values(state.keys)) {
    const grant = key.grants.find((candidate) => candidate.tokens.includes(token))
    if (grant) return grant
  }

  return undefined
}
