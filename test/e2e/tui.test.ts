import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildIfStale, cli } from './build'

// Drives the built program in a real pseudo-terminal: tmux gives it a TTY of
// 80×24, sends keys, and reads the screen back.
const hasTmux = spawnSync('tmux', ['-V']).status === 0
const socket = `kms-sandbox-e2e-${process.pid}`
const session = 'tui'

describe('kms-sandbox without a terminal', () => {
  beforeAll(buildIfStale, 180_000)

  it('points to replay and list and exits 2', () => {
    const run = spawnSync('node', [cli], { input: '', encoding: 'utf8' })

    expect(run.status).toBe(2)
    expect(run.stderr).toContain('kms-sandbox replay <scenario>')
    expect(run.stderr).toContain('kms-sandbox list')
  })
})

// CI installs tmux; without it this part is skipped, and its title says why.
const inTerminal = `kms-sandbox in a terminal${hasTmux ? '' : ' (skipped: tmux is not on PATH)'}`

describe.skipIf(!hasTmux)(inTerminal, () => {
  const home = mkdtempSync(join(tmpdir(), 'kms-sandbox-e2e-'))

  beforeAll(buildIfStale, 180_000)
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server'])
  })

  it('opens a scenario, steps through it to the end, and quits', async () => {
    const command = `KMS_SANDBOX_HOME='${home}' node '${cli}'; echo "exited with $?"; sleep 60`
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', command)

    // Home: the lessons in course order.
    let screen = await waitFor((text) => text.includes('1. Key policies'))
    expect(screen).toContain('kms-sandbox · how AWS KMS decides who may use a key')
    expect(screen).toMatch(/0\/\d+ done/)

    // Enter opens the first lesson at its text, read from lessons/ when it is shown.
    keys('Enter')
    screen = await waitFor((text) => text.includes('Every KMS key has exactly one key policy'))
    expect(screen).toContain('Lesson 1 · Key policies')
    expect(screen).toContain('The idea')
    expect(screen).not.toContain('What just happened\n')

    // Enter again opens its first scenario, before the first step runs.
    keys('Enter')
    screen = await waitFor((text) => text.includes('Press → to run this step.'))
    const total = Number(/step 1\/(\d+)/.exec(screen)?.[1])
    expect(total).toBeGreaterThan(1)

    // Each → runs a step, or shows the outcome of one that asks a question first.
    for (let presses = 0; !screen.includes('Scenario complete') && presses < total * 3; presses++) {
      const before = screen
      keys('Right')
      screen = await waitFor((text) => text !== before && !text.includes('Running…'))
      expect(screen).toMatch(new RegExp(`step \\d+/${total}`))
      expect(screen).toMatch(/│ (✓ Allowed|✓ Done|✗ Denied|! |\? )/)
    }

    expect(screen).toContain(`step ${total}/${total}`)
    expect(screen).toContain('✓ Scenario complete.')
    expect(screen).toContain('r restart')
    expect(screen).not.toContain('→ next')

    // Played through, l opens the lesson's "What just happened".
    keys('l')
    screen = await waitFor((text) => text.includes('For a caller in the key'))
    expect(screen).toMatch(/What just happened\s*$/m)
    keys('q')
    screen = await waitFor((text) => text.includes('✓ Scenario complete.'))

    // q goes Home with the scenario ticked; q again quits and the frame is gone.
    keys('q')
    screen = await waitFor((text) => text.includes('kms-sandbox ·'))
    expect(screen).toMatch(/1\/\d+ done/)
    keys('q')
    screen = await waitFor((text) => text.includes('exited with'))
    expect(screen).toContain('exited with 0')
    expect(screen).not.toContain('kms-sandbox ·')

    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as {
      scenarios: Record<string, { completed: boolean }>
    }
    expect(Object.values(progress.scenarios).some((entry) => entry.completed)).toBe(true)
  }, 60_000)
})

describe.skipIf(!hasTmux)(`${inTerminal} with NO_COLOR`, () => {
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server'])
  })

  it('draws without colour codes, and Ctrl+C exits 130 leaving a clean screen', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kms-sandbox-e2e-'))
    const mode = `stty -a | grep -q -- -icanon && echo 'tty raw' || echo 'tty cooked'`
    const command = `NO_COLOR=1 KMS_SANDBOX_HOME='${home}' node '${cli}'; echo "exited with $?"; ${mode}; sleep 60`
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', command)
    await waitFor((text) => text.includes('1. Key policies'))

    const screen = tmux('capture-pane', '-e', '-p', '-t', session)
    // Foreground and background colours are SGR 30–49 and 90–107.
    expect(screen).not.toMatch(/\u001B\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]/)

    keys('Enter')
    await waitFor((text) => text.includes('Every KMS key has exactly one key policy'))
    keys('Enter')
    await waitFor((text) => text.includes('Press → to run this step.'))
    keys('C-c')
    const after = await waitFor((text) => text.includes('tty '))
    // 130 is 128 + SIGINT, as a shell reports a program stopped with Ctrl+C.
    expect(after).toContain('exited with 130')
    expect(after).toContain('tty cooked')
    expect(after).not.toContain('Press → to run this step.')
  })
})

function tmux(...args: readonly string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' })
}

function keys(...names: readonly string[]): void {
  tmux('send-keys', '-t', session, ...names)
}

async function waitFor(ready: (screen: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  let screen = ''

  while (Date.now() < deadline) {
    screen = tmux('capture-pane', '-p', '-t', session)
    if (ready(screen)) return screen
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  throw new Error(`The screen did not reach the expected state in ${timeoutMs} ms:\n${screen}`)
}
