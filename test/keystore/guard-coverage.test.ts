import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

// Every `// Guard: <sentence>` in src/keystore (outside crypto/, which has its
// own tests) must have a test titled `Guard: <sentence>` in test/keystore.
const src = join(import.meta.dirname, '..', '..', 'src', 'keystore')
const tests = import.meta.dirname

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'crypto' ? [] : files(path, pattern)

    return pattern.test(name) ? [path] : []
  })
}

describe('keystore guards', () => {
  it('has a test titled after every guard sentence', () => {
    const sentences = files(src, /\.ts$/).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\/\/ Guard: (.+)$/gm)].map(
        (match) => match[1]!.replace(/\.$/, ''),
      ),
    )
    const titles = files(tests, /\.test\.ts$/)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n')
    // A title may quote the sentence in single quotes (escaping any ') or in double quotes.
    const quoted = (sentence: string) => [
      `'Guard: ${sentence.replaceAll("'", "\\'")}'`,
      `"Guard: ${sentence}"`,
    ]
    const untested = sentences.filter((s) => !quoted(s).some((title) => titles.includes(title)))

    expect(sentences.length).toBeGreaterThan(40)
    expect(untested).toEqual([])
  })
})
