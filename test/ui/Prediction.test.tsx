import { describe, expect, it } from 'vitest'
import { keys, renderApp } from './helpers/render-app'

// Steps 1 and 2 of the fixture: Alice encrypts, then Bob's decrypt asks a question.
async function atQuestion() {
  const app = await renderApp()
  await app.open()
  await app.press(keys.right, keys.right)

  return app
}

describe('predictions', () => {
  it('hides the outcome of a step that asks until the learner answers', async () => {
    const app = await atQuestion()

    expect(app.frame()).toContain("? Can Bob decrypt Alice's order?")
    expect(app.frame()).toContain('Hidden until you predict')
    expect(app.frame()).not.toContain('AccessDeniedException')
  })

  it('scores the verdict and the deciding statement', async () => {
    const app = await atQuestion()
    await app.press('d')

    expect(app.frame()).toContain('Which statement decides?')
    expect(app.frame()).toContain('❯ Allow "Enable IAM User Permissions"')
    await app.press(keys.down, keys.down, keys.enter)

    expect(app.frame()).toContain('Your prediction: Deny ✓ · none of them decides ✓ +2')
    expect(app.frame()).toContain('No statement names Bob, and he has no IAM policy.')
    expect(app.frame()).toContain('score 2/2')
  })

  it('scores a wrong verdict and a skipped statement as nothing', async () => {
    const app = await atQuestion()
    await app.press('a', 's')

    expect(app.frame()).toContain('Your prediction: Allow ✗ +0')
    expect(app.frame()).toContain('score 0/2')
    expect(app.frame()).toContain('AccessDeniedException')
  })

  it('shows the outcome without scoring when the learner presses →', async () => {
    const app = await atQuestion()
    await app.press(keys.right)

    expect(app.frame()).toContain('✗ Denied by default · as expected')
    expect(app.frame()).not.toContain('Your prediction')
  })

  it('asks before every authorized step in predict mode', async () => {
    const app = await renderApp()
    await app.open()
    await app.press('p')

    expect(app.frame()).toContain('Predict mode on')
    await app.press(keys.right)

    expect(app.frame()).toContain('? Will KMS allow this request?')
    expect(app.frame()).toContain('step 1/5 · predict')
    await app.press('a', keys.up, keys.enter)

    expect(app.frame()).toMatch(
      /Your prediction: Allow ✓ · Allow "Enable IAM User Permissions" ✗ \+1/,
    )
    expect(app.store.getState().progress.predictMode).toBe(true)
  })
})
