import { Chalk } from 'chalk'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatTranscript } from '../../src/cli/transcript'
import { loadCourse } from '../../src/content/load-course'
import { runScenario } from '../../src/content/run-scenario'

// Every shipped scenario replays with each expectation met, and prints the
// transcript committed in test/golden. After a deliberate change, refresh them
// with UPDATE_GOLDEN=1 npm test and review the diff.
const root = join(import.meta.dirname, '..', '..')
const loaded = loadCourse(root)
const scenarios = loaded.ok ? loaded.scenarios : []
const plain = new Chalk({ level: 0 })

describe('shipped scenarios', () => {
  it('load as one course with no issues', () => {
    expect(loaded.ok ? [] : loaded.issues).toEqual([])
    expect(scenarios.length).toBeGreaterThanOrEqual(14)
  })

  for (const scenario of scenarios) {
    it(`replays ${scenario.id} as its expectations and golden transcript say`, async () => {
      const run = await runScenario(scenario)
      const unmet = run.results.flatMap((result) => result.unmet.map((problem) => `step ${result.index + 1}: ${problem}`))
      expect(unmet).toEqual([])

      const transcript = formatTranscript(run, plain)
      const golden = join(root, 'test', 'golden', `${scenario.id}.txt`)
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, transcript)

      expect(existsSync(golden), `no golden transcript: run UPDATE_GOLDEN=1 npm test`).toBe(true)
      expect(transcript).toBe(readFileSync(golden, 'utf8'))
    })
  }
})
