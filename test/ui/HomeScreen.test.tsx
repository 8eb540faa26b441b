import { describe, expect, it } from 'vitest'
import { emptyProgress } from '../../src/ui/progress/progress'
import { keys, renderApp } from './helpers/render-app'

describe('HomeScreen', () => {
  it('lists the lessons in course order with their scenarios', async () => {
    const app = await renderApp()

    const frame = app.frame()

    expect(frame.indexOf('1. Reading with a grant')).toBeGreaterThan(0)
    expect(frame.indexOf("Bob reads Alice's order")).toBeGreaterThan(frame.indexOf('1. Reading'))
    expect(frame.indexOf('2. A later lesson')).toBeGreaterThan(
      frame.indexOf("Bob reads Alice's order"),
    )
    expect(app.frame()).toContain('0/1 done')
  })

  it('shows a loading line before the course is read', async () => {
    const app = await renderApp({ loaded: false })

    expect(app.frame()).toContain('Loading the course…')
  })

  it('marks completed scenarios and shows the prediction score', async () => {
    const scenarios = { 'ui-basics': { completed: true, step: 0, points: 2, possible: 2 } }
    const app = await renderApp({ progress: { ...emptyProgress, scenarios } })

    expect(app.frame()).toContain('1/1 done · score 2/2')
    expect(app.frame()).toContain('✓ Bob reads')
    expect(app.frame()).toContain('2/2 pts')
  })

  it('shows the summary of the scenario under the cursor', async () => {
    const app = await renderApp()
    await app.press(keys.down)

    expect(app.frame()).toMatch(/❯ +· Bob reads/)
    expect(app.frame()).toContain('Alice encrypts, Bob is refused')
  })

  it('opens a lesson at its text, and its first unfinished scenario with enter again', async () => {
    const app = await renderApp()
    await app.press(keys.enter)

    expect(app.frame()).toContain('Lesson 1 · Reading with a grant')
    expect(app.frame()).toContain('A key policy names who may use the key.')
    await app.press(keys.enter)

    expect(app.frame()).toContain("step 1/5 · Bob reads Alice's order through a grant")
    expect(app.frame()).toContain('Alice encrypts an order.')
  })

  it('reports a damaged progress file in one line', async () => {
    const app = await renderApp({
      notice: 'Progress file was damaged; set aside as progress.json.damaged-1, starting afresh.',
    })

    expect(app.frame()).toContain('set aside as progress.json.damaged-1')
  })

  it('quits with q and leaves an empty frame', async () => {
    const app = await renderApp()
    await app.press('q')

    expect(app.store.getState().quitting).toBe(true)
    expect(app.store.getState().interrupted).toBe(false)
    // Under CI=true ink ends its last frame with a newline; either way nothing is drawn.
    expect(app.frame().trim()).toBe('')
  })
})
