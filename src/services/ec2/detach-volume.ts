import { KmsError } from '../../keystore'
import { perform } from '../kms-calls'
import type { ServiceAction } from '../service'
import { ec2Error, findVolume } from './ec2-error'
import { ec2Principal, withVolume, type Ec2State, type Volume } from './ec2-state'

/** DetachVolume's request. */
export type DetachVolumeArgs = { readonly VolumeId: string }

/** DetachVolume's response fields the sandbox models. */
export type DetachVolumeResult = {
  readonly VolumeId: string
  readonly InstanceId: string
  readonly State: 'detached'
}

/**
 * DetachVolume: EC2, the grant's retiring principal, retires the grant by its
 * token, and the volume is available again. Once the grant is gone the
 * instance's session can no longer decrypt the data key.
 */
export const detachVolume: ServiceAction<Ec2State, DetachVolumeArgs, DetachVolumeResult> = (
  sandbox,
  _user,
  args,
  state,
) =>
  perform(sandbox, state, (kms) => {
    const volume = findVolume(state, args.VolumeId)
    const attachment = volume.attachment

    // Guard: only an attached volume can be detached.
    if (volume.state !== 'in-use' || !attachment) {
      throw ec2Error(
        'IncorrectState',
        `Volume '${volume.volumeId}' is in the '${volume.state}' state.`,
      )
    }

    // Inference: EBS does not document retiring at detach; the grants guide says
    // integrated services retire their grants once done with them.
    // Docs: KMS Developer Guide › Grants in AWS KMS › Retiring and revoking grants
    try {
      kms.call(ec2Principal, 'RetireGrant', { GrantToken: attachment.grantToken })
    } catch (error) {
      // A key administrator may have revoked the grant already: nothing left to retire.
      if (!(error instanceof KmsError && error.code === 'NotFoundException')) throw error
    }

    const { attachment: _detached, ...rest } = volume
    const available: Volume = { ...rest, state: 'available' }

    return {
      state: withVolume(state, available),
      result: { VolumeId: volume.volumeId, InstanceId: attachment.instanceId, State: 'detached' },
    }
  })
