import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../src/policy'

const statement = { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kms:*', Resource: '*' }

describe('parsePolicy', () => {
  it('accepts Statement as a single object', () => {
    const parsed = parsePolicy({ Version: '2012-10-17', Statement: statement }, 'key')

    expect(parsed.ok && parsed.policy.statements).toHaveLength(1)
  })

  it('reports line and column of a JSON syntax error', () => {
    const parsed = parsePolicy('{\n  "Version": "2012-10-17",\n  "Statement": [,]\n}', 'key')

    expect(parsed).toMatchObject({ ok: false, error: { code: 'MalformedPolicyDocumentException', position: { line: 3, column: 17 } } })
  })

  it('names the JSON path and line of a bad Effect', () => {
    const text = JSON.stringify({ Statement: [statement, { ...statement, Effect: 'Permit' }] }, null, 2)
    const parsed = parsePolicy(text, 'key')

    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error.path).toBe('Statement[1].Effect')
    expect(parsed.error.message).toContain('"Permit"')
    expect(parsed.error.position?.line).toBeGreaterThan(8)
  })

  it('refuses a key policy statement without a principal, as AWS words it', () => {
    const { Principal: _omitted, ...noPrincipal } = statement
    const parsed = parsePolicy({ Statement: [noPrincipal] }, 'key')

    expect(parsed).toMatchObject({ ok: false, error: { message: 'Policy contains a statement with no principal.' } })
  })

  it('refuses a Principal in an identity policy', () => {
    expect(parsePolicy({ Statement: [statement] }, 'identity').ok).toBe(false)
  })

  it('refuses a key policy over 32 KB with LimitExceededException', () => {
    const big = JSON.stringify({ Statement: [{ ...statement, Sid: 'x'.repeat(33_000) }] })

    expect(parsePolicy(big, 'key')).toMatchObject({ ok: false, error: { code: 'LimitExceededException' } })
  })

  it('refuses an unknown condition operator', () => {
    const parsed = parsePolicy({ Statement: [{ ...statement, Condition: { StringEqualz: { 'kms:ViaService': 'x' } } }] }, 'key')

    expect(parsed).toMatchObject({ ok: false, error: { path: 'Statement[0].Condition.StringEqualz' } })
  })

  it('refuses ForAllValues on a single-valued encryption-context key', () => {
    const condition = { 'ForAllValues:StringEquals': { 'kms:EncryptionContext:app': 'x' } }
    const parsed = parsePolicy({ Statement: [{ ...statement, Condition: condition }] }, 'key')

    expect(parsed).toMatchObject({ ok: false, error: { message: expect.stringContaining('OverlyPermissiveCondition') } })
  })

  it('refuses an IAM group as a principal', () => {
    const parsed = parsePolicy({ Statement: [{ ...statement, Principal: { AWS: 'arn:aws:iam::111122223333:group/admins' } }] }, 'key')

    expect(parsed).toMatchObject({ ok: false, error: { message: 'Policy contains a statement with one or more invalid principals.' } })
  })

  it('accepts a statement without Resource, which then applies to nothing', () => {
    const { Resource: _omitted, ...noResource } = statement

    expect(parsePolicy({ Statement: [noResource] }, 'key').ok).toBe(true)
  })

  it('refuses both Action and NotAction in one statement', () => {
    expect(parsePolicy({ Statement: [{ ...statement, NotAction: 'kms:Decrypt' }] }, 'key').ok).toBe(false)
  })

  it('refuses an unsupported top-level field', () => {
    expect(parsePolicy({ Statement: [statement], Statment: [] }, 'key')).toMatchObject({ ok: false, error: { path: 'Statment' } })
  })

  it('never throws on values that are not policies', () => {
    for (const input of [null, 3, 'not json', [], { Statement: 'x' }, { Statement: [null] }]) {
      expect(parsePolicy(input, 'key').ok).toBe(false)
    }
  })
})

describe('parsePolicy NotPrincipal', () => {
  const notPrincipal = { NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/Alice' }, Action: 'kms:*', Resource: '*' }

  it('refuses NotPrincipal in an Allow statement, which IAM does not support', () => {
    expect(parsePolicy({ Statement: [{ Effect: 'Allow', ...notPrincipal }] }, 'key')).toMatchObject({
      ok: false,
      error: { path: 'Statement[0].NotPrincipal' },
    })
  })

  it('accepts NotPrincipal in a Deny statement', () => {
    expect(parsePolicy({ Statement: [{ Effect: 'Deny', ...notPrincipal }] }, 'key').ok).toBe(true)
  })
})

describe('parsePolicy Sids in IAM policies', () => {
  const allow = { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }

  it('refuses a Sid with spaces in an identity policy but accepts it in a key policy', () => {
    expect(parsePolicy({ Statement: [{ ...allow, Sid: 'Read keys' }] }, 'identity')).toMatchObject({ ok: false, error: { path: 'Statement[0].Sid' } })
    expect(parsePolicy({ Statement: [{ ...allow, Sid: 'Read keys', Principal: '*' }] }, 'key').ok).toBe(true)
  })

  it('refuses the same Sid twice in an identity policy', () => {
    const parsed = parsePolicy({ Statement: [{ ...allow, Sid: 'A' }, { ...allow, Sid: 'A' }] }, 'identity')

    expect(parsed).toMatchObject({ ok: false, error: { path: 'Statement[1].Sid', message: 'Statement IDs (SID) in a single policy must be unique.' } })
  })
})

describe('lintPolicy', () => {
  it('flags a misspelt kms action and leaves wildcards and real actions alone', async () => {
    const { lintPolicy } = await import('../../src/policy')
    const parsed = parsePolicy({ Statement: [{ Sid: 'S', Effect: 'Allow', Principal: '*', Action: ['kms:Decyrpt', 'kms:Get*', 'kms:Encrypt', 's3:GetObject'], Resource: '*' }] }, 'key')
    if (!parsed.ok) throw new Error(parsed.error.message)

    expect(lintPolicy(parsed.policy)).toEqual([{ statement: 'S', kind: 'unknown-kms-action', action: 'kms:Decyrpt', suggestion: 'kms:Decrypt' }])
  })
})

describe('parsePolicy principals with wildcards', () => {
  it('refuses a wildcard inside a principal ARN, as an invalid principal', () => {
    const parsed = parsePolicy({ Statement: [{ ...statement, Principal: { AWS: 'arn:aws:iam::111122223333:user/*' } }] }, 'key')

    expect(parsed).toMatchObject({ ok: false, error: { message: 'Policy contains a statement with one or more invalid principals.' } })
  })
})
