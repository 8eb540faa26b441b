import { randomFillSync } from 'node:crypto'

import { CryptoFailure } from './crypto-failure'

/** The most bytes one GenerateRandom call returns. */
export const maxRandomBytes = 1024

/**
 * Returns `count` cryptographically random bytes, as GenerateRandom does.
 * Throws CryptoFailure ValidationException unless 1 ≤ count ≤ 1024.
 */
export function randomBytes(count: number): Uint8Array {
  // Guard: GenerateRandom returns between 1 and 1024 bytes.
  if (!Number.isInteger(count) || count < 1 || count > maxRandomBytes) {
    throw new CryptoFailure(
      'ValidationException',
      `NumberOfBytes must be an integer from 1 to ${maxRandomBytes}; got ${count}.`,
    )
  }

  return randomFillSync(new Uint8Array(count))
}
