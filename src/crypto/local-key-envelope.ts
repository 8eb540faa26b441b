import { loadEncryptionSdk, type EncryptionSdk } from './load-sdk'

/** A wrapping key held in memory instead of in KMS. */
export type LocalWrappingKey = {
  /** Names the key in the message; decryption needs the same namespace and name. */
  readonly namespace: string
  readonly name: string
  /** 32 bytes of AES-256 key. */
  readonly key: Uint8Array
}

/**
 * Encrypts with the Encryption SDK under a raw AES wrapping key: envelope
 * encryption with no KMS call at all. The bench compares the KMS keyring with
 * it, and a lesson can use it to show what KMS adds.
 */
export async function encryptWithLocalKey(
  wrappingKey: LocalWrappingKey,
  plaintext: Uint8Array,
  encryptionContext: Readonly<Record<string, string>> = {},
): Promise<Uint8Array> {
  const sdk = await loadEncryptionSdk()
  const { result } = await sdk.client.encrypt(localKeyring(sdk, wrappingKey), plaintext, {
    encryptionContext: { ...encryptionContext },
  })

  return new Uint8Array(result)
}

/** Decrypts a message made by {@link encryptWithLocalKey} with the same wrapping key. */
export async function decryptWithLocalKey(
  wrappingKey: LocalWrappingKey,
  message: Uint8Array,
): Promise<Uint8Array> {
  const sdk = await loadEncryptionSdk()
  const { plaintext } = await sdk.client.decrypt(localKeyring(sdk, wrappingKey), message)

  return new Uint8Array(plaintext)
}

function localKeyring(sdk: EncryptionSdk, wrappingKey: LocalWrappingKey) {
  return new sdk.RawAesKeyringNode({
    keyNamespace: wrappingKey.namespace,
    keyName: wrappingKey.name,
    // A copy: the keyring's material is its own to zero.
    unencryptedMasterKey: wrappingKey.key.slice(),
    wrappingSuite: sdk.RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING,
  })
}
