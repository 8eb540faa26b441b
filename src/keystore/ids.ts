import { nextBytes, type RngState } from './rng'

// The shapes of the identifiers KMS and IAM hand out, drawn from the seeded
// generator. Each function returns the identifier and the generator's next state.

type Draw = readonly [string, RngState]

/** A key ID: a version-4 UUID, or `mrk-` and 32 hex digits for a multi-Region key. */
export function drawKeyId(rng: RngState, multiRegion: boolean): Draw {
  const [bytes, next] = nextBytes(rng, 16)
  const hex = toHex(bytes)
  if (multiRegion) return [`mrk-${hex}`, next]

  const variant = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const uuid = [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${variant.toString(16)}${hex.slice(18, 20)}`,
    hex.slice(20, 32),
  ].join('-')

  return [uuid, next]
}

/** A grant ID: 64 lower-case hex digits, as KMS returns them. */
export function drawGrantId(rng: RngState): Draw {
  const [bytes, next] = nextBytes(rng, 32)

  return [toHex(bytes), next]
}

/** The prefix every sandbox grant token starts with. */
export const grantTokenPrefix = 'AQpA'

const grantTokenPattern = /^AQpA[A-Za-z0-9_-]{64}$/

/** A grant token: opaque text, like the long base64 strings KMS returns. */
export function drawGrantToken(rng: RngState): Draw {
  const [bytes, next] = nextBytes(rng, 48)

  return [grantTokenPrefix + Buffer.from(bytes).toString('base64url'), next]
}

/** True for text shaped like a token this sandbox mints. */
export function isGrantTokenShape(token: string): boolean {
  return grantTokenPattern.test(token)
}

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** An IAM unique ID: `AIDA` for users, `AROA` for roles, then 17 characters. */
export function drawUniqueId(rng: RngState, prefix: 'AIDA' | 'AROA'): Draw {
  const [bytes, next] = nextBytes(rng, 17)
  const tail = Array.from(bytes, (byte) => base32[byte % 32]).join('')

  return [prefix + tail, next]
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}
