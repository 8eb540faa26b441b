import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluate, parsePolicy, type AuthorizationRequest } from '../../src/policy'
import { keyArn, mustParse, who } from '../helpers/vector'

// Small pools keep generated statements likely to touch the request, so the
// properties are exercised on decisions that matter rather than on misses.
const principals = ['alice', 'bob', 'dave', 'rootA', 'rootB', 'roleR', 'sessionR', 'ec2.amazonaws.com']
const policyPrincipals = ['*', 'arn:aws:iam::111122223333:root', '111122223333', 'arn:aws:iam::444455556666:root', who('alice'), who('roleR'), who('dave')]
const actions = ['kms:Decrypt', 'kms:Encrypt', 'kms:CreateGrant', 'kms:DescribeKey', 'kms:ListKeys', 'kms:PutKeyPolicy', 'kms:RetireGrant']
const actionPatterns = [...actions, 'kms:*', 'kms:Describe*', 'kms:*crypt', 'KMS:DECRYPT', '*']
const conditions = [
  undefined,
  { StringEquals: { 'kms:CallerAccount': '111122223333' } },
  { StringEquals: { 'kms:EncryptionContext:app': 'orders' } },
  { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
  { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['app'] } },
  { StringNotEqualsIfExists: { 'kms:ViaService': 'ec2.us-west-2.amazonaws.com' } },
]

const statementArb = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Principal: fc.oneof(fc.constant('*'), fc.record({ AWS: fc.constantFrom(...policyPrincipals) })),
  Action: fc.subarray(actionPatterns, { minLength: 1 }),
  Resource: fc.constant('*'),
  Condition: fc.constantFrom(...conditions),
}).map(({ Condition, ...rest }) => (Condition ? { ...rest, Condition } : rest))

const identityStatementArb = statementArb.map(({ Principal: _principal, ...rest }) => ({
  ...rest,
  Resource: '*',
}))

const requestArb = fc.record({
  principal: fc.constantFrom(...principals),
  action: fc.constantFrom(...actions),
  withContext: fc.boolean(),
  viaService: fc.boolean(),
})

type Scenario = {
  readonly keyStatements: readonly unknown[]
  readonly identityStatements: readonly unknown[]
  readonly request: { principal: string; action: string; withContext: boolean; viaService: boolean }
}

const scenarioArb = fc.record({
  keyStatements: fc.array(statementArb, { minLength: 1, maxLength: 5 }),
  identityStatements: fc.array(identityStatementArb, { maxLength: 3 }),
  request: requestArb,
})

function toRequest(scenario: Scenario): AuthorizationRequest {
  const principal = who(scenario.request.principal)
  const identity = scenario.identityStatements.length > 0
    ? [{ owner: principal, policy: mustParse({ Statement: scenario.identityStatements }, 'identity') }]
    : []

  return {
    principal,
    action: scenario.request.action,
    key: {
      arn: keyArn,
      policy: mustParse({ Statement: scenario.keyStatements }, 'key'),
      grants: [{ grantId: 'g1', granteePrincipal: who('bob'), operations: ['Decrypt', 'CreateGrant'] }],
    },
    identityPolicies: identity,
    ...(scenario.request.withContext ? { encryptionContext: { app: 'orders' } } : {}),
    ...(scenario.request.viaService ? { context: { 'kms:ViaService': 'ec2.us-west-2.amazonaws.com' } } : {}),
  }
}

describe('evaluate properties', () => {
  it('never allows once a matching Deny is added', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        // Only an SCP can deny the root user an IAM-only action, and SCPs are not modelled.
        const root = scenario.request.principal.startsWith('root')
        fc.pre(!(root && scenario.request.action === 'kms:ListKeys'))
        const deny = { Effect: 'Deny', Action: scenario.request.action, Resource: '*' }
        const withKeyDeny = { ...scenario, keyStatements: [...scenario.keyStatements, { ...deny, Principal: '*' }] }
        const withBoth = { ...withKeyDeny, identityStatements: [...scenario.identityStatements, deny] }

        // The key-policy Deny alone is not enough for IAM-only actions, where key policies have no say.
        expect(evaluate(toRequest(withBoth)).verdict).not.toBe('Allow')
        if (!['kms:ListKeys'].includes(scenario.request.action)) {
          expect(evaluate(toRequest(withKeyDeny)).verdict).not.toBe('Allow')
        }
      }),
    )
  })

  it('keeps an Allow when another Allow statement is added', () => {
    fc.assert(
      fc.property(scenarioArb, statementArb, fc.boolean(), (scenario, extra, toIdentity) => {
        fc.pre(evaluate(toRequest(scenario)).verdict === 'Allow')
        const allow = { ...extra, Effect: 'Allow' }
        const { Principal: _principal, ...identityAllow } = allow
        const grown = toIdentity
          ? { ...scenario, identityStatements: [...scenario.identityStatements, identityAllow] }
          : { ...scenario, keyStatements: [...scenario.keyStatements, allow] }

        expect(evaluate(toRequest(grown)).verdict).toBe('Allow')
      }),
    )
  })

  it('reaches the same decision whatever the order of statements', () => {
    fc.assert(
      fc.property(scenarioArb, fc.infiniteStream(fc.nat()), (scenario, seeds) => {
        const shuffled = [...scenario.keyStatements]
          .map((statement) => ({ statement, order: seeds.next().value as number }))
          .sort((a, b) => a.order - b.order)
          .map(({ statement }) => statement)
        const before = evaluate(toRequest(scenario))
        const after = evaluate(toRequest({ ...scenario, keyStatements: shuffled }))

        expect(after.verdict).toBe(before.verdict)
        expect(after.decidedBy.length).toBe(before.decidedBy.length)
      }),
    )
  })

  it('never throws, whatever JSON it is given as a policy', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.record({ Statement: fc.array(fc.jsonValue()) })), (json) => {
        const parsed = parsePolicy(json, 'key')
        if (parsed.ok) {
          evaluate({ principal: who('alice'), action: 'kms:Decrypt', key: { arn: keyArn, policy: parsed.policy } })
        }
      }),
    )
  })

  it('never throws on generated statements with arbitrary condition values', () => {
    const wild = fc.record({
      Effect: fc.constantFrom('Allow', 'Deny'),
      Principal: fc.constant('*'),
      Action: fc.constant('kms:*'),
      Resource: fc.constant('*'),
      Condition: fc.dictionary(
        fc.constantFrom('StringLike', 'NumericLessThan', 'DateGreaterThan', 'IpAddress', 'ArnLike', 'Bool', 'BinaryEquals', 'Null'),
        fc.dictionary(fc.constantFrom('aws:username', 'kms:ViaService', 'custom:x'), fc.oneof(fc.string(), fc.array(fc.string()))),
      ),
    })

    fc.assert(
      fc.property(wild, fc.string(), (statement, value) => {
        const parsed = parsePolicy({ Statement: [statement] }, 'key')
        if (!parsed.ok) return

        evaluate({ principal: who('alice'), action: 'kms:Decrypt', key: { arn: keyArn, policy: parsed.policy }, context: { 'kms:ViaService': value, 'custom:x': value } })
      }),
    )
  })
})
