import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseFreePlayCommand } from '../../src/content/free-play'
import { toScenarioYaml } from '../../src/content/save-scenario'
import { ScenarioSession } from '../../src/content/scenario-session'
import { fixture } from '../ui/helpers/render-app'
import { buildIfStale, cli } from './build'

// A free-play session saved with `save`, then replayed by the built command
// line as a learner would: every expectation written must hold.
describe('a saved free-play session', () => {
  beforeAll(buildIfStale, 180_000)

  it('replays green with kms-sandbox replay <file>', async () => {
    const session = await ScenarioSession.start(fixture)
    await session.next()
    await session.next()
    for (const command of [
      'as alice Encrypt Plaintext=no-key-named',
      'as bob Encrypt orders-key Plaintext=hi',
      'as alice Decrypt CiphertextBlob=not-a-ciphertext',
      'as alice Encrypt nothing-key Plaintext=hi',
      'advance 2 days',
    ]) {
      const parsed = parseFreePlayCommand(command, fixture)
      if (!parsed.ok) throw new Error(parsed.message)
      await session.runExtra(parsed.step)
    }

    const file = join(mkdtempSync(join(tmpdir(), 'kms-sandbox-save-')), 'my-run.yaml')
    writeFileSync(file, toScenarioYaml(session, { id: 'my-run' }))
    const run = spawnSync('node', [cli, 'replay', file], { encoding: 'utf8' })

    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('ValidationException')

    const saved = parse(readFileSync(file, 'utf8')) as {
      id: string
      steps: { expect?: Record<string, unknown> }[]
    }
    expect(saved.id).toBe('my-run')
    // The request named no key: it was never authorized, so only its error is expected.
    expect(saved.steps[2]?.expect).toEqual({ error: 'ValidationException' })
    expect(saved.steps[3]?.expect).toEqual({ outcome: 'denied' })
  }, 60_000)
})
