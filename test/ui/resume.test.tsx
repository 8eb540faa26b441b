import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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
