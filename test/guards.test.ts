import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Every `// Guard: <sentence>` in src/ needs a test titled `Guard: <sentence>`.
const root = join(import.meta.dirname, '..')

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path, pattern)

    return pattern.test(name) ? [path] : []
  })
}

describe('guards', () => {
  it('has a test of the same name for every labelled guard in src', () => {
    const guards = files(join(root, 'src'), /\.tsx?$/).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\/\/ Guard: (.+)$/gm)].map((match) => match[1]!.trim().replace(/\.$/, '')),
    )
    const tests = files(join(root, 'test'), /\.test\.tsx?$/)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n')
    const untested = guards.filter((guard) => !tests.includes(`Guard: ${guard}`))

    expect(untested).toEqual([])
  })
})
