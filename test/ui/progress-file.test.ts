import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyProgress } from '../../src/ui/progress/progress'
import { loadProgress, progressPath, saveProgress } from '../../src/ui/progress/progress-file'

const folder = () => mkdtempSync(join(tmpdir(), 'kms-sandbox-progress-'))

describe('progressPath', () => {
  it('uses KMS_SANDBOX_HOME when it is set', () => {
    expect(progressPath({ KMS_SANDBOX_HOME: '/x', XDG_CONFIG_HOME: '/y' }, '/home/me')).toBe(
      '/x/progress.json',
    )
  })

  it('uses XDG_CONFIG_HOME when it is absolute', () => {
    expect(progressPath({ XDG_CONFIG_HOME: '/y' }, '/home/me')).toBe('/y/kms-sandbox/progress.json')
    expect(progressPath({ XDG_CONFIG_HOME: 'relative' }, '/home/me')).toBe(
      '/home/me/.config/kms-sandbox/progress.json',
    )
  })

  it('falls back to ~/.config', () => {
    expect(progressPath({}, '/home/me')).toBe('/home/me/.config/kms-sandbox/progress.json')
  })
})

describe('saveProgress and loadProgress', () => {
  it('round-trips progress and leaves no temporary file behind', () => {
    const file = join(folder(), 'nested', 'progress.json')
    const progress = {
      ...emptyProgress,
      predictMode: true,
      lastScenario: 'a',
      scenarios: { a: { completed: true, step: 0, points: 1, possible: 2 } },
    }

    expect(saveProgress(file, progress)).toEqual({})
    expect(loadProgress(file)).toEqual({ progress })
    expect(readdirSync(join(file, '..'))).toEqual(['progress.json'])
  })

  it('starts afresh without a notice when there is no file', () => {
    expect(loadProgress(join(folder(), 'progress.json'))).toEqual({ progress: emptyProgress })
  })

  it('sets a damaged file aside under the next free number and says so in one line', () => {
    const dir = folder()
    const file = join(dir, 'progress.json')
    writeFileSync(file, '{"version": 1, "scenar')
    writeFileSync(`${file}.damaged-1`, 'an older one')

    const loaded = loadProgress(file)

    expect(loaded.progress).toEqual(emptyProgress)
    expect(loaded.notice).toBe(
      'Progress file was damaged; set aside as progress.json.damaged-2, starting afresh.',
    )
    expect(existsSync(file)).toBe(false)
    expect(readFileSync(`${file}.damaged-2`, 'utf8')).toBe('{"version": 1, "scenar')
  })

  it('treats well-formed JSON of the wrong shape as damaged', () => {
    const file = join(folder(), 'progress.json')
    writeFileSync(
      file,
      JSON.stringify({ version: 1, predictMode: false, scenarios: { a: { completed: 'yes' } } }),
    )

    expect(loadProgress(file).notice).toContain('damaged')
  })

  it('reports a folder it cannot write instead of throwing', () => {
    const dir = folder()
    writeFileSync(join(dir, 'file'), '')

    expect(saveProgress(join(dir, 'file', 'progress.json'), emptyProgress).error).toMatch(
      /^Failed to save progress to .*: E/,
    )
  })
})
