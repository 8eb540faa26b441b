import { parsePrincipal } from '../../policy'
import { ServiceError } from '../service'
import type { Ec2State, Volume } from './ec2-state'

/** The EC2 error codes the sandbox's EC2 returns, spelled as EC2 spells them. */
export const ec2ErrorCodes = [
  'AuthFailure',
  'IncorrectState',
  'InvalidInstanceID.Malformed',
  'InvalidParameterValue',
  'InvalidVolume.NotFound',
  'InvalidVolumeID.Malformed',
  'VolumeInUse',
] as const

/** One of {@link ec2ErrorCodes}. */
export type Ec2ErrorCode = (typeof ec2ErrorCodes)[number]

/** An EC2 refusal of its own, before or instead of a KMS call. */
export function ec2Error(code: Ec2ErrorCode, message: string): ServiceError<Ec2ErrorCode> {
  return new ServiceError('ec2', code, message)
}

/** The account of the principal EC2 acts for; throws AuthFailure for one outside any account. */
export function accountOfCaller(principal: string): string {
  const parsed = parsePrincipal(principal)

  // Guard: EC2 acts for a principal of an AWS account.
  if (!('account' in parsed)) {
    throw ec2Error(
      'AuthFailure',
      `${principal} is not a principal of an AWS account; EC2 acts for IAM users and roles.`,
    )
  }

  return parsed.account
}

/** Throws unless `volumeId` has the shape of an EBS volume ID. */
export function checkVolumeId(volumeId: string): void {
  // Guard: a volume ID is vol- followed by 8 or 17 hexadecimal digits.
  if (!/^vol-([0-9a-f]{8}|[0-9a-f]{17})$/.test(volumeId)) {
    throw ec2Error('InvalidVolumeID.Malformed', `Invalid id: "${volumeId}" (expecting "vol-...").`)
  }
}

/** Throws unless `instanceId` has the shape of an EC2 instance ID. */
export function checkInstanceId(instanceId: string): void {
  // Guard: an instance ID is i- followed by 8 or 17 hexadecimal digits.
  if (!/^i-([0-9a-f]{8}|[0-9a-f]{17})$/.test(instanceId)) {
    throw ec2Error(
      'InvalidInstanceID.Malformed',
      `Invalid id: "${instanceId}" (expecting "i-...").`,
    )
  }
}

/** The volume with this ID; throws InvalidVolume.NotFound when there is none. */
export function findVolume(state: Ec2State, volumeId: string): Volume {
  checkVolumeId(volumeId)
  const volume = state.volumes[volumeId]

  // Guard: an EC2 action names a volume that exists.
  if (!volume) {
    throw ec2Error('InvalidVolume.NotFound', `The volume '${volumeId}' does not exist.`)
  }

  return volume
}
