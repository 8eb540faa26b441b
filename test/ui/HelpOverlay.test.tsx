import { describe, expect, it } from 'vitest'
import { keys, renderApp } from './helpers/render-app'

describe('HelpOverlay', () => {
  it('lists every key when ? is pressed and closes with Esc', async () => {
    const app = await renderApp()
    await app.press('?')

    for (const text of [
      'run the next step',
      'take the last step back',
      'restart the scenario',
      'predict mode',
      'next hint',
      'panels: policy, grants, world, trail',
      'free play',
      'Allow or Deny',
      'ctrl+c',
    ]) {
      expect(app.frame()).toContain(text)
    }

    await app.press(keys.escape)

    expect(app.frame()).toContain('1. Reading with a grant')
  })

  it('opens over a scenario and closes with ? again', async () => {
    const app = await renderApp()
    await app.open()
    await app.press('?')

    expect(app.frame()).toContain('Keys')
    await app.press('?')

    expect(app.frame()).toContain('Alice encrypts an order.')
  })
})
