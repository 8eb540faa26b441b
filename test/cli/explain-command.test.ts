import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runExplainCommand } from '../../src/cli/explain-command'
import { capture } from '../helpers/capture'

const keyPolicy = join('test', 'fixtures', 'check', 'key-policy.json')

describe('runExplainCommand', () => {
  it('explains an Allow for the user the key policy names', async () => {
    const { code, stdout } = await capture(() =>
      runExplainCommand({ keyPolicy, principal: 'arn:aws:iam::111122223333:user/ExampleUser', action: 'kms:Decrypt' }),
    )

    expect(code).toBe(0)
    expect(stdout).toContain('Allowed')
  })

  it('explains a deny with the AccessDeniedException text', async () => {
    const { code, stdout } = await capture(() =>
      runExplainCommand({ keyPolicy, principal: 'arn:aws:iam::111122223333:user/Other', action: 'kms:Decrypt' }),
    )

    expect(code).toBe(1)
    expect(stdout).toContain('because no resource-based policy allows the kms:Decrypt action')
  })

  it('exits 2 naming the file and line of a malformed policy', async () => {
    const { code, stderr } = await capture(() =>
      runExplainCommand({ keyPolicy: join('test', 'fixtures', 'check', 'syntax-error.json'), principal: 'x', action: 'kms:Decrypt' }),
    )

    expect(code).toBe(2)
    expect(stderr).toMatch(/syntax-error\.json:5:1/)
  })

  it('exits 2 on a context flag without a value', async () => {
    const { code, stderr } = await capture(() =>
      runExplainCommand({ keyPolicy, principal: 'x', action: 'kms:Decrypt', context: ['kms:ViaService'] }),
    )

    expect(code).toBe(2)
    expect(stderr).toContain('--context expects KEY=VALUE')
  })
})

describe('runExplainCommand input checks', () => {
  const other = 'arn:aws:iam::111122223333:user/Other'
  const run = (options: Record<string, unknown>) =>
    capture(() => runExplainCommand({ keyPolicy, principal: other, action: 'kms:Decrypt', ...options }))

  it('exits 2 when the principal is not a principal ARN', async () => {
    const { code, stderr } = await run({ principal: 'alice' })

    expect(code).toBe(2)
    expect(stderr).toContain('--principal "alice" is not a principal')
  })

  it('exits 2 suggesting the action meant when it is misspelt', async () => {
    const { code, stderr } = await run({ action: 'kms:Decyrpt' })

    expect(code).toBe(2)
    expect(stderr).toContain('kms:Decrypt')
  })

  it('exits 2 when the key ARN is an alias', async () => {
    const { code, stderr } = await run({ keyArn: 'arn:aws:kms:us-west-2:111122223333:alias/app' })

    expect(code).toBe(2)
    expect(stderr).toContain('is not a key ARN')
  })

  it('exits 2 when an identity policy is attached to someone other than the caller', async () => {
    const { code, stderr } = await run({ identityPolicy: [`arn:aws:iam::111122223333:user/Bob=${join('test', 'fixtures', 'check', 'iam-decrypt.json')}`] })

    expect(code).toBe(2)
    expect(stderr).toContain('but the caller is')
  })

  it('reads a grant as aws kms list-grants prints it', async () => {
    const { code, stdout } = await run({ grant: [join('test', 'fixtures', 'check', 'grant-aws-shape.json')] })

    expect(code).toBe(0)
    expect(stdout).toContain('grant:0c237476')
  })

  it('exits 2 naming file, line and field for a grant operation written with kms:', async () => {
    const { code, stderr } = await run({ grant: [join('test', 'fixtures', 'check', 'grant-bad-operation.json')] })

    expect(code).toBe(2)
    expect(stderr).toMatch(/grant-bad-operation\.json:4:\d+ operations\[0\]: expected a grant operation/)
  })
})

describe('runExplainCommand warnings', () => {
  it('warns about a kms action that names no KMS permission, with the one meant', async () => {
    const { code, stdout } = await capture(() =>
      runExplainCommand({ keyPolicy: join('test', 'fixtures', 'check', 'typo-policy.json'), principal: 'arn:aws:iam::111122223333:user/Other', action: 'kms:Decrypt' }),
    )

    expect(code).toBe(1)
    expect(stdout).toContain('key-policy:Typo lists kms:Decyrpt, which is not a KMS permission; did you mean kms:Decrypt?')
  })
})

describe('runExplainCommand grant keys', () => {
  it('exits 2 when a list-grants grant is on another key', async () => {
    const { code, stderr } = await capture(() =>
      runExplainCommand({ keyPolicy, principal: 'arn:aws:iam::111122223333:user/Other', action: 'kms:Decrypt', grant: [join('test', 'fixtures', 'check', 'grant-other-key.json')] }),
    )

    expect(code).toBe(2)
    expect(stderr).toContain('grant abc123 is on arn:aws:kms:us-west-2:111122223333:key/ffffffff')
  })
})
