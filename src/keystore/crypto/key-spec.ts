// KMS rule: each key spec supports a fixed set of key usages and algorithms.
// Docs: KMS Developer Guide › Key spec reference

/** Every key spec the sandbox can create. */
export const keySpecs = [
  'SYMMETRIC_DEFAULT',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
] as const
/** A KMS key spec, spelled as AWS spells it. */
export type KeySpec = (typeof keySpecs)[number]

/** The RSA key specs. */
export const rsaKeySpecs = ['RSA_2048', 'RSA_3072', 'RSA_4096'] as const
/** An RSA key spec. */
export type RsaKeySpec = (typeof rsaKeySpecs)[number]

/** The elliptic-curve key specs. */
export const eccKeySpecs = [
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
] as const
/** An elliptic-curve key spec. */
export type EccKeySpec = (typeof eccKeySpecs)[number]

/** The HMAC key specs. */
export const hmacKeySpecs = ['HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512'] as const
/** An HMAC key spec. */
export type HmacKeySpec = (typeof hmacKeySpecs)[number]

/** What a key may be used for. */
export const keyUsages = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC'] as const
/** A KMS key usage. */
export type KeyUsage = (typeof keyUsages)[number]

/** The encryption algorithms of Encrypt and Decrypt. */
export const encryptionAlgorithms = [
  'SYMMETRIC_DEFAULT',
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
] as const
/** A KMS encryption algorithm. */
export type EncryptionAlgorithm = (typeof encryptionAlgorithms)[number]
/** An RSA encryption algorithm. */
export type RsaEncryptionAlgorithm = Exclude<EncryptionAlgorithm, 'SYMMETRIC_DEFAULT'>

/** The signing algorithms of Sign and Verify. */
export const signingAlgorithms = [
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'ECDSA_SHA_256',
  'ECDSA_SHA_384',
  'ECDSA_SHA_512',
] as const
/** A KMS signing algorithm. */
export type SigningAlgorithm = (typeof signingAlgorithms)[number]

/** The MAC algorithms of GenerateMac and VerifyMac. */
export const macAlgorithms = [
  'HMAC_SHA_224',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
] as const
/** A KMS MAC algorithm. */
export type MacAlgorithm = (typeof macAlgorithms)[number]

/** How Sign and Verify read the message: RAW is hashed first, DIGEST already is a hash. */
export const messageTypes = ['RAW', 'DIGEST'] as const
/** A KMS message type. */
export type MessageType = (typeof messageTypes)[number]

/** The key pair specs of GenerateDataKeyPair. */
export const keyPairSpecs = [...rsaKeySpecs, ...eccKeySpecs] as const
/** A data key pair spec. */
export type KeyPairSpec = (typeof keyPairSpecs)[number]

/** The key usages each key spec allows. */
export const keyUsagesBySpec: Readonly<Record<KeySpec, readonly KeyUsage[]>> = {
  SYMMETRIC_DEFAULT: ['ENCRYPT_DECRYPT'],
  RSA_2048: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  RSA_3072: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  RSA_4096: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  ECC_NIST_P256: ['SIGN_VERIFY'],
  ECC_NIST_P384: ['SIGN_VERIFY'],
  ECC_NIST_P521: ['SIGN_VERIFY'],
  ECC_SECG_P256K1: ['SIGN_VERIFY'],
  HMAC_224: ['GENERATE_VERIFY_MAC'],
  HMAC_256: ['GENERATE_VERIFY_MAC'],
  HMAC_384: ['GENERATE_VERIFY_MAC'],
  HMAC_512: ['GENERATE_VERIFY_MAC'],
}

const rsaEncryption = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] as const
const rsaSigning = signingAlgorithms.filter((algorithm) => algorithm.startsWith('RSASSA_'))

/** The encryption algorithms each key spec supports; empty for specs that cannot encrypt. */
export const encryptionAlgorithmsBySpec: Readonly<Record<KeySpec, readonly EncryptionAlgorithm[]>> =
  {
    SYMMETRIC_DEFAULT: ['SYMMETRIC_DEFAULT'],
    RSA_2048: rsaEncryption,
    RSA_3072: rsaEncryption,
    RSA_4096: rsaEncryption,
    ECC_NIST_P256: [],
    ECC_NIST_P384: [],
    ECC_NIST_P521: [],
    ECC_SECG_P256K1: [],
    HMAC_224: [],
    HMAC_256: [],
    HMAC_384: [],
    HMAC_512: [],
  }

/** The signing algorithms each key spec supports; empty for specs that cannot sign. */
export const signingAlgorithmsBySpec: Readonly<Record<KeySpec, readonly SigningAlgorithm[]>> = {
  SYMMETRIC_DEFAULT: [],
  RSA_2048: rsaSigning,
  RSA_3072: rsaSigning,
  RSA_4096: rsaSigning,
  ECC_NIST_P256: ['ECDSA_SHA_256'],
  ECC_NIST_P384: ['ECDSA_SHA_384'],
  ECC_NIST_P521: ['ECDSA_SHA_512'],
  ECC_SECG_P256K1: ['ECDSA_SHA_256'],
  HMAC_224: [],
  HMAC_256: [],
  HMAC_384: [],
  HMAC_512: [],
}

/** The one MAC algorithm each HMAC key spec supports: the hash must match the key size. */
export const macAlgorithmBySpec: Readonly<Record<HmacKeySpec, MacAlgorithm>> = {
  HMAC_224: 'HMAC_SHA_224',
  HMAC_256: 'HMAC_SHA_256',
  HMAC_384: 'HMAC_SHA_384',
  HMAC_512: 'HMAC_SHA_512',
}

/** The largest plaintext RSA OAEP encrypts: key bytes − 2 × hash bytes − 2. */
export const rsaMaxPlaintextBytes: Readonly<
  Record<RsaKeySpec, Readonly<Record<RsaEncryptionAlgorithm, number>>>
> = {
  RSA_2048: { RSAES_OAEP_SHA_1: 214, RSAES_OAEP_SHA_256: 190 },
  RSA_3072: { RSAES_OAEP_SHA_1: 342, RSAES_OAEP_SHA_256: 318 },
  RSA_4096: { RSAES_OAEP_SHA_1: 470, RSAES_OAEP_SHA_256: 446 },
}

/** True when `value` names a key spec. */
export function isKeySpec(value: string): value is KeySpec {
  return (keySpecs as readonly string[]).includes(value)
}

/** True when `spec` is an RSA key spec. */
export function isRsaKeySpec(spec: KeySpec): spec is RsaKeySpec {
  return (rsaKeySpecs as readonly string[]).includes(spec)
}

/** True when `spec` is an elliptic-curve key spec. */
export function isEccKeySpec(spec: KeySpec): spec is EccKeySpec {
  return (eccKeySpecs as readonly string[]).includes(spec)
}

/** True when `spec` is an HMAC key spec. */
export function isHmacKeySpec(spec: KeySpec): spec is HmacKeySpec {
  return (hmacKeySpecs as readonly string[]).includes(spec)
}
