import {
  constants,
  createHash,
  privateEncrypt,
  publicDecrypt,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto'

import { takeBytes, uint32 } from './bytes'

// node:crypto's sign and verify always hash the message. For MessageType DIGEST
// the hash is given, so this file builds the RSA encodings around it and uses
// the raw RSA operation. Docs: RFC 8017 §8.1 (PSS) and §8.2 (PKCS #1 v1.5).

/** A SHA-2 hash that KMS signing algorithms use. */
export type ShaName = 'sha256' | 'sha384' | 'sha512'

/** DER of DigestInfo up to the digest itself, from RFC 8017 §9.2 note 1. */
const digestInfoPrefix: Readonly<Record<ShaName, string>> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
}

/** Signs a precomputed digest with RSASSA-PKCS1-v1_5. */
export function signDigestPkcs1(
  privateKey: KeyObject,
  hash: ShaName,
  digest: Uint8Array,
): Uint8Array {
  const padding = constants.RSA_PKCS1_PADDING

  return takeBytes(privateEncrypt({ key: privateKey, padding }, digestInfo(hash, digest)))
}

/** Checks an RSASSA-PKCS1-v1_5 signature over a precomputed digest. Never throws. */
export function verifyDigestPkcs1(
  publicKey: KeyObject,
  hash: ShaName,
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    const padding = constants.RSA_PKCS1_PADDING
    const recovered = publicDecrypt({ key: publicKey, padding }, signature)

    return recovered.equals(digestInfo(hash, digest))
  } catch {
    return false
  }
}

/** Signs a precomputed digest with RSASSA-PSS: MGF1 of the same hash, salt as long as the hash. */
export function signDigestPss(
  privateKey: KeyObject,
  hash: ShaName,
  digest: Uint8Array,
): Uint8Array {
  const emBits = modulusBits(privateKey) - 1
  const em = encodePss(hash, digest, emBits)
  const block = Buffer.concat([Buffer.alloc(modulusBytes(privateKey) - em.length), em])
  const padding = constants.RSA_NO_PADDING

  return takeBytes(privateEncrypt({ key: privateKey, padding }, block))
}

/** Checks an RSASSA-PSS signature (salt as long as the hash) over a precomputed digest. */
export function verifyDigestPss(
  publicKey: KeyObject,
  hash: ShaName,
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    const padding = constants.RSA_NO_PADDING
    const block = publicDecrypt({ key: publicKey, padding }, signature)
    const emBits = modulusBits(publicKey) - 1
    const emLength = Math.ceil(emBits / 8)
    const leading = block.subarray(0, block.length - emLength)
    const em = block.subarray(block.length - emLength)

    return leading.every((byte) => byte === 0) && isPssEncoding(hash, digest, em, emBits)
  } catch {
    return false
  }
}

/** EMSA-PSS-ENCODE, RFC 8017 §9.1.1, with sLen = hLen. */
function encodePss(hash: ShaName, digest: Uint8Array, emBits: number): Buffer {
  const hashLength = digest.length
  const emLength = Math.ceil(emBits / 8)
  const salt = randomBytes(hashLength)
  const h = pssHash(hash, digest, salt)

  const db = Buffer.alloc(emLength - hashLength - 1)
  db[db.length - hashLength - 1] = 0x01
  salt.copy(db, db.length - hashLength)
  xorInPlace(db, mgf1(hash, h, db.length))
  db[0] = (db[0] ?? 0) & (0xff >> (8 * emLength - emBits))

  return Buffer.concat([db, h, Buffer.from([0xbc])])
}

/** EMSA-PSS-VERIFY, RFC 8017 §9.1.2, with sLen = hLen. */
function isPssEncoding(hash: ShaName, digest: Uint8Array, em: Buffer, emBits: number): boolean {
  const hashLength = digest.length
  const topMask = 0xff >> (8 * em.length - emBits)
  const db = Buffer.from(em.subarray(0, em.length - hashLength - 1))
  const h = em.subarray(db.length, db.length + hashLength)
  if (em[em.length - 1] !== 0xbc || ((em[0] ?? 0) & ~topMask) !== 0) {
    return false
  }

  xorInPlace(db, mgf1(hash, h, db.length))
  db[0] = (db[0] ?? 0) & topMask
  const separator = db.length - hashLength - 1
  const padding = db.subarray(0, separator)
  if (!padding.every((byte) => byte === 0) || db[separator] !== 0x01) {
    return false
  }

  return timingSafeEqual(h, pssHash(hash, digest, db.subarray(separator + 1)))
}

function pssHash(hash: ShaName, digest: Uint8Array, salt: Uint8Array): Buffer {
  return createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest()
}

/** MGF1, RFC 8017 §B.2.1. */
function mgf1(hash: ShaName, seed: Uint8Array, length: number): Buffer {
  const blocks: Buffer[] = []
  for (let counter = 0, produced = 0; produced < length; counter += 1) {
    const block = createHash(hash).update(seed).update(uint32(counter)).digest()
    blocks.push(block)
    produced += block.length
  }

  return Buffer.concat(blocks).subarray(0, length)
}

function digestInfo(hash: ShaName, digest: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(digestInfoPrefix[hash], 'hex'), digest])
}

function xorInPlace(target: Buffer, mask: Buffer): void {
  for (let index = 0; index < target.length; index += 1) {
    target[index] = (target[index] ?? 0) ^ (mask[index] ?? 0)
  }
}

function modulusBits(key: KeyObject): number {
  return key.asymmetricKeyDetails?.modulusLength ?? 0
}

/** How many bytes an RSA key's modulus, and so each of its signatures, takes. */
export function modulusBytes(key: KeyObject): number {
  return Math.ceil(modulusBits(key) / 8)
}
