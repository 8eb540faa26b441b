import {
  encryptionAlgorithmsBySpec,
  isHmacKeySpec,
  macAlgorithmBySpec,
  signingAlgorithmsBySpec,
  type EncryptionAlgorithm,
  type KeySpec,
  type KeyUsage,
  type MacAlgorithm,
  type SigningAlgorithm,
} from './crypto'
import type { KeyState } from './key-rules'
import type { KeyRecord } from './state'

/** DescribeKey's KeyMetadata, field for field as the AWS SDK returns it. */
export type KeyMetadata = {
  readonly AWSAccountId: string
  readonly KeyId: string
  readonly Arn: string
  readonly CreationDate: Date
  readonly Enabled: boolean
  readonly Description: string
  readonly KeyUsage: KeyUsage
  readonly KeyState: KeyState
  readonly DeletionDate?: Date
  readonly Origin: 'AWS_KMS' | 'EXTERNAL'
  readonly KeyManager: 'CUSTOMER'
  /** The deprecated twin of KeySpec, still returned. */
  readonly CustomerMasterKeySpec: KeySpec
  readonly KeySpec: KeySpec
  readonly EncryptionAlgorithms?: readonly EncryptionAlgorithm[]
  readonly SigningAlgorithms?: readonly SigningAlgorithm[]
  readonly MacAlgorithms?: readonly MacAlgorithm[]
  readonly MultiRegion: boolean
  readonly PendingDeletionWindowInDays?: number
}

/** The KeyMetadata of a key, with fresh Date objects. */
export function toKeyMetadata(key: KeyRecord): KeyMetadata {
  return {
    AWSAccountId: key.account,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: new Date(key.creationDate),
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
    Origin: key.origin,
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    MultiRegion: key.multiRegion,
    ...(key.deletionDate ? { DeletionDate: new Date(key.deletionDate) } : {}),
    ...(key.pendingWindowInDays ? { PendingDeletionWindowInDays: key.pendingWindowInDays } : {}),
    ...algorithmsOf(key.keySpec, key.keyUsage),
  }
}

/** The algorithm lists KeyMetadata and GetPublicKey show for a spec and usage. */
export function algorithmsOf(spec: KeySpec, usage: KeyUsage) {
  if (usage === 'ENCRYPT_DECRYPT') return { EncryptionAlgorithms: encryptionAlgorithmsBySpec[spec] }
  if (usage === 'SIGN_VERIFY') return { SigningAlgorithms: signingAlgorithmsBySpec[spec] }

  return isHmacKeySpec(spec) ? { MacAlgorithms: [macAlgorithmBySpec[spec]] } : {}
}
