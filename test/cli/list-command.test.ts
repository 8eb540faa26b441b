import { describe, expect, it } from 'vitest'
import { runListCommand } from '../../src/cli/list-command'
import { capture } from '../helpers/capture'

describe('runListCommand', () => {
  it('lists every lesson in course order with its scenarios', async () => {
    const { code, stdout } = await capture(() => runListCommand())

    expect(code).toBe(0)
    expect(stdout).toMatch(/^1\. /)
    expect(stdout).toContain('default-policy-needs-iam')
    expect(stdout).toContain('envelope-encryption')
  })
})
