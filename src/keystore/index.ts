// The in-memory KMS: a pure core (applyKmsCall, applyIamCall, advanceClock
// over an immutable SandboxState) and a thin mutable shell (createSandbox)
// that keeps the history and hands out AWS-SDK-shaped clients.
export { createSandbox, Sandbox } from './sandbox'
export type { SandboxKmsClient, KmsClientMethods } from './kms-client'
export type { SandboxIamClient, IamClientMethods } from './iam-client'
export {
  applyKmsCall,
  type CallOptions,
  type KmsCall,
  type KmsCallResult,
} from './apply-kms-call'
export { applyIamCall, type IamCallResult } from './iam/apply-iam-call'
export { advanceClock, type Duration } from './clock'
export {
  kmsHandlers,
  kmsOperations,
  type KmsInput,
  type KmsOperation,
  type KmsOutput,
} from './operations'
export type { IamInput, IamOperation, IamOutput, IamRole, IamUser } from './iam/iam-operations'
export { KmsError, kmsErrorCodes, type KmsErrorCode } from './kms-error'
export { IamError, iamErrorCodes, type IamErrorCode } from './iam/iam-error'
export type { CallOutcome, ClockEvent, IamEvent, KmsEvent, SandboxEvent } from './events'
export { toPrintable, type Printable } from './printable'
export {
  initialState,
  sandboxDefaults,
  type Account,
  type AliasRecord,
  type GrantRecord,
  type IamPrincipal,
  type KeyRecord,
  type SandboxOptions,
  type SandboxState,
  type StoredPolicy,
} from './state'
export {
  consoleDefaultPolicy,
  defaultKeyPolicy,
  type ConsolePolicyOptions,
} from './default-policies'
export { grantOperations, grantPropagationMs, type GrantOperation } from './grant-rules'
export type { KeyMetadata } from './key-metadata'
export { keyStates, type KeyState } from './key-rules'
export type * from './api/aliases'
export type * from './api/create-grant'
export type * from './api/create-key'
export type * from './api/data-keys'
export type * from './api/encrypt-decrypt'
export type * from './api/grant-admin'
export type * from './api/key-lifecycle'
export type * from './api/key-policy'
export type * from './api/key-rotation'
export type * from './api/mac'
export type * from './api/random'
export type * from './api/re-encrypt'
export type * from './api/signing'
export type * from './api/tags'
