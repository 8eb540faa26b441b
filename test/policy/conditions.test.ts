import { describe, expect, it } from 'vitest'
import { evaluate } from '../../src/policy'
import { keyArn, mustParse, who } from '../helpers/vector'

/** Decides Alice's Decrypt under one key-policy statement with the given Condition. */
function decideWith(condition: unknown, request: { context?: Record<string, string | string[]>; encryptionContext?: Record<string, string>; principal?: string } = {}) {
  const policy = mustParse(
    { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: condition }] },
    'key',
  )

  return evaluate({
    principal: request.principal ?? who('alice'),
    action: 'kms:Decrypt',
    key: { arn: keyArn, policy },
    ...(request.context ? { context: request.context } : {}),
    ...(request.encryptionContext ? { encryptionContext: request.encryptionContext } : {}),
  }).verdict
}

describe('condition operators', () => {
  it.each([
    ['StringLike with a wildcard', { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/A*' } }, 'Allow'],
    ['StringNotLike excluding the caller', { StringNotLike: { 'aws:PrincipalArn': '*Alice' } }, 'ImplicitDeny'],
    ['StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { 'aws:username': 'ALICE' } }, 'Allow'],
    ['StringNotEquals with several values none matching', { StringNotEquals: { 'aws:username': ['Bob', 'Carol'] } }, 'Allow'],
    ['StringNotEquals with one value matching', { StringNotEquals: { 'aws:username': ['Bob', 'Alice'] } }, 'ImplicitDeny'],
    ['ArnLike on the principal', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/*' } }, 'Allow'],
    ['ArnNotEquals on the principal', { ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/Alice' } }, 'ImplicitDeny'],
    ['Null true for an absent key', { Null: { 'kms:ViaService': 'true' } }, 'Allow'],
    ['Null false for an absent key', { Null: { 'kms:ViaService': 'false' } }, 'ImplicitDeny'],
    ['a positive operator on an absent key', { StringEquals: { 'kms:ViaService': 'x' } }, 'ImplicitDeny'],
    ['a negated operator on an absent key', { StringNotEquals: { 'kms:ViaService': 'x' } }, 'Allow'],
    ['IfExists on an absent key', { StringEqualsIfExists: { 'kms:ViaService': 'x' } }, 'Allow'],
    ['a key name in another case', { StringEquals: { 'AWS:USERNAME': 'Alice' } }, 'Allow'],
    ['a policy variable that resolves', { StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/${aws:username}' } }, 'Allow'],
    ['two operators where one fails', { StringEquals: { 'aws:username': 'Alice' }, Bool: { 'aws:ViaAWSService': 'true' } }, 'ImplicitDeny'],
    ['Bool false on a direct call', { Bool: { 'aws:ViaAWSService': false } }, 'Allow'],
  ])('decides %s', (_name, condition, verdict) => {
    expect(decideWith(condition)).toBe(verdict)
  })

  it('fails a condition whose policy variable has no value for a role session', () => {
    const condition = { StringEquals: { 'kms:EncryptionContext:from': '${aws:username}' } }
    const session = 'arn:aws:sts::111122223333:assumed-role/R/jane'

    expect(decideWith(condition, { principal: session, encryptionContext: { from: 'jane' } })).toBe('ImplicitDeny')
    expect(decideWith(condition, { encryptionContext: { from: 'Alice' } })).toBe('Allow')
  })

  it('uses the default of a policy variable that has no value', () => {
    const condition = { StringEquals: { 'kms:EncryptionContext:team': "${aws:PrincipalTag/team, 'none'}" } }

    expect(decideWith(condition, { encryptionContext: { team: 'none' } })).toBe('Allow')
  })

  it.each([
    ['NumericLessThan', { NumericLessThan: { 'custom:count': '10' } }, '5', 'Allow'],
    ['NumericGreaterThanEquals', { NumericGreaterThanEquals: { 'custom:count': '10' } }, '5', 'ImplicitDeny'],
    ['a number compared with text', { NumericEquals: { 'custom:count': '10' } }, 'ten', 'ImplicitDeny'],
    ['DateLessThan with ISO dates', { DateLessThan: { 'custom:count': '2030-01-01T00:00:00Z' } }, '2026-01-01T00:00:00Z', 'Allow'],
    ['DateGreaterThan with epoch seconds', { DateGreaterThan: { 'custom:count': '1700000000' } }, '2020-01-01T00:00:00Z', 'ImplicitDeny'],
    ['IpAddress inside the block', { IpAddress: { 'custom:count': '203.0.113.0/24' } }, '203.0.113.9', 'Allow'],
    ['NotIpAddress inside the block', { NotIpAddress: { 'custom:count': '203.0.113.0/24' } }, '203.0.113.9', 'ImplicitDeny'],
    ['BinaryEquals on equal bytes', { BinaryEquals: { 'custom:count': 'QUJD' } }, 'QUJD', 'Allow'],
  ])('decides %s', (_name, condition, value, verdict) => {
    expect(decideWith(condition, { context: { 'custom:count': value } })).toBe(verdict)
  })

  it('matches ForAnyValue when one request value matches and ForAllValues only when all do', () => {
    const context = { 'custom:set': ['a', 'b'] }

    expect(decideWith({ 'ForAnyValue:StringEquals': { 'custom:set': ['a'] } }, { context })).toBe('Allow')
    expect(decideWith({ 'ForAllValues:StringEquals': { 'custom:set': ['a'] } }, { context })).toBe('ImplicitDeny')
    expect(decideWith({ 'ForAllValues:StringEquals': { 'custom:set': ['a', 'b', 'c'] } }, { context })).toBe('Allow')
  })
})

describe('evaluate on an alias resource', () => {
  const identity = (resource: string) => [
    { owner: who('alice'), policy: mustParse({ Statement: [{ Effect: 'Allow', Action: 'kms:CreateAlias', Resource: resource }] }, 'identity') },
  ]
  const alias = 'arn:aws:kms:us-west-2:111122223333:alias/orders'

  it('allows CreateAlias on the alias when an IAM policy names that alias', () => {
    const decision = evaluate({ principal: who('alice'), action: 'kms:CreateAlias', resource: alias, identityPolicies: identity(alias) })

    expect(decision.verdict).toBe('Allow')
  })

  it('denies CreateAlias on the alias when the IAM policy names another alias', () => {
    const other = 'arn:aws:kms:us-west-2:111122223333:alias/other'
    const decision = evaluate({ principal: who('alice'), action: 'kms:CreateAlias', resource: alias, identityPolicies: identity(other) })

    expect(decision.message).toContain(`on resource: ${alias} because no identity-based policy allows`)
  })
})
