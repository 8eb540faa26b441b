import { describe, expect, it } from 'vitest'
import { keys, readFixtureLesson, renderApp } from './helpers/render-app'

const end = '\u001B[F'

describe('LessonScreen', () => {
  it('shows "The idea" and "Try it" when a lesson is opened from Home', async () => {
    const app = await renderApp()
    await app.press(keys.enter)
    const frame = app.frame()

    expect(frame).toContain('Lesson 1 · Reading with a grant')
    expect(frame).toMatch(/^ The idea$/m)
    expect(frame).toContain('A key policy names who may use the key.')
    expect(frame).toMatch(/^ Try it$/m)
    expect(frame).not.toContain('Bob was refused')
    expect(frame).toContain(`"What just happened" opens here once you finish one of this lesson's`)
  })

  it('renders `code` and **bold** as text, without their marks', async () => {
    const app = await renderApp()
    await app.press(keys.enter)

    expect(app.frame().replace(/\s+/g, ' ')).toContain(
      'without touching the policy: see CreateGrant.',
    )
    expect(app.frame()).toContain('Grants are easy to forget')
    expect(app.frame()).not.toMatch(/[`*]/)
  })

  it('reads the lesson file only when it is first shown', async () => {
    const read: string[] = []
    const readLesson = (file: string) => {
      read.push(file)

      return readFixtureLesson(file)
    }
    const app = await renderApp({ readLesson })

    expect(read).toEqual([])
    await app.press(keys.enter, 'q', 'l')

    expect(read).toEqual(['01-ui.md'])
    expect(app.frame()).toContain('A key policy names who may use the key.')
  })

  it('says so when the lesson file cannot be read', async () => {
    const app = await renderApp({ readLesson: () => Promise.reject(new Error('ENOENT')) })
    await app.press(keys.enter)

    expect(app.frame()).toContain('Failed to read lessons/01-ui.md')
  })

  it('scrolls within the text and never past its end', async () => {
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1}.`)
    const long = `# Long\n\n## The idea\n\n${sentences.join('\n')}\n`
    const app = await renderApp({ readLesson: async () => long })
    await app.press(keys.enter)

    expect(app.frame()).toContain('The idea · 1–20/41')
    await app.press(keys.down)

    expect(app.frame()).not.toMatch(/^ The idea$/m)
    expect(app.frame()).toContain('The idea · 2–21/41')
    await app.press(end, end, keys.up)

    expect(app.frame()).toContain('The idea · 21–40/41')
    expect(app.frame()).toContain('Sentence 39.')
  })

  it('opens over a scenario with l and returns to the same step with q', async () => {
    const app = await renderApp()
    await app.open()
    await app.press(keys.right, 'l')

    expect(app.frame()).toContain('Lesson 1 · Reading with a grant')
    expect(app.frame()).toContain('back to the scenario')
    await app.press('q')

    expect(app.frame()).toContain('✓ Allowed · decided by key-policy:AliceUsesTheKey')
  })

  it('offers "What just happened" once the scenario is played through', async () => {
    const app = await renderApp()
    await app.open()
    await app.press(keys.right, keys.right, keys.right, keys.right, keys.right, keys.right)

    expect(app.frame()).toContain(`✓ Scenario complete. Press l for the lesson's "What just`)
    expect(app.frame()).toMatch(/^r restart {2}l lesson/m)
    expect(app.frame()).not.toContain('→ next')
    await app.press('l')

    expect(app.frame()).toMatch(/^ What just happened$/m)
    expect(app.frame()).toContain('Bob was refused until Alice gave him a grant for kms:Decrypt.')
    expect(app.frame()).toContain('• AWS KMS Developer Guide: Grants in AWS KMS')
    await app.press(keys.tab)

    expect(app.frame()).toMatch(/^ The idea$/m)
    expect(app.frame()).toContain('Press tab for "What just happened".')
  })

  it('keeps "What just happened" closed before any scenario of the lesson is finished', async () => {
    const app = await renderApp()
    await app.press(keys.enter, keys.tab)

    expect(app.store.getState().reader?.part).toBe('idea')
    expect(app.frame()).not.toContain('tab what just happened')
  })

  it('starts the lesson’s scenario with enter when opened from Home', async () => {
    const app = await renderApp()
    await app.press(keys.enter, keys.enter)

    expect(app.store.getState().reader).toBeUndefined()
    expect(app.frame()).toContain('Press → to run this step.')
  })
})
