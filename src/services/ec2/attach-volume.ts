import { KmsError } from '../../keystore'
import { perform, type KmsCalls } from '../kms-calls'
import type { ServiceAction } from '../service'
import { accountOfCaller, checkInstanceId, ec2Error, findVolume } from './ec2-error'
import {
  ec2Principal,
  infrastructureSessionOf,
  viaEc2,
  volumeContext,
  withVolume,
  type Ec2State,
  type Volume,
} from './ec2-state'

/** AttachVolume's request. */
export type AttachVolumeArgs = { readonly VolumeId: string; readonly InstanceId: string }

/** AttachVolume's response fields the sandbox models. */
export type AttachVolumeResult = {
  readonly VolumeId: string
  readonly InstanceId: string
  readonly State: 'attached'
  /** The grant that lets the instance's host decrypt the volume's data key. */
  readonly GrantId: string
}

/**
 * AttachVolume: CreateGrant as the user via EC2, for the instance's
 * ec2-infrastructure session, limited to Decrypt under this volume's
 * context; then that session decrypts the data key, authorized by the grant
 * through its token (the grant is not yet consistent). If the Decrypt fails,
 * EC2 retires the grant it just made and the attach fails with the KMS error.
 */
export const attachVolume: ServiceAction<Ec2State, AttachVolumeArgs, AttachVolumeResult> = (
  sandbox,
  user,
  args,
  state,
) =>
  perform(sandbox, state, (kms) => {
    const account = accountOfCaller(user)
    const volume = findVolume(state, args.VolumeId)
    checkInstanceId(args.InstanceId)

    // Guard: a volume is attached only while it is available.
    if (volume.state !== 'available') {
      throw ec2Error('VolumeInUse', `${volume.volumeId} is already attached to an instance.`)
    }

    const session = infrastructureSessionOf(account, args.InstanceId)
    const grant = createVolumeGrant(kms, user, volume, session)
    decryptForInstance(kms, volume, session, grant)

    const attachment = {
      instanceId: args.InstanceId,
      grantId: grant.GrantId,
      grantToken: grant.GrantToken,
    }
    const attached: Volume = { ...volume, state: 'in-use', attachment }

    return {
      state: withVolume(state, attached),
      result: {
        VolumeId: volume.volumeId,
        InstanceId: args.InstanceId,
        State: 'attached',
        GrantId: grant.GrantId,
      },
    }
  })

// KMS rule: EC2 creates the grant as the user, so the user needs kms:CreateGrant
// (the console policy allows it when kms:GrantIsForAWSResource is true).
// Docs: KMS Developer Guide › Default key policy › Allows key users to use the
// KMS key with AWS services
function createVolumeGrant(kms: KmsCalls, user: string, volume: Volume, session: string) {
  return kms.call(
    user,
    'CreateGrant',
    {
      KeyId: volume.keyArn,
      GranteePrincipal: session,
      // AWS's listing of an EBS grant names an account that is not the key
      // owner's as the retiring principal: one of EC2's own. The sandbox has
      // no AWS-owned accounts, so the EC2 service principal stands for it;
      // either way the party that retires the grant at detach is EC2, not the
      // user. (Docs: KMS Developer Guide › Examining grants)
      RetiringPrincipal: ec2Principal,
      Operations: ['Decrypt'],
      Constraints: { EncryptionContextSubset: volumeContext(volume.volumeId) },
    },
    viaEc2,
  )
}

function decryptForInstance(
  kms: KmsCalls,
  volume: Volume,
  session: string,
  grant: { readonly GrantToken: string },
): void {
  try {
    // The plaintext key would stay in the host's memory; the sandbox drops it.
    kms.call(session, 'Decrypt', {
      CiphertextBlob: volume.encryptedDataKey.bytes(),
      KeyId: volume.keyArn,
      EncryptionContext: volumeContext(volume.volumeId),
      GrantTokens: [grant.GrantToken],
    })
  } catch (error) {
    // Inference: a service does not leave a grant behind for an attach that failed.
    // Docs: KMS Developer Guide › Grants in AWS KMS (retiring grants when done)
    if (error instanceof KmsError) retireQuietly(kms, grant.GrantToken)

    throw error
  }
}

function retireQuietly(kms: KmsCalls, grantToken: string): void {
  try {
    kms.call(ec2Principal, 'RetireGrant', { GrantToken: grantToken })
  } catch {
    // The attach fails with the Decrypt error either way; the event shows this one.
  }
}
