import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadScenarioFile } from '../../src/content/load-scenario'
import { ScenarioSession, runScenario } from '../../src/content/run-scenario'

const fixture = (name: string) => {
  const loaded = loadScenarioFile(join('test', 'fixtures', 'runner', name))
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues))

  return loaded.scenario
}

describe('runScenario', () => {
  it('meets every expectation of a scenario that is right about KMS', async () => {
    const run = await runScenario(fixture('grant-and-deny.yaml'))

    expect(run.results.map((result) => result.unmet)).toEqual(run.results.map(() => []))
    expect(run.results.map((result) => result.status)).toEqual(['allowed', 'denied', 'allowed', 'allowed', 'allowed', 'failed', 'allowed', 'allowed'])
    expect(run.passed).toBe(true)
  })

  it('names the unmet expectation when a scenario is wrong about KMS', async () => {
    const scenario = fixture('grant-and-deny.yaml')
    const wrong = { ...scenario, steps: [scenario.steps[0]!, { ...scenario.steps[1]!, expect: { outcome: 'allowed' as const } }] }
    const run = await runScenario(wrong)

    expect(run.passed).toBe(false)
    expect(run.results[1]?.unmet).toEqual(['expected the request to be allowed, but it was denied'])
  })

  it('explains a denial with the engine decision and AWS message', async () => {
    const run = await runScenario(fixture('grant-and-deny.yaml'))
    const denied = run.results[1]!

    expect(denied.decision?.verdict).toBe('ImplicitDeny')
    expect(denied.error?.message).toContain('is not authorized to perform: kms:Decrypt')
  })
})

describe('ScenarioSession', () => {
  it('mints the same grant ID when a step is taken back and run again', async () => {
    const session = await ScenarioSession.start(fixture('grant-and-deny.yaml'))
    for (let i = 0; i < 3; i++) await session.next()
    const first = session.results[2]?.output

    session.back()
    expect(session.position).toBe(2)
    await session.next()

    expect(session.results[2]?.output).toEqual(first)
  })

  it('returns the world to its setup state on restart', async () => {
    const session = await ScenarioSession.start(fixture('grant-and-deny.yaml'))
    const before = session.state
    await session.next()
    await session.next()
    session.restart()

    expect(session.position).toBe(0)
    expect(session.state).toBe(before)
  })
})
