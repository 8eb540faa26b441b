// AWS services acting for a user: each a named set of actions over its own
// immutable state, making its KMS calls through the sandbox.
export {
  ServiceError,
  type ActionOutcome,
  type KmsRunner as ServiceKmsRunner,
  type Service,
  type ServiceAction,
} from './service'
export { RedactedBytes } from './redacted-bytes'
export * from './ec2'
