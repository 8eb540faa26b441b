// The pure cryptographic layer of the in-memory KMS: functions over key
// material, with no state and no authorization. Key secrets never leave it.
export * from './key-spec'
export { createKeyMaterial, type KeyMaterial } from './key-material'
export { CryptoFailure, cryptoFailureCodes, type CryptoFailureCode } from './crypto-failure'
export type { EncryptionContext } from './encryption-context'
export { encryptSymmetric, decryptSymmetric, readBlobKeyId } from './symmetric'
export { encryptAsymmetric, decryptAsymmetric, getPublicKeyDer } from './asymmetric'
export { sign, verify, type SignRequest, type VerifyRequest } from './signing'
export { generateMac, verifyMac } from './mac'
export { generateDataKeyPair, type DataKeyPair } from './data-key-pair'
export { randomBytes, maxRandomBytes } from './random'
