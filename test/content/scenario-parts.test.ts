import { describe, expect, it } from 'vitest'
import { suggest } from '../../src/content/scenario-messages'
import { findMissingPrincipal, parsePrincipalRef } from '../../src/content/scenario-principals'

describe('suggest', () => {
  it('offers the intended word when two letters are swapped', () => {
    expect(suggest('Decrpyt', ['Encrypt', 'Decrypt', 'ReEncrypt'])).toBe('Decrypt')
  })

  it('offers the intended word when only the case differs', () => {
    expect(suggest('describekey', ['DescribeKey', 'DisableKey'])).toBe('DescribeKey')
  })

  it('offers nothing when no candidate is close', () => {
    expect(suggest('Frobnicate', ['Encrypt', 'Decrypt'])).toBeUndefined()
  })
})

describe('parsePrincipalRef', () => {
  it.each([
    ['user/alice', { kind: 'user', name: 'alice' }],
    ['role/order-worker/session-1', { kind: 'role', name: 'order-worker', session: 'session-1' }],
    ['444455556666:root', { kind: 'root', account: '444455556666' }],
    ['ec2.amazonaws.com', { kind: 'service', service: 'ec2.amazonaws.com' }],
    [
      'arn:aws:iam::111122223333:user/ops/alice',
      { kind: 'user', account: '111122223333', name: 'alice' },
    ],
    [
      'arn:aws:sts::111122223333:assumed-role/admin/s1',
      { kind: 'role', account: '111122223333', name: 'admin', session: 's1' },
    ],
  ])('reads %s as a principal', (text, expected) => {
    expect(parsePrincipalRef(text)).toEqual(expected)
  })

  it('reads nothing when the text is a bare name', () => {
    expect(parsePrincipalRef('alice')).toBeUndefined()
  })
})

describe('findMissingPrincipal', () => {
  const accounts = new Map([['111122223333', { users: ['alice'], roles: ['auditor'] }]])

  it('points at the right kind when a role is written as a user', () => {
    expect(findMissingPrincipal({ kind: 'user', name: 'auditor' }, accounts)).toContain(
      'there is a role auditor: write role/auditor',
    )
  })

  it('accepts a service principal when no account declares it', () => {
    expect(findMissingPrincipal({ kind: 'service', service: 'ec2.amazonaws.com' }, accounts)).toBe(
      undefined,
    )
  })
})
