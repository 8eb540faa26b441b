import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCheckCase } from '../../src/check/load-check-case'
import { runCheckCase } from '../../src/check/run-check-case'

// The real-world cases in ../shared/cases, which CI lays beside the checkout.
const folder = join(import.meta.dirname, '..', '..', '..', 'shared', 'cases')
const files = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')) : []

describe('shared policy check files', () => {
  it('finds the shared cases beside the checkout', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  for (const file of files) {
    it(`reaches the expected decision for ${file}`, () => {
      const loaded = loadCheckCase(readFileSync(join(folder, file), 'utf8'), file)
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems))

      const run = runCheckCase(loaded.checkCase)
      if (!run.ok) throw new Error(JSON.stringify(run.problems))

      expect(run.result.mismatches).toEqual([])
    })
  }
})
