import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCheckCommand } from '../../src/cli/check-command'
import { capture } from '../helpers/capture'

const fixture = (name: string) => join('test', 'fixtures', 'check', name)
const shared = join('..', 'shared', 'cases', '05-key-policy-names-user-no-iam-needed.json')

describe('runCheckCommand', () => {
  it('exits 0 and prints PASS when every file matches', async () => {
    const { code, stdout } = await capture(() => runCheckCommand([shared], {}))

    expect(code).toBe(0)
    expect(stdout).toContain('PASS')
    expect(stdout).toContain('1 passed, 0 failed')
  })

  it('exits 1 and names the mismatch when a decision differs', async () => {
    const { code, stdout } = await capture(() => runCheckCommand([fixture('wrong-expectation.json')], {}))

    expect(code).toBe(1)
    expect(stdout).toContain('decision: expected ImplicitDeny, got Allow')
  })

  it('exits 2 with file, line and column on a JSON syntax error', async () => {
    const { code, stdout } = await capture(() => runCheckCommand([fixture('syntax-error.json')], {}))

    expect(code).toBe(2)
    expect(stdout).toMatch(/syntax-error\.json:5:1: invalid JSON/)
  })

  it('exits 2 naming every schema and policy problem', async () => {
    const { code, stdout } = await capture(() => runCheckCommand([fixture('bad-policy.json')], {}))

    expect(code).toBe(2)
    expect(stdout).toContain('request.action')
  })

  it('exits 2 when a file does not exist', async () => {
    const { code, stdout } = await capture(() => runCheckCommand(['nope.json'], {}))

    expect(code).toBe(2)
    expect(stdout).toContain('Failed to read nope.json: no such file')
  })

  it('reports the key-state exception after an Allow', async () => {
    const { code, stdout } = await capture(() => runCheckCommand([fixture('disabled-key.json')], {}))

    expect(code).toBe(0)
    expect(stdout).toContain('then DisabledException')
  })

  it('prints each statement with --explain', async () => {
    const { stdout } = await capture(() => runCheckCommand([shared], { explain: true }))

    expect(stdout).toContain('key-policy:#0 (Allow): allows')
  })

  it('prints parseable results with --json', async () => {
    const { stdout } = await capture(() => runCheckCommand([shared, fixture('wrong-expectation.json')], { json: true }))
    const results = JSON.parse(stdout) as { status: string; by: string[] }[]

    expect(results.map((result) => result.status)).toEqual(['pass', 'fail'])
    expect(results[0]?.by).toEqual(['key-policy:#0'])
  })
})
