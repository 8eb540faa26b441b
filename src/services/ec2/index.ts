import type { Service } from '../service'
import { attachVolume } from './attach-volume'
import { createVolume } from './create-volume'
import { detachVolume } from './detach-volume'
import { ec2Principal, initialEc2State, type Ec2State } from './ec2-state'

const actions = {
  CreateVolume: createVolume,
  AttachVolume: attachVolume,
  DetachVolume: detachVolume,
} as const

/** EC2 as far as EBS encryption goes: create, attach and detach encrypted volumes. */
export const ec2Service: Service<Ec2State, typeof actions> = {
  name: 'ec2',
  principal: ec2Principal,
  initialState: initialEc2State,
  actions,
}

export { attachVolume, type AttachVolumeArgs, type AttachVolumeResult } from './attach-volume'
export { createVolume, type CreateVolumeArgs, type CreateVolumeResult } from './create-volume'
export { detachVolume, type DetachVolumeArgs, type DetachVolumeResult } from './detach-volume'
export { ec2ErrorCodes, type Ec2ErrorCode } from './ec2-error'
export {
  ec2Principal,
  infrastructureSessionOf,
  initialEc2State,
  volumeContext,
  type Attachment,
  type Ec2State,
  type Volume,
  type VolumeState,
} from './ec2-state'
