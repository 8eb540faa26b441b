import { describe, expect, it } from 'vitest'
import { loadScenarioText } from '../../src/content/load-scenario'
import type { Scenario } from '../../src/content/scenario-schema'
import { keys, renderApp } from './helpers/render-app'

// Alice hands the key to Bob alone: the lockout check refuses; then Dave, of another account, asks.
const scenario = scenarioOf(`
formatVersion: 1
id: ui-basics
title: Two decisions in one step
summary: The lockout check looks at the new policy; another account's root asks.
lesson: ui-lesson
setup:
  accounts:
    - id: '111122223333'
      users: [{ name: alice }, { name: bob }]
    - id: '444455556666'
  keys:
    - ref: team-key
      policy:
        inline:
          Version: '2012-10-17'
          Statement:
            - Sid: AliceOwnsTheKey
              Effect: Allow
              Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' }
              Action: 'kms:*'
              Resource: '*'
steps:
  - as: user/alice
    narration: Alice hands the key to Bob.
    do:
      kms: PutKeyPolicy
      args:
        KeyId: team-key
        Policy:
          Version: '2012-10-17'
          Statement:
            - Sid: BobOwnsTheKey
              Effect: Allow
              Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' }
              Action: 'kms:*'
              Resource: '*'
  - as: 444455556666:root
    narration: Another account's root tries the key.
    do: { kms: DescribeKey, args: { KeyId: team-key } }
`)

describe('the policy panel', () => {
  it('shows each decision of a step, labelled, switched with [ and ]', async () => {
    const app = await renderApp({ scenario })
    await app.open()
    await app.press(keys.right)

    expect(app.frame()).toContain('Decision 1 of 2: the authorization')
    expect(app.frame()).toContain('✓ Allow "AliceOwnsTheKey"')
    await app.press(']')

    expect(app.frame()).toContain('Decision 2 of 2: the new policy, for the lockout check')
    expect(app.frame()).toContain('Allow "BobOwnsTheKey"')
    await app.press('[')

    expect(app.frame()).toContain('Decision 1 of 2')
  })

  it('stops scrolling at the last line of the panel', async () => {
    const app = await renderApp({ scenario })
    await app.open()
    await app.press(keys.right, keys.down, keys.down, keys.down)

    expect(app.store.getState().scenario?.scroll).toBe(0)
    expect(app.frame()).toContain('Decision 1 of 2')
  })

  it('names a principal of another account with its account ID', async () => {
    const app = await renderApp({ scenario })
    await app.open()
    await app.press(keys.right, keys.right)

    expect(app.frame()).toContain('444455556666:root → kms:DescribeKey on team-key')
  })
})

function scenarioOf(yaml: string): Scenario {
  const loaded = loadScenarioText(yaml, 'inline.yaml')
  if (!loaded.ok) throw new Error(loaded.issues.map((issue) => issue.message).join('\n'))

  return loaded.scenario
}
