import type { Key } from 'ink'
import { describe, expect, it } from 'vitest'
import { toKeyPresses } from '../../src/ui/controller/keypress'

const noKey = {} as Key

describe('toKeyPresses', () => {
  it('splits pasted text into one press per character, enter included', () => {
    expect(toKeyPresses('ad\r', noKey)).toEqual([
      { kind: 'char', char: 'a' },
      { kind: 'char', char: 'd' },
      { kind: 'return' },
    ])
  })

  it('names arrows, shift+tab and Ctrl+C', () => {
    expect(toKeyPresses('', { ...noKey, rightArrow: true })).toEqual([{ kind: 'right' }])
    expect(toKeyPresses('', { ...noKey, tab: true, shift: true })).toEqual([{ kind: 'backtab' }])
    expect(toKeyPresses('c', { ...noKey, ctrl: true })).toEqual([{ kind: 'ctrl-c' }])
  })

  it('drops other control characters and meta combinations', () => {
    expect(toKeyPresses('\u0007', noKey)).toEqual([])
    expect(toKeyPresses('x', { ...noKey, meta: true })).toEqual([])
  })
})
