import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runReplayCommand } from '../../src/cli/replay-command'
import { capture } from '../helpers/capture'

const fixture = (name: string) => join('test', 'fixtures', name)

describe('runReplayCommand', () => {
  it('exits 0 with a transcript when a shipped scenario meets every expectation', async () => {
    const { code, stdout } = await capture(() => runReplayCommand('key-states', {}))

    expect(code).toBe(0)
    expect(stdout).toContain('Step 1/')
    expect(stdout).toMatch(/All \d+ steps behaved as the scenario expects/)
  })

  it('exits 1 and says which step and why when an expectation fails', async () => {
    const { code, stdout } = await capture(() => runReplayCommand(fixture('runner/wrong-expectation.yaml'), {}))

    expect(code).toBe(1)
    expect(stdout).toContain('✗ expected the request to be allowed, but it was denied')
  })

  it('exits 2 naming file and line for a broken scenario file', async () => {
    const { code, stderr } = await capture(() => runReplayCommand(fixture('scenarios/bad-yaml.yaml'), {}))

    expect(code).toBe(2)
    expect(stderr).toMatch(/bad-yaml\.yaml:\d+:\d+/)
  })

  it('exits 2 listing the shipped scenarios for an unknown name', async () => {
    const { code, stderr } = await capture(() => runReplayCommand('no-such-scenario', {}))

    expect(code).toBe(2)
    expect(stderr).toContain('Shipped scenarios: ')
  })

  it('writes one JSON object per step with --json', async () => {
    const { stdout } = await capture(() => runReplayCommand('key-states', { json: true }))
    const steps = stdout.trim().split('\n').map((line) => JSON.parse(line) as { step: number; scenario: string })

    expect(steps.map((step) => step.step)).toEqual(steps.map((_, i) => i + 1))
    expect(steps[0]?.scenario).toBe('key-states')
  })

  it('writes a Markdown handout with --markdown', async () => {
    const { stdout } = await capture(() => runReplayCommand('key-states', { markdown: true }))

    expect(stdout).toMatch(/^# /)
    expect(stdout).toContain('## Step 1:')
  })

  it('prints no colour codes when the output is not a terminal', async () => {
    const { stdout } = await capture(() => runReplayCommand('key-states', {}))

    expect(stdout).not.toContain('\u001b[')
  })
})

describe('runReplayCommand on a setup AWS would refuse', () => {
  it('exits 2 naming the policy and where it is, without a stack trace', async () => {
    const { code, stderr } = await capture(() => runReplayCommand(fixture('runner/bad-identity-policy.yaml'), {}))

    expect(code).toBe(2)
    expect(stderr).toContain('/setup/accounts/0/users/0/policies/WithPrincipal: IAM refused the policy WithPrincipal of user alice')
    expect(stderr).not.toContain('    at ')
  })
})
