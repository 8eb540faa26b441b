import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFreePlayCommand } from '../../src/content/free-play'
import { loadScenarioFile, loadScenarioText } from '../../src/content/load-scenario'
import { ScenarioSession, runScenario } from '../../src/content/run-scenario'
import { toScenarioYaml } from '../../src/content/save-scenario'

const loaded = loadScenarioFile(join('test', 'fixtures', 'runner', 'grant-and-deny.yaml'))
if (!loaded.ok) throw new Error('fixture does not load')
const scenario = loaded.scenario

describe('parseFreePlayCommand', () => {
  it('reads a KMS call with a positional key and a map field', () => {
    const parsed = parseFreePlayCommand('as alice encrypt orders-key Plaintext=hi EncryptionContext.dept=it', scenario)

    expect(parsed).toMatchObject({
      ok: true,
      step: { as: 'user/alice', do: { kind: 'kms', kms: 'Encrypt', args: { KeyId: 'orders-key', Plaintext: 'hi', EncryptionContext: { dept: 'it' } } } },
    })
  })

  it('splits a list field on commas', () => {
    const parsed = parseFreePlayCommand('as alice CreateGrant orders-key GranteePrincipal=user/carol Operations=Decrypt,Encrypt', scenario)

    expect(parsed.ok && parsed.step.do).toMatchObject({ args: { Operations: ['Decrypt', 'Encrypt'] } })
  })

  it('suggests the operation meant when one is misspelt', () => {
    expect(parseFreePlayCommand('as alice Decrpyt', scenario)).toMatchObject({ ok: false, message: expect.stringContaining('Decrypt') })
  })

  it('refuses an actor that setup does not declare', () => {
    expect(parseFreePlayCommand('as mallory Decrypt', scenario)).toMatchObject({ ok: false, message: expect.stringContaining('mallory') })
  })

  it('reads a clock advance', () => {
    expect(parseFreePlayCommand('advance 7 days', scenario)).toMatchObject({ ok: true, step: { do: { kind: 'clock', args: { days: 7 } } } })
  })
})

describe('free play in a session', () => {
  it('runs a step outside the scenario and takes it back', async () => {
    const session = await ScenarioSession.start(scenario)
    const parsed = parseFreePlayCommand('as carol DescribeKey orders-key', scenario)
    if (!parsed.ok) throw new Error(parsed.message)

    const result = await session.runExtra(parsed.step)
    expect(result).toMatchObject({ status: 'denied', extra: true })
    expect(session.position).toBe(0)

    session.back()
    expect(session.results).toEqual([])
  })

  it('saves a played session as a scenario that replays green', async () => {
    const session = await ScenarioSession.start(scenario)
    await session.next()
    const parsed = parseFreePlayCommand('as carol DescribeKey orders-key', scenario)
    if (!parsed.ok) throw new Error(parsed.message)
    await session.runExtra(parsed.step)

    const saved = loadScenarioText(toScenarioYaml(session), 'saved.yaml')
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues))
    const run = await runScenario(saved.scenario)

    expect(run.results.map((result) => result.status)).toEqual(['allowed', 'denied'])
    expect(run.passed).toBe(true)
  })
})

describe('free play results', () => {
  it('names each free-play step so a later one can decrypt what an earlier one encrypted', async () => {
    const session = await ScenarioSession.start(scenario)
    const encrypt = parseFreePlayCommand('as alice Encrypt orders-key Plaintext=hello', scenario)
    if (!encrypt.ok) throw new Error(encrypt.message)
    const sealed = await session.runExtra(encrypt.step)
    expect(sealed.step.id).toBe('play-1')

    const decrypt = parseFreePlayCommand('as alice Decrypt CiphertextBlob=$steps.play-1.CiphertextBlob', scenario)
    if (!decrypt.ok) throw new Error(decrypt.message)
    const opened = await session.runExtra(decrypt.step)

    expect(opened.status).toBe('allowed')
    expect(opened.step.id).toBe('play-2')
  })
})
