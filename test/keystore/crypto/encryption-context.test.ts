import { describe, expect, it } from 'vitest'

import { canonicalizeContext } from '../../../src/keystore/crypto/encryption-context'

describe('canonicalizeContext', () => {
  it('gives equal bytes when pairs come in a different order', () => {
    expect(canonicalizeContext({ b: '2', a: '1' })).toEqual(canonicalizeContext({ a: '1', b: '2' }))
  })

  it('gives equal bytes when the context is absent or empty', () => {
    expect(canonicalizeContext(undefined)).toEqual(canonicalizeContext({}))
  })

  it('gives different bytes when a boundary between key and value moves', () => {
    expect(canonicalizeContext({ a: 'bc' })).not.toEqual(canonicalizeContext({ ab: 'c' }))
    expect(canonicalizeContext({ a: '', b: '' })).not.toEqual(canonicalizeContext({ ab: '' }))
  })

  it('sorts by UTF-8 bytes when keys mix BMP and astral characters', () => {
    // UTF-16 puts '😀' (D83D…) before '\uffff'; UTF-8 puts it after (F0… > EF…).
    const bytes = canonicalizeContext({ '😀': 'x', '\uffff': 'y' })
    const firstKeyLead = bytes[8]

    expect(firstKeyLead).toBe(0xef)
  })
})
