// Envelope encryption through the AWS Encryption SDK against the in-memory
// KMS. The only folder that imports @aws-crypto/*, and only lazily.
export {
  decryptEnvelope,
  encryptEnvelope,
  type DecryptEnvelopeInput,
  type DecryptEnvelopeOutput,
  type EncryptEnvelopeInput,
  type EncryptEnvelopeOutput,
} from './envelope'
export { EnvelopeError, envelopeErrorCodes, type EnvelopeErrorCode } from './envelope-error'
export {
  decryptWithLocalKey,
  encryptWithLocalKey,
  type LocalWrappingKey,
} from './local-key-envelope'
export { RecordingKmsClient, type KeyringKmsClient, type KmsRunner } from './sandbox-kms-client'
