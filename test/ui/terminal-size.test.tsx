import { render } from 'ink'
import { describe, expect, it } from 'vitest'
import { ScenarioSession } from '../../src/content/scenario-session'
import { App } from '../../src/ui/App'
import { createController } from '../../src/ui/controller/controller'
import { emptyProgress } from '../../src/ui/progress/progress'
import { initialAppState, toCatalog } from '../../src/ui/run-app'
import { createStore } from '../../src/ui/state/store'
import { course, fixture, keys, readFixtureLesson } from './helpers/render-app'
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
    readLesson: readFixtureLesson,
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
    await press(keys.enter, keys.enter, keys.right, keys.right, keys.right)

    expect(stdout.lines().join('\n')).toContain('✗ Denied by default')
    expect(stdout.lines().join('\n')).toContain('AccessDeniedException: User:')
    expect(stdout.lines().at(-1)).toContain('→ next')
    expect(stdout.lines().at(-1)).toContain('q home')
    expectToFit(stdout.lines(), 80, 24)
  })

  it('stays within 60 columns, with the step and its outcome visible', async () => {
    const { stdout, press } = await renderSized(60, 24)
    await press(keys.enter, keys.enter, keys.right)

    expect(stdout.lines().join('\n')).toContain('✓ Allowed')
    expect(stdout.lines().join('\n')).toContain('▶ user/alice → Encrypt orders-key')
    expectToFit(stdout.lines(), 60, 24)
  })

  it('keeps the step counter, the scenario title and the way out at 60 columns in predict mode', async () => {
    const { stdout, press } = await renderSized(60, 24)
    await press(keys.enter, keys.enter, 'p', keys.right, 'a', keys.enter)

    expect(stdout.lines()[0]).toMatch(/^step 1\/5 · Bob reads Alice's order/)
    expect(stdout.lines()[0]).toContain('predict · score')
    expect(stdout.lines().at(-1)).toMatch(/^→ next .*\? help  q home$/)
    expectToFit(stdout.lines(), 60, 24)
  })

  it('wraps a long reason in the policy panel instead of cutting it', async () => {
    const { stdout, press } = await renderSized(60, 24)
    await press(keys.enter, keys.enter, keys.right, keys.right, keys.right)
    const screen = stdout.lines().join('\n')

    expect(screen).toContain('· Allow "AliceUsesTheKey":')
    expect(screen.replace(/\s+/g, ' ')).toContain(
      'does not name arn:aws:iam::111122223333:user/bob, its account or *',
    )
    // Only the title may be cut, at its lesson part.
    expect(stdout.lines().slice(1).join('\n')).not.toContain('…')
    expectToFit(stdout.lines(), 60, 24)
  })

  it('lays the help out in rows that stay apart at 40×12, and scrolls it', async () => {
    const { stdout, press } = await renderSized(40, 12)
    await press('?')
    const first = stdout.lines()

    expectToFit(first, 40, 12)
    expect(first.join('\n')).toContain('Home')
    expect(first.join('\n')).toMatch(/↑ ↓  enter +│/)
    expect(first.join('\n')).toMatch(/choose; enter opens a lesson or a/)
    expect(first.join('\n')).toContain('↑↓ 1–8/')
    await press(keys.down, keys.down)

    expect(stdout.lines().join('\n')).toContain('↑↓ 3–10/')
    await press('\u001B[F')

    expect(stdout.lines().join('\n')).toContain('ctrl+c')
    expectToFit(stdout.lines(), 40, 12)
  })

  it('follows a resize of the terminal', async () => {
    const { stdout, press } = await renderSized(100, 30)
    await press(keys.enter, keys.enter)

    expect(Math.max(...stdout.lines().map((line) => [...line].length))).toBe(100)
    stdout.resize(64, 20)
    await press()

    expectToFit(stdout.lines(), 64, 20)
    expect(stdout.lines().at(-1)).toContain('→ next')
  })
})
