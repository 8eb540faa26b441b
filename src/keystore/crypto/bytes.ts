/**
 * Copies `chunks` into one fresh Uint8Array and zeroes them. The result shares
 * no memory with key material or with node's buffer pool, so a caller may zero
 * or keep it without touching anything else.
 */
export function takeBytes(...chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0)
  const result = new Uint8Array(total)

  let offset = 0
  for (const chunk of chunks) {
    result.set(chunk, offset)
    offset += chunk.length
    chunk.fill(0)
  }

  return result
}

/** `value` as four big-endian bytes. */
export function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32BE(value)

  return bytes
}
