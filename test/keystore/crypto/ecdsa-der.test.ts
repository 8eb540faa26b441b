import { describe, expect, it } from 'vitest'

import { decodeEcdsaDer, encodeEcdsaDer } from '../../../src/keystore/crypto/ecdsa-der'

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')
const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'))

describe('encodeEcdsaDer', () => {
  it('prepends a zero byte when an integer has its top bit set', () => {
    expect(hex(encodeEcdsaDer({ r: 0x80n, s: 0x7fn }))).toBe('30070202008002017f')
  })

  it('uses the long length form when the body passes 127 bytes', () => {
    const big = (1n << 520n) - 1n
    const der = encodeEcdsaDer({ r: big, s: big })

    expect(hex(der.subarray(0, 3))).toBe('308188')
    expect(decodeEcdsaDer(der)).toEqual({ r: big, s: big })
  })
})

describe('decodeEcdsaDer', () => {
  it('reads r and s when the encoding is strict DER', () => {
    expect(decodeEcdsaDer(bytes('300702020080020101'))).toEqual({ r: 0x80n, s: 1n })
  })

  it('returns undefined when the encoding is not strict DER', () => {
    const malformed = [
      '',
      '3007020200800201', // truncated
      '30070202008002010100', // trailing byte
      '300702020080020180', // negative s
      '30080203000080020101', // r padded with a needless zero
      '3006020100020101', // zero r
      '30810702020080020101', // long form for a short length
      '310702020080020101', // SET, not SEQUENCE
    ]

    for (const text of malformed) {
      expect(decodeEcdsaDer(bytes(text)), text).toBeUndefined()
    }
  })
})
