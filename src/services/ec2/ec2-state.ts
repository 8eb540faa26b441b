import type { CallOptions } from '../../keystore'
import type { RedactedBytes } from '../redacted-bytes'

/** Whether a volume is attached to an instance. */
export type VolumeState = 'available' | 'in-use'

/** What EC2 keeps while a volume is attached: the instance and the grant that lets it decrypt. */
export type Attachment = {
  readonly instanceId: string
  readonly grantId: string
  /** Kept so that EC2 can retire the grant before it is consistent. */
  readonly grantToken: string
}

/** An encrypted EBS volume, as EC2 keeps it. */
export type Volume = {
  readonly volumeId: string
  /** The key ARN, as DescribeKey returned it, whatever identifier the user gave. */
  readonly keyArn: string
  /** The volume's data key, encrypted under the key with context {"aws:ebs:id": volumeId}. */
  readonly encryptedDataKey: RedactedBytes
  readonly state: VolumeState
  /** Present exactly when the state is `in-use`. */
  readonly attachment?: Attachment
}

/** EC2's own state: plain immutable data, kept beside the sandbox's. */
export type Ec2State = {
  readonly volumes: Readonly<Record<string, Volume>>
}

/** EC2 with no volumes. */
export const initialEc2State: Ec2State = { volumes: {} }

/** EC2's service principal: `via` for its calls for a user; its grants' retiring principal. */
export const ec2Principal = 'ec2.amazonaws.com'

/** EC2 calling for a user: sets kms:ViaService and, on CreateGrant, kms:GrantIsForAWSResource. */
export const viaEc2: CallOptions = { via: ec2Principal }

/** The context EBS binds a volume's data key to. */
export function volumeContext(volumeId: string): Readonly<Record<string, string>> {
  return { 'aws:ebs:id': volumeId }
}

// KMS rule: the instance's host decrypts as a session of the AWS-owned role
// aws:ec2-infrastructure, named after the instance, in the user's account.
// Docs: KMS Developer Guide › Amazon EC2 example two (CloudTrail)
/** The session EC2's infrastructure uses to decrypt a volume's data key for an instance. */
export function infrastructureSessionOf(account: string, instanceId: string): string {
  return `arn:aws:sts::${account}:assumed-role/aws:ec2-infrastructure/${instanceId}`
}

/** The state with one volume replaced. */
export function withVolume(state: Ec2State, volume: Volume): Ec2State {
  return { ...state, volumes: { ...state.volumes, [volume.volumeId]: volume } }
}
