import { takeBytes } from './bytes'
import { generateKeyPairFor } from './key-material'
import type { KeyPairSpec } from './key-spec'

/** A freshly generated key pair, as GenerateDataKeyPair returns it before wrapping. */
export type DataKeyPair = {
  /** DER SubjectPublicKeyInfo. */
  readonly publicKey: Uint8Array
  /** DER PKCS #8 PrivateKeyInfo, unencrypted: the caller wraps it under a KMS key. */
  readonly privateKey: Uint8Array
}

/** Generates a data key pair of `spec`. Both halves are fresh Uint8Arrays. */
export function generateDataKeyPair(spec: KeyPairSpec): DataKeyPair {
  const pair = generateKeyPairFor(spec)

  return {
    publicKey: takeBytes(pair.publicKey.export({ format: 'der', type: 'spki' })),
    privateKey: takeBytes(pair.privateKey.export({ format: 'der', type: 'pkcs8' })),
  }
}
