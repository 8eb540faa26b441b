import { describe, expect, it } from 'vitest'
import { keys, renderApp } from './helpers/render-app'

async function openScenario() {
  const app = await renderApp()
  await app.open()

  return app
}

describe('ScenarioScreen', () => {
  it('shows the first step before it runs', async () => {
    const app = await openScenario()

    expect(app.frame()).toContain('step 1/5')
    expect(app.frame()).toContain('Alice encrypts an order.')
    expect(app.frame()).toContain('▶ user/alice → Encrypt orders-key')
    expect(app.frame()).toContain('Press → to run this step.')
  })

  it('runs the step with → and shows the verdict and what decided it', async () => {
    const app = await openScenario()
    await app.press(keys.right)

    expect(app.frame()).toContain('✓ Allowed · decided by key-policy:AliceUsesTheKey · as expected')
  })

  it('shows the exception AWS would return, word for word', async () => {
    const app = await openScenario()
    await app.press(keys.right, keys.right, keys.right)
    const result = app.store.getState().scenario?.snapshot?.results.at(-1)

    expect(result?.error?.code).toBe('AccessDeniedException')
    expect(app.frame().replace(/[\s│]+/g, ' ')).toContain(
      `AccessDeniedException: ${result?.error?.message}`,
    )
  })

  it('takes the last step back with ← and b', async () => {
    const app = await openScenario()
    await app.press(keys.right, keys.right, keys.right, ' ')
    await app.press(keys.left)

    expect(app.frame()).toContain('step 2/5')
    await app.press('b')

    expect(app.frame()).toContain('step 1/5')
    expect(app.frame()).toContain('decided by key-policy:AliceUsesTheKey')
  })

  it('restarts the scenario with r', async () => {
    const app = await openScenario()
    await app.press(keys.right, 'r')

    expect(app.frame()).toContain('Press → to run this step.')
  })

  it('gives the step hints first, then the lesson hints, one per h', async () => {
    const app = await openScenario()
    await app.press(keys.right, keys.right, 'h')

    expect(app.frame()).toContain('Hint for this step 1/1: Look for a statement that names Bob.')
    await app.press('h')

    expect(app.frame()).toContain('Lesson hint 1/1: Grants name a grantee.')
    expect(app.frame()).not.toContain('Hint for this step')
  })

  it('switches panels with the number keys and tab', async () => {
    const app = await openScenario()
    await app.press(keys.right)

    expect(app.frame()).toContain('✓ Allow "AliceUsesTheKey": allows')
    await app.press('2')

    expect(app.frame()).toContain('No grant on orders-key took part in this decision.')
    await app.press('3')

    expect(app.frame()).toContain('Clock 2026-01-01 00:00 UTC')
    expect(app.frame()).toContain('orders-key Enabled alias/orders')
    expect(app.frame()).toMatch(/111122223333 users alice, bob/)
    await app.press(keys.tab)

    expect(app.frame()).toContain('CloudTrail · 1 event')
    expect(app.frame()).toContain('Encrypt orders-key → ok')
  })

  it('lists the grant that allowed a request', async () => {
    const app = await openScenario()
    await app.press(keys.right, keys.right, keys.right, keys.right, keys.right, '2')

    expect(app.frame()).toMatch(/✓ Allowed · decided by grant:[0-9a-f]{8}… · as expected/)
    expect(app.frame()).toContain('Grants on orders-key')
    expect(app.frame()).toMatch(/✓ grant .*: user\/bob may Decrypt/)
  })

  it('says the scenario is complete after the last step', async () => {
    const app = await openScenario()
    await app.press(keys.right, keys.right, keys.right, keys.right, keys.right, keys.right)

    expect(app.frame()).toContain('step 5/5')
    expect(app.frame()).toContain('✓ Done')
    expect(app.frame()).toContain('✓ Scenario complete.')
    expect(app.store.getState().progress.scenarios['ui-basics']?.completed).toBe(true)
  })

  it('says so when the scenario cannot start', async () => {
    const startSession = () => Promise.reject(new Error('Failed to set up key orders-key.'))
    const app = await renderApp({ startSession })
    await app.open()

    expect(app.frame()).toContain('The scenario could not start.')
    expect(app.frame()).toContain('Failed to set up key orders-key.')
    await app.press('q')

    expect(app.frame()).toContain('1. Reading with a grant')
  })

  it('returns Home with q', async () => {
    const app = await openScenario()
    await app.press(keys.right, 'q')

    expect(app.frame()).toContain('1. Reading with a grant')
    expect(app.frame()).toContain('1/5 steps')
  })
})
