import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyProgress } from '../../src/ui/progress/progress'
import { loadProgress, saveProgress } from '../../src/ui/progress/progress-file'
import { keys, renderApp } from './helpers/render-app'

describe('resuming', () => {
  it('reopens a scenario after the step the learner reached last time', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kms-sandbox-resume-')), 'progress.json')
    const first = await renderApp()
    await first.open()
    await first.press(keys.right, keys.right, keys.right, 'q')
    saveProgress(file, first.store.getState().progress)

    const second = await renderApp({ progress: loadProgress(file).progress })

    expect(second.frame()).toMatch(/❯ +· Bob reads Alice's order.* 2\/5 steps/)
    await second.press(keys.enter)

    expect(second.frame()).toContain('Resumed after step 2.')
    expect(second.frame()).toContain('step 2/5')
    expect(second.frame()).toContain('Bob tries to read the order.')
  })
})

describe('the score of a resumed play-through', () => {
  it('counts the answers given before leaving, and starts over on restart', async () => {
    const app = await renderApp({ progress: { ...emptyProgress, predictMode: true } })
    await app.open()
    await app.press(keys.right, 'd', 's', 'q', keys.enter)

    expect(app.frame()).toContain('Resumed after step 1.')
    expect(app.frame()).toContain('score 0/2')
    await app.press(keys.right, 'd', keys.down, keys.down, keys.enter)

    expect(app.frame()).toContain('score 2/4')
    expect(app.store.getState().progress.scenarios['ui-basics']).toMatchObject({
      points: 2,
      possible: 4,
    })
    await app.press('r')

    expect(app.frame()).not.toContain('score')
    expect(app.store.getState().scenario?.run).toEqual({ points: 0, possible: 0 })
    expect(app.store.getState().progress.scenarios['ui-basics']?.run).toBeUndefined()
  })
})
