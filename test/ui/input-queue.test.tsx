import { describe, expect, it } from 'vitest'
import { ScenarioSession } from '../../src/content/scenario-session'
import type { Scenario } from '../../src/content/scenario-schema'
import { fixture, keys, renderApp } from './helpers/render-app'

/** Sessions whose steps take a while, so that keys arrive while one runs. */
async function slowSession(scenario: Scenario): Promise<ScenarioSession> {
  const session = await ScenarioSession.start(scenario)
  const next = session.next.bind(session)
  session.next = async () => {
    await new Promise((resolve) => setTimeout(resolve, 15))

    return next()
  }

  return session
}

describe('the input queue', () => {
  it('runs exactly five steps in order when → arrives five times at once', async () => {
    const steps = fixture.steps.map(({ predict: _predict, ...step }) => step)
    const app = await renderApp({ startSession: slowSession, scenario: { ...fixture, steps } })
    await app.open()
    // One chunk, as when a key repeats faster than a step runs.
    await app.press(keys.right.repeat(5))

    const results = app.store.getState().scenario?.snapshot?.results ?? []
    expect(results.map((result) => result.index)).toEqual([0, 1, 2, 3, 4])
    expect(results.map((result) => result.status)).toEqual([
      'allowed',
      'denied',
      'allowed',
      'allowed',
      'done',
    ])
    expect(app.frame()).toContain('step 5/5')
  })

  it('spends one → on showing the outcome of a step that asks', async () => {
    const app = await renderApp({ startSession: slowSession })
    await app.open()
    await app.press(keys.right.repeat(5))

    expect(app.store.getState().scenario?.snapshot?.results).toHaveLength(4)
  })

  it('reads a key typed while a step runs against the state that step leaves', async () => {
    const app = await renderApp({ startSession: slowSession })
    await app.open()
    // The second → opens the question; d must answer it, not be lost or read before it.
    await app.press(`${keys.right}${keys.right}d`)

    expect(app.frame()).toContain('Which statement or grant decides?')
  })

  it('types pasted text into the free-play prompt in one piece', async () => {
    const app = await renderApp()
    await app.open()
    await app.press(':advance 2 days\r')

    expect(app.frame()).toContain('Free play')
    expect(app.store.getState().scenario?.snapshot?.state.now).toBe('2026-01-03T00:00:00.000Z')
  })

  it('quits on Ctrl+C even while a step runs', async () => {
    const app = await renderApp({ startSession: slowSession })
    await app.open()
    app.stdin.write(keys.right)
    app.stdin.write('\u0003')

    expect(app.store.getState().quitting).toBe(true)
    expect(app.store.getState().interrupted).toBe(true)
  })
})
