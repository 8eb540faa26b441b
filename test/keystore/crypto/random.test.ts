import { describe, expect, it } from 'vitest'

import { randomBytes } from '../../../src/keystore/crypto'
import { expectFailure, isFreshUint8Array } from './expect-failure'

describe('randomBytes', () => {
  it('returns exactly the bytes asked for when the count is 1 or 1024', () => {
    expect(randomBytes(1)).toHaveLength(1)
    expect(randomBytes(1024)).toHaveLength(1024)
    expect(isFreshUint8Array(randomBytes(16))).toBe(true)
  })

  it('returns different bytes when called twice', () => {
    expect(randomBytes(32)).not.toEqual(randomBytes(32))
  })

  it('Guard: GenerateRandom returns between 1 and 1024 bytes', () => {
    for (const count of [0, 1025, -1, 1.5, Number.NaN]) {
      const failure = expectFailure(() => randomBytes(count))
      expect(failure.code, String(count)).toBe('ValidationException')
    }
  })
})
