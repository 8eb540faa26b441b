import { uint32 } from './bytes'

/** Non-secret key–value pairs bound to a ciphertext; absent means empty. */
export type EncryptionContext = Readonly<Record<string, string>>

/**
 * Serialises an encryption context so that equal contexts give equal bytes:
 * pairs sorted by the UTF-8 bytes of their keys, each string length-prefixed so
 * that no two different contexts share an encoding. Absent and {} are equal.
 */
export function canonicalizeContext(context: EncryptionContext | undefined): Uint8Array {
  // KMS rule: the encryption context is bound as AAD, and pair order does not matter.
  // Docs: KMS Developer Guide › Cryptography essentials › Encryption context
  const pairs = Object.entries(context ?? {})
    .map(([key, value]) => [Buffer.from(key, 'utf8'), Buffer.from(value, 'utf8')] as const)
    .sort(([a], [b]) => Buffer.compare(a, b))

  const parts = [uint32(pairs.length)]
  for (const [key, value] of pairs) {
    parts.push(uint32(key.length), key, uint32(value.length), value)
  }

  return new Uint8Array(Buffer.concat(parts))
}
