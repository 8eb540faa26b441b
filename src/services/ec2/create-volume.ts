import { perform } from '../kms-calls'
import { RedactedBytes } from '../redacted-bytes'
import type { ServiceAction } from '../service'
import { accountOfCaller, checkVolumeId, ec2Error } from './ec2-error'
import { viaEc2, volumeContext, withVolume, type Ec2State } from './ec2-state'

/** CreateVolume's request; the caller chooses the volume ID, to keep scenarios readable. */
export type CreateVolumeArgs = {
  readonly VolumeId: string
  /** Key ID, key ARN, alias name or alias ARN of a symmetric encryption key. */
  readonly KeyId: string
}

/** CreateVolume's response fields the sandbox models. */
export type CreateVolumeResult = {
  readonly VolumeId: string
  readonly KmsKeyId: string
  readonly Encrypted: true
  readonly State: 'available'
}

// KMS rule: EBS asks for a 64-byte data key, bound to the volume by its ID,
// as the user through EC2 (kms:ViaService is set); DescribeKey comes first.
// Docs: KMS Developer Guide › How Amazon EBS uses AWS KMS; Amazon EC2 example two

/**
 * CreateVolume: DescribeKey, then GenerateDataKeyWithoutPlaintext, both made
 * as the user via EC2; stores the encrypted data key. Fails with the KMS error
 * when the key is unusable or the user may not use it.
 */
export const createVolume: ServiceAction<Ec2State, CreateVolumeArgs, CreateVolumeResult> = (
  sandbox,
  user,
  args,
  state,
) =>
  perform(sandbox, state, (kms) => {
    accountOfCaller(user)
    checkVolumeId(args.VolumeId)

    // Guard: a new volume's ID is not already in use.
    if (state.volumes[args.VolumeId]) {
      throw ec2Error(
        'InvalidParameterValue',
        `The volume '${args.VolumeId}' already exists; choose another ID.`,
      )
    }

    const { KeyMetadata } = kms.call(user, 'DescribeKey', { KeyId: args.KeyId }, viaEc2)
    const dataKey = kms.call(
      user,
      'GenerateDataKeyWithoutPlaintext',
      {
        KeyId: KeyMetadata.Arn,
        NumberOfBytes: 64,
        EncryptionContext: volumeContext(args.VolumeId),
      },
      viaEc2,
    )

    const volume = {
      volumeId: args.VolumeId,
      keyArn: KeyMetadata.Arn,
      encryptedDataKey: new RedactedBytes(dataKey.CiphertextBlob),
      state: 'available',
    } as const

    return {
      state: withVolume(state, volume),
      result: {
        VolumeId: args.VolumeId,
        KmsKeyId: KeyMetadata.Arn,
        Encrypted: true,
        State: 'available',
      },
    }
  })
