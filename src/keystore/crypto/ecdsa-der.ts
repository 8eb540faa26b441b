// ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }, DER-encoded: the
// signature form KMS returns and node:crypto's default 'der' dsaEncoding.
// Docs: RFC 3279 §2.2.3

/** The two integers of an ECDSA signature. */
export type EcdsaSignature = { readonly r: bigint; readonly s: bigint }

/** DER-encodes an ECDSA signature. */
export function encodeEcdsaDer({ r, s }: EcdsaSignature): Uint8Array {
  const body = [...derInteger(r), ...derInteger(s)]

  return new Uint8Array([0x30, ...derLength(body.length), ...body])
}

/** Decodes a DER ECDSA signature, or returns undefined for anything but strict DER. */
export function decodeEcdsaDer(der: Uint8Array): EcdsaSignature | undefined {
  const sequence = readElement(der, 0, 0x30)
  if (!sequence || sequence.end !== der.length) {
    return undefined
  }

  const r = readElement(der, sequence.start, 0x02)
  const s = r && readElement(der, r.end, 0x02)
  if (!r || !s || s.end !== der.length) {
    return undefined
  }

  const rValue = toPositiveInteger(der.subarray(r.start, r.end))
  const sValue = toPositiveInteger(der.subarray(s.start, s.end))

  return rValue && sValue ? { r: rValue, s: sValue } : undefined
}

/** The big-endian integer in `bytes`; 0n for no bytes. */
export function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`)
}

/** `value` as exactly `length` big-endian bytes. */
export function toFixedBytes(value: bigint, length: number): Buffer {
  return Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex')
}

function derInteger(value: bigint): number[] {
  const hex = value.toString(16)
  const bytes = [...Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex')]
  // A set top bit would read as negative, so DER prepends a zero byte.
  const content = (bytes[0] ?? 0) >= 0x80 ? [0, ...bytes] : bytes

  return [0x02, ...derLength(content.length), ...content]
}

function derLength(length: number): number[] {
  return length < 0x80 ? [length] : [0x81, length]
}

/** Reads one element with `tag` at `offset`: its content range, or undefined when malformed. */
function readElement(
  der: Uint8Array,
  offset: number,
  tag: number,
): { readonly start: number; readonly end: number } | undefined {
  const first = der[offset + 1]
  if (der[offset] !== tag || first === undefined || first === 0x80 || first > 0x81) {
    return undefined
  }

  const long = first === 0x81
  const length = long ? (der[offset + 2] ?? 0) : first
  const start = offset + (long ? 3 : 2)
  // Strict DER: the long form is only for lengths that the short form cannot hold.
  if ((long && length < 0x80) || start + length > der.length) {
    return undefined
  }

  return { start, end: start + length }
}

/** A minimally encoded positive INTEGER's value, or undefined. */
function toPositiveInteger(content: Uint8Array): bigint | undefined {
  const [first = 0, second = 0] = content
  const negative = first >= 0x80
  const padded = content.length > 1 && first === 0 && second < 0x80
  if (content.length === 0 || negative || padded) {
    return undefined
  }

  const value = toBigInt(content)

  return value > 0n ? value : undefined
}
