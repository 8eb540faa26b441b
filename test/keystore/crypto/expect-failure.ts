import { expect } from 'vitest'

import { CryptoFailure } from '../../../src/keystore/crypto'

/** Runs `action`, asserts it throws a CryptoFailure, and returns that failure. */
export function expectFailure(action: () => unknown): CryptoFailure {
  try {
    action()
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoFailure)

    return error as CryptoFailure
  }

  throw new Error('Expected a CryptoFailure, but nothing was thrown.')
}

/** A copy of `bytes` with one bit flipped. */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = new Uint8Array(bytes)
  const index = Math.floor(bit / 8)
  copy[index] = (copy[index] ?? 0) ^ (1 << bit % 8)

  return copy
}

/** True when `bytes` is a plain Uint8Array that owns its whole ArrayBuffer. */
export function isFreshUint8Array(bytes: Uint8Array): boolean {
  const plain = Object.getPrototypeOf(bytes) === Uint8Array.prototype

  return plain && bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length
}
