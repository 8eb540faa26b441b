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
