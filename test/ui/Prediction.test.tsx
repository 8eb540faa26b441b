import { describe, expect, it } from 'vitest'
import { loadScenarioText } from '../../src/content/load-scenario'
import type { Scenario } from '../../src/content/scenario-schema'
import { keys, renderApp } from './helpers/render-app'

// Steps 1 and 2 of the fixture: Alice encrypts, then Bob's decrypt asks a question.
async function atQuestion() {
  const app = await renderApp()
  await app.open()
  await app.press(keys.right, keys.right)

  return app
}

// Bob is named in the key policy, but an IAM policy of his denies everything.
const identityDeny = scenarioOf(`
formatVersion: 1
id: ui-basics
title: An IAM Deny beats the key policy
summary: Bob is named in the key policy and denied by his own IAM policy.
lesson: ui-lesson
setup:
  accounts:
    - id: '111122223333'
      users:
        - name: bob
          policies:
            NoKms:
              Version: '2012-10-17'
              Statement:
                - { Sid: DenyAllKms, Effect: Deny, Action: 'kms:*', Resource: '*' }
  keys:
    - ref: team-key
      policy:
        inline:
          Version: '2012-10-17'
          Statement:
            - Sid: BobUsesTheKey
              Effect: Allow
              Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' }
              Action: 'kms:*'
              Resource: '*'
steps:
  - as: user/bob
    narration: Bob encrypts.
    predict: { question: Can Bob encrypt?, answer: denied }
    do: { kms: Encrypt, args: { KeyId: team-key, Plaintext: hi } }
`)

describe('predictions', () => {
  it('hides the outcome of a step that asks until the learner answers', async () => {
    const app = await atQuestion()

    expect(app.frame()).toContain("? Can Bob decrypt Alice's order?")
    expect(app.frame()).toContain('Hidden until you predict')
    expect(app.frame()).not.toContain('AccessDeniedException')
  })

  it('scores the verdict and "none of them" for a deny by default', async () => {
    const app = await atQuestion()
    await app.press('d')

    expect(app.frame()).toContain('Which statement or grant decides?')
    expect(app.frame()).toContain('❯ Allow "Enable IAM User Permissions"')
    await app.press(keys.down, keys.down, keys.enter)

    expect(app.frame()).toContain('Your prediction: Deny ✓ · none of them decides ✓ +2')
    expect(app.frame()).toContain('No statement names Bob, and he has no IAM policy.')
    expect(app.frame()).toContain('score 2/2')
  })

  it('offers the caller’s IAM statements, and scores "none of them" wrong when one denies', async () => {
    const app = await renderApp({ scenario: identityDeny })
    await app.open()
    await app.press(keys.right, 'd')

    expect(app.frame()).toContain('Key policy')
    expect(app.frame()).toContain('Allow "BobUsesTheKey"')
    expect(app.frame()).toContain('IAM policies of user/bob')
    expect(app.frame()).toContain('Deny "DenyAllKms"')
    await app.press(keys.down, keys.down, keys.enter)

    expect(app.frame()).toContain('Your prediction: Deny ✓ · none of them decides ✗ +1')
  })

  it('scores the IAM statement that denies as the decider', async () => {
    const app = await renderApp({ scenario: identityDeny })
    await app.open()
    await app.press(keys.right, 'd', keys.down, keys.enter)

    expect(app.frame()).toContain(
      'Your prediction: Deny ✓ · Deny "DenyAllKms" (IAM policies of user/bob) ✓ +2',
    )
  })

  it('offers the key’s grants and scores the grant that allowed', async () => {
    const app = await renderApp()
    await app.open()
    await app.press(keys.right, keys.right, keys.right, keys.right, 'p', keys.right, 'a')

    expect(app.frame()).toContain('Grants')
    expect(app.frame()).toMatch(/ {2}grant [0-9a-f]{8}…/)
    await app.press(keys.down, keys.down, keys.enter)

    expect(app.frame()).toMatch(/Your prediction: Allow ✓ · grant [0-9a-f]{8}… ✓ \+2/)
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

  it('skips the pick with → as well as s, as the status line says', async () => {
    const app = await atQuestion()
    await app.press('d')

    expect(app.frame()).toContain('s → skip')
    await app.press(keys.right)

    expect(app.frame()).toContain('Your prediction: Deny ✓ +1')
  })

  it('asks before every authorized step in predict mode', async () => {
    const app = await renderApp()
    await app.open()
    await app.press('p')

    expect(app.frame()).toContain('Predict mode on')
    await app.press(keys.right)

    expect(app.frame()).toContain('? Will KMS allow this request?')
    expect(app.frame()).toMatch(/step 1\/5 · .* predict\n/)
    await app.press('a', keys.up, keys.enter)

    expect(app.frame()).toMatch(
      /Your prediction: Allow ✓ · Allow "Enable IAM User Permissions" ✗ \+1/,
    )
    expect(app.store.getState().progress.predictMode).toBe(true)
  })
})

function scenarioOf(yaml: string): Scenario {
  const loaded = loadScenarioText(yaml, 'inline.yaml')
  if (!loaded.ok) throw new Error(loaded.issues.map((issue) => issue.message).join('\n'))

  return loaded.scenario
}
