/**
 * The sandbox's symmetric ciphertext blob. Real KMS blobs are opaque too; this
 * one only has to name its key, so that Decrypt needs no KeyId.
 *
 *   offset 0       version, always 0x01
 *   offset 1       key ID length L (1–255)
 *   offset 2       key ID, L bytes of printable ASCII
 *   offset 2+L     IV, 12 bytes
 *   offset 14+L    GCM tag, 16 bytes
 *   offset 30+L    AES-256-GCM ciphertext, as long as the plaintext
 */
export type CiphertextBlob = {
  readonly keyId: string
  /** Version, key ID length and key ID: the bytes also bound as AAD. */
  readonly header: Uint8Array
  readonly iv: Uint8Array
  readonly tag: Uint8Array
  readonly ciphertext: Uint8Array
}

/** The only blob version this sandbox writes and reads. */
export const blobVersion = 0x01
/** Bytes of the random AES-GCM initialisation vector. */
export const ivBytes = 12
/** Bytes of the AES-GCM authentication tag. */
export const tagBytes = 16

const printableAscii = /^[\x21-\x7e]{1,255}$/

/** True when `keyId` fits in a blob: 1–255 printable ASCII characters. */
export function isBlobKeyId(keyId: string): boolean {
  return printableAscii.test(keyId)
}

/** The header bytes for `keyId`; the caller has checked it with isBlobKeyId. */
export function toBlobHeader(keyId: string): Uint8Array {
  return new Uint8Array([blobVersion, keyId.length, ...Buffer.from(keyId, 'ascii')])
}

/** Splits a blob into its parts, or returns undefined for anything that is not one of ours. */
export function parseCiphertextBlob(blob: Uint8Array): CiphertextBlob | undefined {
  const keyIdLength = blob[1] ?? 0
  const ivStart = 2 + keyIdLength
  const tagStart = ivStart + ivBytes
  const ciphertextStart = tagStart + tagBytes
  if (blob[0] !== blobVersion || blob.length < ciphertextStart) {
    return undefined
  }

  const keyId = Buffer.from(blob.subarray(2, ivStart)).toString('latin1')
  if (!isBlobKeyId(keyId)) {
    return undefined
  }

  return {
    keyId,
    header: blob.subarray(0, ivStart),
    iv: blob.subarray(ivStart, tagStart),
    tag: blob.subarray(tagStart, ciphertextStart),
    ciphertext: blob.subarray(ciphertextStart),
  }
}
