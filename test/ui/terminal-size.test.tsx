import { render } from 'ink'
import { describe, expect, it } from 'vitest'
import { ScenarioSession } from '../../src/content/scenario-session'
import { App } from '../../src/ui/App'
import { createController } from '../../src/ui/controller/controller'
import { emptyProgress } from '../../src/ui/progress/progress'
import { initialAppState, toCatalog } from '../../src/ui/run-app'
import { createStore } from '../../src/ui/state/store'
import { course, fixture, keys } from './helpers/render-app'
import { KeyStdin, SizedStdout } from './helpers/sized-terminal'

async function renderSized(columns: number, rows: number) {
  const stdout = new SizedStdout(columns, rows)
  const stdin = new KeyStdin()
  const store = createStore(initialAppState(emptyProgress))
  const scenarios = new Map([[fixture.id, fixture]])
  const controller = createController({
    store,
    scenarios,
    startSession: (scenario) => ScenarioSession.start(scenario),
  })
  const options = {
    stdout,
    stdin,
    stderr: stdout,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  }
  render(<App store={store} controller={controller} />, options as never)
  store.dispatch({ type: 'course-loaded', lessons: toCatalog(course, [fixture]) })

  const settle = async () => {
    await new Promise((resolve) => setImmediate(resolve))
    await controller.idle()
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const press = async (...data: readonly string[]) => {
    for (const chunk of data) {
      stdin.write(chunk)
      await settle()
    }

    await settle()
  }
  await press()

  return { stdout, press }
}

function expectToFit(lines: readonly string[], columns: number, rows: number) {
  expect(lines.length).toBeLessThan(rows)
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns)
}

describe('terminal size', () => {
  it('fits 80×24 with a long exception on screen', async () => {
    const { stdout, press } = await renderSized(80, 24)
    expectToFit(stdout.lines(), 80, 24)
    await press(keys.enter, keys.right, keys.right, keys.right)

    expect(stdout.lines().join('\n')).toContain('✗ Denied by default')
    expect(stdout.lines().join('\n')).toContain('AccessDeniedException: User:')
    expect(stdout.lines().at(-1)).toContain('→ next')
    expectToFit(stdout.lines(), 80, 24)
  })

  it('stays within 60 columns, with the step and its outcome visible', async () => {
    const { stdout, press } = await renderSized(60, 24)
    await press(keys.enter, keys.right)

    expect(stdout.lines().join('\n')).toContain('✓ Allowed')
    expect(stdout.lines().join('\n')).toContain('▶ user/alice → Encrypt orders-key')
    expectToFit(stdout.lines(), 60, 24)
  })

  it('follows a resize of the terminal', async () => {
    const { stdout, press } = await renderSized(100, 30)
    await press(keys.enter)

    expect(Math.max(...stdout.lines().map((line) => [...line].length))).toBe(100)
    stdout.resize(64, 20)
    await press()

    expectToFit(stdout.lines(), 64, 20)
    expect(stdout.lines().at(-1)).toContain('→ next')
  })
})
