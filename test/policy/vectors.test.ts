import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../src/policy'
import { toRequest, type Vector } from '../helpers/vector'

const folder = join(import.meta.dirname, '..', 'vectors')

for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
  const vectors = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Vector[]

  describe(`evaluate: ${file}`, () => {
    for (const vector of vectors) {
      const test = vector.skip ? it.skip : it

      test(vector.name, () => {
        const decision = evaluate(toRequest(vector))

        expect(decision.verdict).toBe(vector.expect.verdict)
        if (vector.expect.decidedBy) expect([...decision.decidedBy].sort()).toEqual([...vector.expect.decidedBy].sort())
        if (vector.expect.message) expect(decision.message).toBe(vector.expect.message)
      })
    }
  })
}
